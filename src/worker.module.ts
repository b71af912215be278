import { Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { JobsModule } from './jobs/jobs.module';
import { LoggingModule } from './logging/logging.module';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { ProvisioningProcessor } from './provisioning/provisioning.processor';
import { RedisModule } from './redis/redis.module';
import { TenancyModule } from './tenancy/tenancy.module';

/** The background worker: same data layer as the API, no HTTP, and the job processors. */
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
  ],
  providers: [ProvisioningProcessor],
})
export class WorkerModule {}
