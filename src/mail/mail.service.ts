import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { Calendar } from '../common/calendar';
import { isUniqueViolation } from '../common/sql';
import { AppConfig } from '../config/app-config';
import { EventConsumer, EventsService, PublishedEvent } from '../events/events.service';
import { MAIL_QUEUE } from '../jobs/queues';
import { TenantJobQueue } from '../jobs/tenant-jobs';
import { TenantRecord } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { EventAudience } from '../notifications/event-audience';
import { Recipient, UsersService } from '../users/users.service';
import { MailOutboxRepository, NewOutboxMessage, OutboxMessage } from './mail-outbox.repository';
import { ProvinceBatches } from './province-batches';
import { SANDBOX_MAIL_AUDIENCE, SandboxMailAudience, TRAINING_SUBJECT_PREFIX } from './sandbox-mail-audience';
import { MailContext, renderDigest, renderEventMail } from './mail-templates';
import { SmtpTransport } from './smtp-transport';
import { DeliverMailJob, MAIL_JOB } from './mail-jobs';

/** Undelivered rows re-enqueued per province per sweep; the next sweep takes the rest. */
const SWEEP_BATCH = 500;
/** Provinces swept at once: bounded so a sweep of 1,000 provinces never floods the pool. */
const SWEEP_PARALLEL_PROVINCES = 4;

/**
 * Mail through the province's outbox. As an event consumer it writes, in the publisher's
 * transaction, one rendered message per recipient (in the recipient's language); after commit
 * each message becomes a job (id = message id). Delivery claims the row under a lease, sends,
 * and marks it sent, so a redelivered job sends nothing twice; the periodic sweep re-enqueues
 * what a crash between commit and enqueue (or mid-delivery) left behind.
 */
@Injectable()
export class MailService implements EventConsumer, OnModuleInit {
  readonly consumerName = 'mail';
  private readonly logger = new Logger(MailService.name);
  /** Message ids written in each open unit of work (a rolled-back one is simply forgotten with its manager). */
  private readonly unitBatches = new WeakMap<EntityManager, string[]>();
  /**
   * Claims and "sent" marks are group-committed per province: concurrent deliveries share one
   * transaction each way instead of two per message (see bench/mail.ts).
   */
  private readonly claims = new ProvinceBatches<string, OutboxMessage | null>((tenant, ids) =>
    this.tenantDb.runAs(tenant, () =>
      this.tenantDb.transaction(async (em) => {
        const taken = new Map((await this.outbox.claim(em, ids, this.config.mail.leaseSeconds)).map((m) => [m.id, m]));
        return ids.map((id) => taken.get(id) ?? null);
      }),
    ),
  );
  private readonly sentMarks = new ProvinceBatches<{ id: string; attempt: number }, void>((tenant, sent) =>
    this.tenantDb
      .runAs(tenant, () => this.tenantDb.transaction((em) => this.outbox.markSent(em, sent)))
      .then(() => sent.map(() => undefined)),
  );

  constructor(
    private readonly events: EventsService,
    private readonly outbox: MailOutboxRepository,
    private readonly users: UsersService,
    private readonly audience: EventAudience,
    private readonly tenantDb: TenantDatabase,
    private readonly registry: TenantRegistry,
    private readonly tenantJobs: TenantJobQueue,
    private readonly smtp: SmtpTransport,
    private readonly config: AppConfig,
    private readonly calendar: Calendar,
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<DeliverMailJob>,
    @Optional() @Inject(SANDBOX_MAIL_AUDIENCE) private readonly sandboxAudience?: SandboxMailAudience,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  // --- writing: in the publisher's unit of work ------------------------------------------------

  async consume(em: EntityManager, event: PublishedEvent): Promise<void> {
    let recipients = await this.audience.of(em, event);
    if (!recipients.length) return;
    const tenant = this.tenantDb.currentTenant();
    // A training sandbox mails its trainees only, every subject marked as training.
    if (tenant.sandboxOf) {
      const allowed = this.sandboxAudience
        ? await this.sandboxAudience.mayReceive(
            em,
            recipients.map((r) => r.id),
          )
        : new Set<string>();
      recipients = recipients.filter((r) => allowed.has(r.id));
    }
    // Account links must arrive while they work; everything else follows the user's choice.
    const accountMail = event.type.startsWith('user.');
    const messages: NewOutboxMessage[] = [];
    for (const r of recipients) {
      const rendered = renderEventMail(event, this.contextFor(tenant, r));
      if (!rendered) continue;
      const mail = tenant.sandboxOf ? { ...rendered, subject: TRAINING_SUBJECT_PREFIX + rendered.subject } : rendered;
      messages.push({
        eventId: event.id,
        eventType: event.type,
        recipientId: r.id,
        to: r.email,
        locale: r.locale,
        ...mail,
        status: !accountMail && r.mailDelivery === 'digest' ? 'held' : 'pending',
      });
    }
    const rows = await this.outbox.insert(em, messages);
    this.enqueueAfterCommit(
      em,
      tenant.id,
      rows.filter((r) => r.status === 'pending').map((r) => r.id),
    );
  }

  private contextFor(tenant: TenantRecord, r: Recipient): MailContext {
    const urduName = tenant.settings.branding?.titleUr;
    return {
      locale: r.locale,
      recipientName: r.name,
      provinceName: r.locale === 'ur' && urduName ? urduName : tenant.name,
      appUrl: this.config.urlFor(`${tenant.slug}.${this.config.baseDomain}`),
    };
  }

  /** One enqueue per unit of work, however many events it published: one Redis round trip, not one per event. */
  private enqueueAfterCommit(em: EntityManager, tenantId: string, ids: string[]): void {
    if (!ids.length || !this.smtp.configured) return;
    const batch = this.unitBatches.get(em);
    if (batch) {
      batch.push(...ids);
      return;
    }
    const fresh = [...ids];
    this.unitBatches.set(em, fresh);
    this.tenantDb.afterCommit(em, () =>
      this.enqueue(
        tenantId,
        fresh.map((id) => ({ id, jobId: deliveryJobId(id) })),
      ),
    );
  }

  private async enqueue(tenantId: string, jobs: Array<{ id: string; jobId: string }>): Promise<void> {
    if (!jobs.length) return;
    await this.tenantJobs.addBulk(
      this.queue,
      tenantId,
      jobs.map((j) => ({
        name: MAIL_JOB.deliver,
        data: { tenantId, messageId: j.id },
        options: {
          jobId: j.jobId,
          attempts: this.config.mail.maxAttempts,
          backoff: { type: 'exponential', delay: this.config.mail.retryDelayMs },
          // Removed when finished, so the sweep can enqueue the same id again if the row says so.
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  // --- delivery: in a province job -------------------------------------------------------------

  /**
   * One delivery attempt of one message. `final` tells whether a failure is the last try.
   * Returns what happened, for the job's result and the tests.
   */
  async deliver(messageId: string, final: boolean): Promise<'sent' | 'skipped' | 'unconfigured'> {
    if (!this.smtp.configured) return 'unconfigured';
    const tenant = this.tenantDb.currentTenant();
    const message = await this.claims.run(tenant, messageId);
    if (!message) {
      const status = await this.tenantDb.transaction((em) => this.outbox.status(em, messageId));
      // Another worker holds it: try again after its lease, in case that worker has died.
      if (status === 'sending') throw new Error(`mail ${messageId} is being sent by another worker`);
      return 'skipped';
    }
    try {
      await this.smtp.send({
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        locale: message.locale,
        messageId: `<${message.id}@${tenant.slug}.${this.config.baseDomain}>`,
      });
    } catch (error) {
      const reason = (error as Error).message;
      await this.tenantDb.transaction((em) => this.outbox.markFailed(em, messageId, message.attempts, reason, final));
      if (final) this.logger.error({ messageId, err: reason }, 'Mail failed for good after its last attempt');
      throw error;
    }
    await this.sentMarks.run(tenant, { id: messageId, attempt: message.attempts });
    return 'sent';
  }

  // --- the sweep: every province, from a scheduled job --------------------------------------------

  /**
   * Re-enqueues what has no job: pending rows (a crash between commit and enqueue, or SMTP_URL
   * set after the fact) and rows whose claiming worker died. One query per province on a partial
   * index of undelivered rows, which is empty in the usual case: cheap even for 1,000 provinces.
   */
  async sweep(): Promise<number> {
    if (!this.smtp.configured) return 0;
    const provinces = await this.registry.activeProvinces();
    let enqueued = 0;
    for (let i = 0; i < provinces.length; i += SWEEP_PARALLEL_PROVINCES) {
      const counts = await Promise.all(
        provinces.slice(i, i + SWEEP_PARALLEL_PROVINCES).map((p) => this.tenantDb.runAs(p, () => this.sweepProvince())),
      );
      enqueued += counts.reduce((a, b) => a + b, 0);
    }
    return enqueued;
  }

  private async sweepProvince(): Promise<number> {
    const tenant = this.tenantDb.currentTenant();
    const rows = await this.tenantDb.transaction((em) =>
      this.outbox.undelivered(em, this.config.mail.sweepSeconds, SWEEP_BATCH),
    );
    const jobs: Array<{ id: string; jobId: string }> = [];
    for (const row of rows) {
      // A claim that outlived its lease may still have its (dead) worker's job: a new job id per claim.
      const jobId = deliveryJobId(row.id, row.status === 'sending' ? row.attempts : undefined);
      // A job already waiting (e.g. in its retry delay) is left alone: adding it again would be a no-op
      // that still counted against the province's fairness budget.
      if (await this.tenantJobs.getJob(this.queue, tenant.id, jobId)) continue;
      jobs.push({ id: row.id, jobId });
    }
    await this.enqueue(tenant.id, jobs);
    if (jobs.length)
      this.logger.log({ province: tenant.slug, count: jobs.length }, 'Mail sweep re-enqueued undelivered messages');
    return jobs.length;
  }

  // --- the daily digest ---------------------------------------------------------------------------

  /** Adds each active province's digest job for today; the job id makes it once per province per day. */
  async fanOutDigests(): Promise<void> {
    const date = this.calendar.today();
    for (const province of await this.registry.activeProvinces()) {
      await this.tenantJobs.add(
        this.queue,
        MAIL_JOB.digest,
        { tenantId: province.id, date },
        {
          jobId: `digest:${date}`,
          removeOnComplete: true,
          removeOnFail: true,
          attempts: this.config.mail.maxAttempts,
          backoff: { type: 'exponential', delay: this.config.mail.retryDelayMs },
        },
      );
    }
  }

  /**
   * Gathers each user's held messages into one digest for `date`. The unique (recipient, date)
   * index makes it one digest per user per day whatever runs it; held rows are locked while
   * taken, so two runs never put a message in two digests.
   */
  async sendDigests(date: string): Promise<number> {
    const tenant = this.tenantDb.currentTenant();
    const recipientIds = await this.tenantDb.transaction((em) => this.outbox.heldRecipients(em));
    let sent = 0;
    for (const recipientId of recipientIds) {
      try {
        const made = await this.tenantDb.transaction(async (em) => {
          if (await this.outbox.hasDigest(em, recipientId, date)) return false;
          const [recipient] = await this.users.recipientsByIds(em, [recipientId]);
          const held = await this.outbox.takeHeld(em, recipientId);
          if (!recipient || !held.length) return false;
          const mail = renderDigest(
            held.map((h) => h.summary),
            this.contextFor(tenant, recipient),
          );
          const [digest] = await this.outbox.insert(em, [
            {
              eventId: null,
              eventType: 'digest',
              recipientId,
              to: recipient.email,
              locale: recipient.locale,
              ...mail,
              status: 'pending',
              digestDate: date,
            },
          ]);
          await this.outbox.markDigested(
            em,
            held.map((h) => h.id),
            digest.id,
          );
          this.enqueueAfterCommit(em, tenant.id, [digest.id]);
          return true;
        });
        if (made) sent++;
      } catch (error) {
        // Another run made this user's digest a moment ago: theirs stands.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return sent;
  }
}

/**
 * The delivery job's id: the message id, plus the claim count when the sweep rescues a claim
 * whose worker died. Exactly one colon of our own: TenantJobQueue prefixes `<tenantId>:` and
 * BullMQ accepts custom ids with a colon only in the three-part form.
 */
function deliveryJobId(messageId: string, claim?: number): string {
  return claim === undefined ? `mail:${messageId}` : `mail-${claim}:${messageId}`;
}
