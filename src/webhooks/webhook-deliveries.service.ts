import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EventsService } from '../events/events.service';
import { TenantJobData, WEBHOOK_QUEUE } from '../jobs/queues';
import { TenantJobQueue } from '../jobs/tenant-jobs';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { retryDelayMs, WEBHOOK_BACKOFF } from './retry';
import { WebhookHttpClient, WebhookResponse } from './webhook-http.client';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksRepository } from './webhooks.repository';

export interface WebhookDeliveryJob extends TenantJobData {
  deliveryId: string;
  /** The wait before the next attempt, chosen by the last attempt (read by the backoff strategy). */
  retryDelayMs?: number;
}

export const DELIVER_JOB = 'deliver';
/** Safety net only: the retry window (WEBHOOK_RETRY_HOURS) ends a delivery long before this. */
const MAX_JOB_ATTEMPTS = 500;
/** Finished jobs are kept this long (seconds) for inspection, then dropped by BullMQ. */
const KEEP_FINISHED_SECONDS = 24 * 60 * 60;
/** A claim outlives the request's timeout by this much, so a slow attempt is never sent twice. */
const CLAIM_MARGIN_MS = 30_000;
/** A pending delivery due this long ago with no attempt running has lost its job; the sweep requeues it. */
export const SWEEP_GRACE_MS = 5 * 60 * 1000;
/** Deliveries requeued per province per sweep. */
const SWEEP_BATCH = 500;
const HOUR_MS = 60 * 60 * 1000;
/** Answers that mean "try again later" among the 4xx. */
const RETRYABLE_4XX = new Set([408, 429]);

/** Thrown so BullMQ schedules the next attempt (with the wait recorded in the job). */
export class RetryLater extends Error {}

/**
 * Delivers webhook events: one attempt per job run, the outcome in the delivery log, retries by
 * the queue with exponential backoff (with jitter) until the retry window closes, and the
 * subscription turned off (announcing webhook.disabled) after too many failed deliveries in a row.
 */
@Injectable()
export class WebhookDeliveries {
  private readonly logger = new Logger(WebhookDeliveries.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly registry: TenantRegistry,
    private readonly repo: WebhooksRepository,
    private readonly http: WebhookHttpClient,
    private readonly secrets: WebhookSecrets,
    private readonly events: EventsService,
    private readonly config: AppConfig,
    private readonly tenantJobs: TenantJobQueue,
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue<WebhookDeliveryJob>,
  ) {}

  /** Queues the deliveries once the unit of work that wrote them has committed. */
  enqueueAfterCommit(em: EntityManager, ids: string[], kind: 'delivery' | `redeliver-${number}` = 'delivery'): void {
    if (!ids.length) return;
    const tenantId = this.db.currentTenant().id;
    this.db.afterCommit(em, () => this.enqueue(tenantId, ids, kind));
  }

  /** The job id makes a second enqueue of the same delivery (a sweep racing a lost job) a no-op. */
  private async enqueue(tenantId: string, ids: string[], kind: string): Promise<void> {
    const options = (id: string): JobsOptions => ({
      jobId: `${kind}:${id}`,
      attempts: MAX_JOB_ATTEMPTS,
      backoff: { type: WEBHOOK_BACKOFF },
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
      removeOnFail: { age: KEEP_FINISHED_SECONDS },
    });
    await this.tenantJobs.addBulk(
      this.queue,
      tenantId,
      ids.map((deliveryId) => ({ name: DELIVER_JOB, data: { tenantId, deliveryId }, options: options(deliveryId) })),
    );
  }

  /** One attempt at one delivery (in a job, with the province restored). */
  async deliver(job: Job<WebhookDeliveryJob>): Promise<string> {
    const { deliveryId } = job.data;
    const claimed = await this.db.transaction((em) =>
      this.repo.claim(em, deliveryId, this.config.webhooks.timeoutMs + CLAIM_MARGIN_MS),
    );
    if (!claimed) return 'not pending';
    if (!claimed.active) {
      await this.db.transaction((em) => this.repo.abandon(em, deliveryId, 'subscription is disabled'));
      return 'subscription disabled';
    }
    const body = JSON.stringify(claimed.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const secret = this.openSecret(claimed.secret_sealed);
    const response: WebhookResponse =
      secret === null
        ? // Nothing can be signed until an administrator rotates the secret: fail rather than retry.
          {
            statusCode: null,
            error: 'the signing secret cannot be read (was JWT_SECRET changed?); rotate the secret',
            durationMs: 0,
            refused: true,
          }
        : await this.http.post(claimed.url, body, {
            'X-Daftar-Event': claimed.event_type,
            'X-Daftar-Delivery': deliveryId,
            'X-Daftar-Timestamp': timestamp,
            'X-Daftar-Signature': this.secrets.sign(secret, timestamp, body),
          });

    const attempts = claimed.attempts + 1;
    const delay = retryDelayMs(this.config.webhooks.retryBaseMs, attempts, deliveryId);
    const windowEnds = claimed.started_at.getTime() + this.config.webhooks.retryHours * HOUR_MS;
    const outcome = this.classify(response);
    const lastJobAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const status =
      outcome === 'ok'
        ? 'delivered'
        : outcome === 'final' || Date.now() + delay > windowEnds || lastJobAttempt
          ? 'failed'
          : 'pending';

    await this.db.transaction(async (em) => {
      await this.repo.recordAttempt(em, deliveryId, {
        status,
        statusCode: response.statusCode,
        error: response.error,
        durationMs: response.durationMs,
        nextAttemptAt: status === 'pending' ? new Date(Date.now() + delay) : null,
      });
      if (status === 'delivered') await this.repo.resetFailures(em, claimed.subscription_id);
      if (status === 'failed')
        await this.countFailure(em, claimed.subscription_id, claimed.url, response.error ?? 'failed');
    });
    if (status === 'pending') {
      await job.updateData({ ...job.data, retryDelayMs: delay });
      throw new RetryLater(`attempt ${attempts} failed: ${response.error}`);
    }
    return status;
  }

  private openSecret(sealed: string): string | null {
    try {
      return this.secrets.open(sealed);
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'A webhook secret could not be unsealed');
      return null;
    }
  }

  private classify(response: WebhookResponse): 'ok' | 'retry' | 'final' {
    const code = response.statusCode;
    if (code !== null && code >= 200 && code < 300) return 'ok';
    // The address policy and redirects will not change by waiting; other 4xx mean the receiver refuses this request.
    if (response.refused) return 'final';
    if (code !== null && code >= 300 && code < 500 && !RETRYABLE_4XX.has(code)) return 'final';
    return 'retry';
  }

  private async countFailure(em: EntityManager, subscriptionId: string, url: string, lastError: string): Promise<void> {
    const { failures, active } = await this.repo.countFailure(em, subscriptionId);
    if (!active || failures < this.config.webhooks.disableAfterFailures) return;
    const reason = `${failures} deliveries in a row failed; last: ${lastError}`.slice(0, 1000);
    if (!(await this.repo.disable(em, subscriptionId, reason))) return;
    await this.events.publish(em, {
      type: 'webhook.disabled',
      data: { subscriptionId, url, failures, lastError: lastError.slice(0, 1000) },
    });
    this.logger.warn({ subscriptionId, failures }, 'Webhook subscription disabled after repeated failures');
  }

  /**
   * Requeues pending deliveries whose job was lost (e.g. Redis unreachable right after the
   * commit that wrote them). Runs in the worker on start and on a schedule; harmless when
   * several workers run it (job ids dedupe).
   */
  async sweep(): Promise<number> {
    let requeued = 0;
    for (const id of await this.registry.activeIds()) {
      const tenant = await this.registry.findById(id);
      if (!tenant || tenant.status !== 'active') continue;
      try {
        const ids = await this.db.runAs(tenant, () =>
          this.db.transaction((em) => this.repo.stalled(em, SWEEP_GRACE_MS, SWEEP_BATCH)),
        );
        if (ids.length) await this.enqueue(tenant.id, ids, 'delivery');
        requeued += ids.length;
      } catch (error) {
        this.logger.warn({ err: (error as Error).message, tenant: tenant.slug }, 'Webhook sweep of a province failed');
      }
    }
    return requeued;
  }
}
