import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { RedisService } from '../redis/redis.service';
import {
  MAIL_QUEUE,
  PDF_QUEUE,
  PLATFORM_QUEUE,
  PORTFOLIO_QUEUE,
  PORTABILITY_QUEUE,
  PROVISIONING_QUEUE,
  SCHEDULE_QUEUE,
  TRAINING_QUEUE,
  WEBHOOK_QUEUE,
} from './queues';
import { TenantJobQueue } from './tenant-jobs';

/** BullMQ on the shared Redis settings; producers (API) and consumers (worker) both import it. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [RedisService],
      useFactory: (redis: RedisService) => ({
        connection: redis.queueConnection,
        prefix: redis.queuePrefix,
      }),
    }),
    BullModule.registerQueue(
      { name: PROVISIONING_QUEUE },
      { name: PDF_QUEUE },
      { name: MAIL_QUEUE },
      { name: WEBHOOK_QUEUE },
      { name: SCHEDULE_QUEUE },
      { name: PLATFORM_QUEUE },
      { name: PORTFOLIO_QUEUE },
      { name: PORTABILITY_QUEUE },
      { name: TRAINING_QUEUE },
    ),
  ],
  providers: [TenantJobQueue],
  exports: [BullModule, TenantJobQueue],
})
export class JobsModule {}
