import { Migration } from '../../database/migration';

/**
 * Webhook subscriptions of the province and the delivery log. A delivery keeps the exact body
 * it sends, so a retry or a redelivery signs and sends the same bytes (the receiver dedupes on
 * the delivery id). Secrets are stored encrypted (AES-256-GCM), never in clear.
 */
export const webhooks0012: Migration = {
  id: '0012-webhooks',
  async up(db) {
    await db.query(`
      CREATE TABLE webhook_subscriptions (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url                  text NOT NULL CHECK (length(url) <= 2000),
        events               text[] NOT NULL CHECK (cardinality(events) > 0),
        description          text CHECK (length(description) <= 500),
        secret_sealed        text NOT NULL,
        active               boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_reason      text,
        created_by           uuid,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id  uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        event_id         uuid REFERENCES province_events(id),
        event_type       text NOT NULL,
        payload          jsonb NOT NULL,
        status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts         integer NOT NULL DEFAULT 0,
        status_code      integer,
        error            text,
        duration_ms      integer,
        next_attempt_at  timestamptz,
        -- A job attempting the delivery holds it until then, so two jobs never send it at once.
        claimed_until    timestamptz,
        delivered_at     timestamptz,
        -- Start of the current round of attempts (creation or redelivery): retries stop retryHours later.
        started_at       timestamptz NOT NULL DEFAULT now(),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC)`,
    );
    // The sweep looks only at deliveries still owed.
    await db.query(
      `CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
  },
};
