import { InjectQueue, OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Calendar } from '../common/calendar';
import { AppConfig } from '../config/app-config';
import { MAIL_QUEUE } from '../jobs/queues';
import { TenantJobQueue, TenantWorkerHost } from '../jobs/tenant-jobs';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { DeliverMailJob, MAIL_JOB, MAIL_SCHEDULERS } from './mail-jobs';
import { MailService } from './mail.service';

/**
 * Jobs in flight per pooled SMTP connection: while one job waits for the server, another claims
 * or marks its row in Postgres, so the connections (the scarce resource) never sit idle.
 */
const JOBS_PER_SMTP_CONNECTION = 8;

/**
 * Worker side of mail (runs only in the worker process): delivers outbox messages and digests
 * as province jobs, and runs the deployment-wide sweep and digest fan-out, whose schedulers it
 * upserts at start-up (an upsert per worker is idempotent: one scheduler each, one job per tick).
 */
@Processor(MAIL_QUEUE)
export class MailProcessor extends TenantWorkerHost<DeliverMailJob> implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    registry: TenantRegistry,
    tenantDb: TenantDatabase,
    tenantJobs: TenantJobQueue,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly calendar: Calendar,
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<DeliverMailJob>,
  ) {
    super(registry, tenantDb, tenantJobs);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.mail.concurrency * JOBS_PER_SMTP_CONNECTION;
    const finished = { removeOnComplete: true, removeOnFail: true };
    await this.queue.upsertJobScheduler(
      MAIL_SCHEDULERS.sweep,
      { every: this.config.mail.sweepSeconds * 1000 },
      { name: MAIL_JOB.sweep, data: { tenantId: '' }, opts: finished },
    );
    await this.queue.upsertJobScheduler(
      MAIL_SCHEDULERS.digest,
      { pattern: `0 ${this.config.mail.digestHour} * * *`, tz: this.config.timeZone },
      { name: MAIL_JOB.digestFanOut, data: { tenantId: '' }, opts: finished },
    );
  }

  /** Deployment-wide jobs carry no province; province jobs go through TenantWorkerHost. */
  override async process(job: Job<DeliverMailJob>): Promise<unknown> {
    if (job.name === MAIL_JOB.sweep) return this.mail.sweep();
    if (job.name === MAIL_JOB.digestFanOut) return this.mail.fanOutDigests();
    return super.process(job);
  }

  protected handle(job: Job<DeliverMailJob>): Promise<unknown> {
    if (job.name === MAIL_JOB.digest) return this.mail.sendDigests(job.data.date ?? this.calendar.today());
    if (!job.data.messageId) throw new Error(`mail job ${job.id} has no messageId`);
    return this.mail.deliver(job.data.messageId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<DeliverMailJob> | undefined, error: Error): void {
    this.logger.warn(
      { err: error.message, job: job?.id, attempt: job?.attemptsMade },
      'Mail job failed; BullMQ retries it with backoff',
    );
  }
}
