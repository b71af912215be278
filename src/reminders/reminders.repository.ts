import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** All SQL on obligation_reminders; runs in the caller's unit of work. */
@Injectable()
export class RemindersRepository {
  /**
   * Claims the day's reminder for each obligation key; returns the keys this call claimed.
   * Keys are inserted in sorted order, so two workers claiming the same day lock rows in the
   * same order (no deadlock); the second waits for the first to commit and then claims nothing.
   */
  async claim(em: EntityManager, localDate: string, reminders: { key: string; type: string }[]): Promise<Set<string>> {
    if (!reminders.length) return new Set();
    const sorted = [...reminders].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rows: { obligation_key: string }[] = await em.query(
      `INSERT INTO obligation_reminders (obligation_key, local_date, event_type)
       SELECT k, $1::date, t FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS r(k, t, n) ORDER BY n
       ON CONFLICT (obligation_key, local_date) DO NOTHING
       RETURNING obligation_key`,
      [localDate, sorted.map((r) => r.key), sorted.map((r) => r.type)],
    );
    return new Set(rows.map((r) => r.obligation_key));
  }

  async attachEvent(em: EntityManager, key: string, localDate: string, eventId: string): Promise<void> {
    await em.query(`UPDATE obligation_reminders SET event_id = $3 WHERE obligation_key = $1 AND local_date = $2`, [
      key,
      localDate,
      eventId,
    ]);
  }
}
