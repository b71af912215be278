import { InjectQueue, OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { TenantJobData, WEBHOOK_QUEUE } from '../jobs/queues';
import { TenantJobQueue, TenantWorkerHost } from '../jobs/tenant-jobs';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { webhookBackoffStrategy } from './retry';
import { RetryLater, SWEEP_GRACE_MS, WebhookDeliveries, WebhookDeliveryJob } from './webhook-deliveries.service';

/** The deployment-wide job that requeues lost deliveries of every province. */
const SWEEP_JOB = 'sweep';
const SWEEP_SCHEDULER_ID = 'webhooks-sweep';
/** Deliveries at once per worker process: each mostly waits on a remote server. */
const DELIVERY_CONCURRENCY = 8;

/** Worker side of webhooks: one delivery attempt per job, and the periodic sweep. */
@Processor(WEBHOOK_QUEUE, { concurrency: DELIVERY_CONCURRENCY, settings: { backoffStrategy: webhookBackoffStrategy } })
export class WebhookDeliveryProcessor
  extends TenantWorkerHost<WebhookDeliveryJob, string | number>
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    registry: TenantRegistry,
    tenantDb: TenantDatabase,
    tenantJobs: TenantJobQueue,
    private readonly deliveries: WebhookDeliveries,
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue<TenantJobData>,
  ) {
    super(registry, tenantDb, tenantJobs);
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent across workers: one scheduler id for the deployment.
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: SWEEP_GRACE_MS },
      { name: SWEEP_JOB, data: { tenantId: '' }, opts: { removeOnComplete: true, removeOnFail: true } },
    );
  }

  override async process(job: Job<WebhookDeliveryJob>): Promise<string | number> {
    // The sweep belongs to no province; everything else is a province job.
    if (job.name === SWEEP_JOB) return this.deliveries.sweep();
    return super.process(job);
  }

  protected handle(job: Job<WebhookDeliveryJob>): Promise<string> {
    return this.deliveries.deliver(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<WebhookDeliveryJob> | undefined, error: Error): void {
    if (job && job.attemptsMade < (job.opts.attempts ?? 1) && error instanceof RetryLater) return;
    this.logger.warn(
      { err: error.message, tenantId: job?.data.tenantId, deliveryId: job?.data.deliveryId },
      'Webhook delivery job failed',
    );
  }
}
