import { Migration } from '../../database/migration';

/**
 * Reporting reminders sent: one row per obligation and local day. The primary key is what
 * makes "at most once a day" hold across any number of worker processes (INSERT … ON CONFLICT
 * DO NOTHING: only the transaction that inserts the row publishes the event).
 */
export const reminders0013: Migration = {
  id: '0013-reminders',
  async up(db) {
    await db.query(`
      CREATE TABLE obligation_reminders (
        obligation_key  text NOT NULL CHECK (length(obligation_key) <= 100),
        local_date      date NOT NULL,
        event_type      text NOT NULL,
        event_id        uuid REFERENCES province_events(id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (obligation_key, local_date)
      )`);
  },
};
