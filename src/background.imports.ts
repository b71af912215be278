import { ClsModule } from 'nestjs-cls';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { JobsModule } from './jobs/jobs.module';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { RedisModule } from './redis/redis.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { RemindersModule } from './reminders/reminders.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { TrainingMailModule } from './training/trainee-mail-audience';

/**
 * What every process without HTTP (the worker, the CLI) is built from: the data layer, the
 * registry, auth services and the queues. AsyncLocalStorage is set up per job or command, so
 * CLS has no middleware here.
 */
export const backgroundImports = [
  ConfigModule,
  LoggingModule,
  ClsModule.forRoot({ global: true }),
  RedisModule,
  DatabaseModule,
  TenancyModule,
  AuthModule,
  AuditModule,
  JobsModule,
  EventsModule,
  // Event consumers: background processes publish events too (reminders, webhooks).
  MailModule,
  // A sandbox's mail goes to its trainees only (src/training).
  TrainingMailModule,
  WebhooksModule,
  RemindersModule,
  ProvisioningModule,
];
