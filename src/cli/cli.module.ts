import { Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { AuthModule } from '../auth/auth.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { JobsModule } from '../jobs/jobs.module';
import { LoggingModule } from '../logging/logging.module';
import { PlatformModule } from '../platform/platform.module';
import { ProvisioningModule } from '../provisioning/provisioning.module';
import { RedisModule } from '../redis/redis.module';
import { TenancyModule } from '../tenancy/tenancy.module';

/** What operator commands need: the data layer, the registry and the provisioning producer. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    ClsModule.forRoot({ global: true }),
    RedisModule,
    DatabaseModule,
    TenancyModule,
    AuthModule,
    JobsModule,
    ProvisioningModule,
    PlatformModule,
  ],
})
export class CliModule {}
