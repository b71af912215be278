import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EventsService } from '../events/events.service';
import { ObligationEventData } from '../events/province-event';
import { ObligationsService } from '../projects/obligations.service';
import { TenantRecord } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { RemindersRepository } from './reminders.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderRun {
  on: string;
  due: number;
  overdue: number;
}

/**
 * Daily reporting reminders of a province: obligation.due for reports due within
 * REMINDER_DUE_SOON_DAYS, obligation.overdue for late ones. Each obligation is reminded at most
 * once per local day, however many workers run the job (obligation_reminders decides).
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly obligations: ObligationsService,
    private readonly events: EventsService,
    private readonly repo: RemindersRepository,
    private readonly config: AppConfig,
  ) {}

  /** The province's time zone: the deployment's (provinces have no zone of their own yet). */
  timeZoneOf(_tenant: TenantRecord): string {
    return this.config.timeZone;
  }

  /** The calendar date of `instant` in a time zone, YYYY-MM-DD. */
  localDate(timeZone: string, instant: Date = new Date()): string {
    const parts = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(instant);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  }

  /** Publishes the current province's reminders for a local day (default: today in its time zone). */
  remind(on?: string): Promise<ReminderRun> {
    const day = on ?? this.localDate(this.timeZoneOf(this.db.currentTenant()));
    const horizon = new Date(Date.parse(`${day}T00:00:00Z`) + this.config.reminders.dueSoonDays * DAY_MS)
      .toISOString()
      .slice(0, 10);
    return this.db.transaction(async (em) => {
      const { items } = await this.obligations.listIn(em, 'all', day);
      const wanted = items
        .map((o) => ({
          o,
          key: `${o.projectId}/${o.kind}/${o.period}`,
          type:
            o.status === 'overdue'
              ? 'obligation.overdue'
              : o.status === 'due' && o.dueDate <= horizon
                ? 'obligation.due'
                : null,
        }))
        .filter((r): r is typeof r & { type: 'obligation.due' | 'obligation.overdue' } => r.type !== null);
      const claimed = await this.repo.claim(em, day, wanted);
      const run: ReminderRun = { on: day, due: 0, overdue: 0 };
      for (const { o, key, type } of wanted) {
        if (!claimed.has(key)) continue;
        const data: ObligationEventData = {
          projectId: o.projectId,
          projectTitle: o.projectTitle,
          kind: o.kind,
          period: o.period,
          dueDate: o.dueDate,
          departmentId: o.departmentId,
          preparedBy: o.preparedBy,
        };
        const event = await this.events.publish(em, { type, data });
        await this.repo.attachEvent(em, key, day, event.id);
        run[type === 'obligation.due' ? 'due' : 'overdue']++;
      }
      return run;
    });
  }
}
