import { Module } from '@nestjs/common';
import { backgroundImports } from './background.imports';
import { MailDeliveryModule } from './mail/mail-delivery.module';
import { WorkerMetricsModule } from './metrics/worker-metrics.module';
import { PrintingWorkerModule } from './printing/printing-worker.module';
import { PlatformJobsModule } from './platform/platform-jobs.module';
import { PortabilityWorkerModule } from './portability/portability-worker.module';
import { ProvisioningProcessor } from './provisioning/provisioning.processor';
import { RemindersProcessor } from './reminders/reminders.processor';
import { TrainingJobsModule } from './training/training-jobs.module';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';

/** The background worker: same data layer as the API, no HTTP, and the job processors. */
@Module({
  imports: [
    ...backgroundImports,
    MailDeliveryModule,
    PrintingWorkerModule,
    PlatformJobsModule,
    PortabilityWorkerModule,
    WorkerMetricsModule,
    TrainingJobsModule,
  ],
  providers: [ProvisioningProcessor, WebhookDeliveryProcessor, RemindersProcessor],
})
export class WorkerModule {}
