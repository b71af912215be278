import { Module } from '@nestjs/common';
import { PlatformModule } from '../platform/platform.module';
import { ProvinceRateLimitGuard } from './province-rate-limit.guard';
import { ProvinceRateLimiter } from './province-rate-limiter.service';
import { RateLimitController } from './rate-limit.controller';

/**
 * Noisy neighbours (README, "Rate limit per province"): the counter and the guard that AppModule
 * places between host resolution and the token check, and the operators' endpoint.
 */
@Module({
  imports: [PlatformModule],
  controllers: [RateLimitController],
  providers: [ProvinceRateLimiter, ProvinceRateLimitGuard],
  exports: [ProvinceRateLimiter, ProvinceRateLimitGuard],
})
export class RateLimitModule {}
