import { Migration } from '../../database/migration';

/**
 * The province's event log: every event that leaves the platform (mail, notifications,
 * webhooks) is first a row here, written in the transaction of the action that caused it.
 * Rows are kept (they are the province's record of what was announced to whom); data never
 * holds a one-time link's secret beyond the mail that carries it.
 */
export const provinceEvents0009: Migration = {
  id: '0009-province-events',
  async up(db) {
    await db.query(`
      CREATE TABLE province_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX province_events_occurred_idx ON province_events (occurred_at DESC)`);
  },
};
