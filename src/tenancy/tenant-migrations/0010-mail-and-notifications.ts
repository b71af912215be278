import { Migration } from '../../database/migration';

/**
 * Mail and in-app notifications (src/mail, src/notifications). Both are written in the
 * transaction of the action that causes them (from province_events), and delivered later:
 * mail by a job per message, notifications when the user's browser asks.
 */
export const mailAndNotifications0010: Migration = {
  id: '0010-mail-and-notifications',
  async up(db) {
    // A user's choice: every message at once, or business messages gathered into one a day.
    await db.query(
      `ALTER TABLE users ADD COLUMN mail_delivery text NOT NULL DEFAULT ` +
        `'immediate' CHECK (mail_delivery IN ('immediate', 'digest'))`,
    );
    // status: pending → sending (claimed under a lease) → sent | failed; held = waiting for the
    // recipient's daily digest; digested = went out inside digest_id.
    await db.query(
      `
      CREATE TABLE mail_outbox (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id      uuid REFERENCES province_events(id) ON DELETE SET NULL,
        event_type    text NOT NULL,
        recipient_id  uuid REFERENCES users(id) ON DELETE SET NULL,
        to_address    text NOT NULL,
        locale        text NOT NULL CHECK (locale IN ('en', 'ur')),
        subject       text NOT NULL,
        html          text NOT NULL,
        text_body     text NOT NULL,
        summary       text NOT NULL,
        status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', ` +
        `'sending', 'sent', 'failed', 'held', 'digested')),
        attempts      integer NOT NULL DEFAULT 0,
        lease_until   timestamptz,
        last_error    text,
        digest_id     uuid REFERENCES mail_outbox(id) ON DELETE SET NULL,
        digest_date   date,
        created_at    timestamptz NOT NULL DEFAULT now(),
        sent_at       timestamptz
      )`,
    );
    // The sweep and the digest read only these small slices, whatever the table's size.
    await db.query(
      `CREATE INDEX mail_outbox_undelivered_idx ON mail_outbox (created_at) WHERE status IN ('pending', 'sending')`,
    );
    await db.query(`CREATE INDEX mail_outbox_held_idx ON mail_outbox (recipient_id, created_at) WHERE status = 'held'`);
    // One digest per user per day, however many workers run the daily job.
    await db.query(
      `CREATE UNIQUE INDEX mail_outbox_one_digest_idx ` +
        `ON mail_outbox (recipient_id, digest_date) WHERE digest_date IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE notifications (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event_id     uuid REFERENCES province_events(id) ON DELETE SET NULL,
        event_type   text NOT NULL,
        document_id  uuid,
        project_id   uuid,
        title_en     text NOT NULL,
        title_ur     text NOT NULL,
        body_en      text NOT NULL,
        body_ur      text NOT NULL,
        read_at      timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  },
};
