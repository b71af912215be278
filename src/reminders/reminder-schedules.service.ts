import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { SCHEDULE_QUEUE, TenantJobData } from '../jobs/queues';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { RemindersService } from './reminders.service';

export const REMINDER_JOB = 'reporting-reminders';
const SCHEDULER_PREFIX = 'reminders-';
/** A burst of registry changes (e.g. many provinces provisioned) triggers one reconciliation. */
const RECONCILE_DEBOUNCE_MS = 500;
const REMINDER_ATTEMPTS = 5;
const REMINDER_BACKOFF_MS = 60_000;
/** Finished reminder jobs kept (seconds) for inspection. */
const KEEP_FINISHED_SECONDS = 7 * 24 * 60 * 60;

export interface ReminderJob extends TenantJobData {
  /** A local date to remind for instead of today (re-runs, tests). */
  on?: string;
}

/**
 * One BullMQ job scheduler per active province, firing daily at REMINDER_HOUR in the province's
 * time zone. Reconciled with the registry on worker start and whenever a province changes
 * (provisioned, suspended, resumed) in any process; idempotent, so every worker may do it.
 */
@Injectable()
export class ReminderSchedules {
  private readonly logger = new Logger(ReminderSchedules.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly registry: TenantRegistry,
    private readonly reminders: RemindersService,
    private readonly config: AppConfig,
    @InjectQueue(SCHEDULE_QUEUE) private readonly queue: Queue<ReminderJob>,
  ) {}

  schedulerId(tenantId: string): string {
    return `${SCHEDULER_PREFIX}${tenantId}`;
  }

  /** Reconciles now, then after every province change. */
  async watch(): Promise<void> {
    await this.registry.onChange(() => this.reconcileSoon());
    await this.reconcile();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private reconcileSoon(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.reconcile().catch((error: Error) =>
        this.logger.warn({ err: error.message }, 'Reminder schedules not reconciled; next province change retries'),
      );
    }, RECONCILE_DEBOUNCE_MS).unref();
  }

  /** Schedulers for every active province, none for the others. */
  async reconcile(): Promise<void> {
    // One at a time in this process; a change during a run is picked up by the next.
    const previous = this.running;
    const run = (async () => {
      await previous?.catch(() => undefined);
      const active = await this.registry.activeIds();
      const wanted = new Set(active.map((id) => this.schedulerId(id)));
      // A scheduler removed while the list is read (another worker reconciling) comes back as a hole.
      const existing = (await this.queue.getJobSchedulers(0, -1)).filter(
        (s) => s && (s.key.startsWith(SCHEDULER_PREFIX) || s.id?.startsWith(SCHEDULER_PREFIX)),
      );
      for (const s of existing) {
        const id = s.id ?? s.key;
        if (!wanted.has(id)) await this.queue.removeJobScheduler(id);
      }
      const pattern = `0 ${this.config.reminders.hour} * * *`;
      const have = new Map(existing.map((s) => [s.id ?? s.key, s]));
      for (const tenantId of active) {
        const tenant = await this.registry.findById(tenantId);
        if (!tenant) continue;
        const tz = this.reminders.timeZoneOf(tenant);
        const current = have.get(this.schedulerId(tenantId));
        if (current && current.pattern === pattern && current.tz === tz) continue;
        await this.queue.upsertJobScheduler(
          this.schedulerId(tenantId),
          { pattern, tz },
          {
            name: REMINDER_JOB,
            data: { tenantId },
            opts: {
              attempts: REMINDER_ATTEMPTS,
              backoff: { type: 'exponential', delay: REMINDER_BACKOFF_MS },
              removeOnComplete: { age: KEEP_FINISHED_SECONDS },
              removeOnFail: { age: KEEP_FINISHED_SECONDS },
            },
          },
        );
      }
    })();
    this.running = run;
    return run;
  }
}
