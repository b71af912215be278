import { registerDecorator, ValidationOptions } from 'class-validator';

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day written YYYY-MM-DD (2026-02-30 and 2025-13-01 are not). */
export function isCalendarDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE_SHAPE.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The hour (UTC) a calendar date is stored at when only its day is known. */
const DAY_INSTANT_HOUR_UTC = 12;

/**
 * The instant a decision known only by its calendar date is stored as (e.g. documents.decided_at
 * of a decision dated in the past, or an imported one): noon UTC falls on the same calendar day
 * in every time zone within 12 hours of UTC, Pakistan's included, so Calendar.dateOf gives the
 * date back.
 */
export function instantOnDay(date: string): Date {
  if (!isCalendarDate(date))
    throw new Error(`instantOnDay: ${JSON.stringify(date)} is not a calendar date (YYYY-MM-DD)`);
  return new Date(`${date}T${String(DAY_INSTANT_HOUR_UTC).padStart(2, '0')}:00:00Z`);
}

/** class-validator form of isCalendarDate, for request bodies. */
export function IsCalendarDate(options?: ValidationOptions) {
  return function (target: object, propertyName: string) {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real date (YYYY-MM-DD)`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
  };
}

/**
 * Dates as the provinces keep them: an approval, a due date or the day a routing rule is read
 * for is a day in the configured time zone (Pakistan time by default), not in UTC, so a decision
 * taken at 02:00 PKT on 1 July falls in the new financial year.
 */
export class Calendar {
  private readonly format: Intl.DateTimeFormat;

  /** The time zone comes from the configuration (ConfigModule provides the one instance): common reads no config. */
  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  /** Today's date in the configured time zone. */
  today(): string {
    return this.dateOf(new Date());
  }

  /** The calendar date of an instant in the configured time zone. */
  dateOf(instant: Date): string {
    // Assembled from the parts: a locale's own date layout is not a contract.
    const parts = this.format.formatToParts(instant);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  }
}
