import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  secret_sealed: string;
  active: boolean;
  consecutive_failures: number;
  disabled_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string | null;
  event_type: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  /** When the current round of attempts began (creation or redelivery); retries stop retryHours later. */
  started_at: Date;
  created_at: Date;
  updated_at: Date;
}

/** A delivery claimed for one attempt, with what is needed to send it. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret_sealed: string;
  active: boolean;
}

export interface SubscriptionChanges {
  url?: string;
  events?: string[];
  description?: string | null;
  active?: boolean;
  secretSealed?: string;
}

const SUBSCRIPTION_COLUMNS =
  `id, url, events, description, secret_sealed, active, ` +
  `consecutive_failures, disabled_reason, created_by, created_at, updated_at`;
const DELIVERY_COLUMNS =
  `id, subscription_id, event_id, event_type, payload, status, attempts, status_code, ` +
  `error, duration_ms, next_attempt_at, delivered_at, started_at, created_at, updated_at`;

/** All SQL on webhook_subscriptions and webhook_deliveries; runs in the caller's unit of work. */
@Injectable()
export class WebhooksRepository {
  async createSubscription(
    em: EntityManager,
    s: { url: string; events: string[]; description: string | null; secretSealed: string; createdBy: string | null },
  ): Promise<SubscriptionRow> {
    const [row] = await em.query(
      `INSERT INTO webhook_subscriptions (url, events, description, secret_sealed, ` +
        `created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [s.url, s.events, s.description, s.secretSealed, s.createdBy],
    );
    return row;
  }

  listSubscriptions(em: EntityManager): Promise<SubscriptionRow[]> {
    return em.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions ORDER BY created_at, id`);
  }

  async findSubscription(em: EntityManager, id: string): Promise<SubscriptionRow | null> {
    const [row] = await em.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Applies the changes; turning a subscription back on clears its failure count. */
  async updateSubscription(em: EntityManager, id: string, c: SubscriptionChanges): Promise<SubscriptionRow | null> {
    const [rows] = await em.query(
      `UPDATE webhook_subscriptions SET
         url = COALESCE($2, url),
         events = COALESCE($3, events),
         description = CASE WHEN $4::boolean THEN $5 ELSE description END,
         active = COALESCE($6, active),
         consecutive_failures = CASE WHEN $6::boolean THEN 0 ELSE consecutive_failures END,
         disabled_reason = CASE WHEN $6::boolean THEN NULL ELSE disabled_reason END,
         secret_sealed = COALESCE($7, secret_sealed),
         updated_at = now()
       WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [
        id,
        c.url ?? null,
        c.events ?? null,
        c.description !== undefined,
        c.description ?? null,
        c.active ?? null,
        c.secretSealed ?? null,
      ],
    );
    return rows[0] ?? null;
  }

  async deleteSubscription(em: EntityManager, id: string): Promise<boolean> {
    const [, count] = await em.query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [id]);
    return count > 0;
  }

  /** Active subscriptions that asked for this event type. */
  async subscribersOf(em: EntityManager, type: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM webhook_subscriptions WHERE active AND $1 = ANY(events) ORDER BY id`,
      [type],
    );
    return rows.map((r) => r.id);
  }

  async insertDeliveries(
    em: EntityManager,
    subscriptionIds: string[],
    eventId: string | null,
    eventType: string,
    payload: object,
  ): Promise<string[]> {
    if (!subscriptionIds.length) return [];
    const rows: { id: string }[] = await em.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, payload)
       SELECT s, $2, $3, $4 FROM unnest($1::uuid[]) AS s RETURNING id`,
      [subscriptionIds, eventId, eventType, JSON.stringify(payload)],
    );
    return rows.map((r) => r.id);
  }

  async listDeliveries(
    em: EntityManager,
    subscriptionId: string,
    status: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: DeliveryRow[]; total: number }> {
    const items: DeliveryRow[] = await em.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries ` +
        `WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [subscriptionId, status ?? null, limit, offset],
    );
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM webhook_deliveries ` +
        `WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)`,
      [subscriptionId, status ?? null],
    );
    return { items, total };
  }

  async findDelivery(em: EntityManager, subscriptionId: string, id: string): Promise<DeliveryRow | null> {
    const [row] = await em.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1 AND subscription_id = $2`,
      [id, subscriptionId],
    );
    return row ?? null;
  }

  /**
   * Claims a pending delivery for one attempt (a lease in claimed_until), so two jobs for the
   * same delivery (a sweep and a retry) never send it at the same time.
   */
  async claim(em: EntityManager, id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    const [rows] = await em.query(
      `UPDATE webhook_deliveries d SET claimed_until = now() ` +
        `+ make_interval(secs => $2::double precision / 1000), updated_at = now()
         FROM webhook_subscriptions s
        WHERE d.id = $1 AND s.id = d.subscription_id AND d.status = 'pending'
          AND (d.claimed_until IS NULL OR d.claimed_until < now())
       RETURNING ${DELIVERY_COLUMNS.split(', ')
         .map((c) => `d.${c}`)
         .join(', ')}, s.url, s.secret_sealed, s.active`,
      [id, leaseMs],
    );
    return rows[0] ?? null;
  }

  /** Records one attempt; `next` set means it will be tried again then, otherwise it is final. */
  async recordAttempt(
    em: EntityManager,
    id: string,
    a: {
      status: DeliveryRow['status'];
      statusCode: number | null;
      error: string | null;
      durationMs: number;
      nextAttemptAt: Date | null;
    },
  ): Promise<DeliveryRow> {
    const [rows] = await em.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, status_code = $3, error = $4, ` +
        `duration_ms = $5,
              next_attempt_at = $6, claimed_until = NULL, delivered_at = CASE WHEN $2 = 'delivered' THEN now() ` +
        `ELSE NULL END, updated_at = now()
        WHERE id = $1 RETURNING ${DELIVERY_COLUMNS}`,
      [id, a.status, a.statusCode, a.error?.slice(0, 1000) ?? null, a.durationMs, a.nextAttemptAt],
    );
    return rows[0];
  }

  /** A delivery that could not even be attempted (its subscription was turned off meanwhile). */
  async abandon(em: EntityManager, id: string, reason: string): Promise<void> {
    await em.query(
      `UPDATE webhook_deliveries SET status = 'failed', error = $2, ` +
        `next_attempt_at = NULL, claimed_until = NULL, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  async resetFailures(em: EntityManager, subscriptionId: string): Promise<void> {
    await em.query(
      `UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0`,
      [subscriptionId],
    );
  }

  /** Counts one more delivery failed for good; returns the subscription's count in a row. */
  async countFailure(em: EntityManager, subscriptionId: string): Promise<{ failures: number; active: boolean }> {
    const [rows] = await em.query(
      `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, ` +
        `updated_at = now() WHERE id = $1 RETURNING consecutive_failures AS failures, active`,
      [subscriptionId],
    );
    return rows[0];
  }

  /** Turns a subscription off; true only for the call that did it. */
  async disable(em: EntityManager, subscriptionId: string, reason: string): Promise<boolean> {
    const [, count] = await em.query(
      `UPDATE webhook_subscriptions SET active = false, ` +
        `disabled_reason = $2, updated_at = now() WHERE id = $1 AND active`,
      [subscriptionId, reason],
    );
    return count > 0;
  }

  /** Puts a finished delivery back to pending for another try (attempts are kept, for the log). */
  async resetForRedelivery(em: EntityManager, id: string): Promise<DeliveryRow | null> {
    const [rows] = await em.query(
      `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = NULL, ` +
        `claimed_until = NULL, delivered_at = NULL, started_at = now(), updated_at = now()
        WHERE id = $1 AND status <> 'pending' RETURNING ${DELIVERY_COLUMNS}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Pending deliveries whose job seems lost: due for a while and not being attempted. */
  async stalled(em: EntityManager, graceMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
          AND COALESCE(next_attempt_at, started_at) < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY created_at LIMIT $2`,
      [graceMs, limit],
    );
    return rows.map((r) => r.id);
  }
}
