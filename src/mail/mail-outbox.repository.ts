import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held' | 'digested';

export interface NewOutboxMessage {
  eventId: string | null;
  eventType: string;
  recipientId: string | null;
  to: string;
  locale: 'en' | 'ur';
  subject: string;
  html: string;
  text: string;
  summary: string;
  /** pending: send at once; held: wait for the recipient's daily digest. */
  status: 'pending' | 'held';
  digestDate?: string;
}

export interface OutboxMessage {
  id: string;
  to: string;
  locale: 'en' | 'ur';
  subject: string;
  html: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
}

/** Undelivered rows the sweep re-enqueues: pending ones, and claimed ones whose worker is gone. */
export interface UndeliveredMessage {
  id: string;
  status: 'pending' | 'sending';
  attempts: number;
}

const MESSAGE_COLUMNS = `id, to_address AS "to", locale, subject, html, text_body AS "text", status, attempts`;

/** SQL on the province's mail_outbox; every method runs in the caller's unit of work. */
@Injectable()
export class MailOutboxRepository {
  async insert(
    em: EntityManager,
    messages: readonly NewOutboxMessage[],
  ): Promise<Array<{ id: string; status: OutboxStatus }>> {
    if (!messages.length) return [];
    const columns = 11;
    const values = messages.map(
      (_, i) => `(${Array.from({ length: columns }, (_, c) => `$${i * columns + c + 1}`).join(', ')})`,
    );
    const params = messages.flatMap((m) => [
      m.eventId,
      m.eventType,
      m.recipientId,
      m.to,
      m.locale,
      m.subject,
      m.html,
      m.text,
      m.summary,
      m.status,
      m.digestDate ?? null,
    ]);
    return em.query(
      `INSERT INTO mail_outbox (event_id, event_type, recipient_id, to_address, ` +
        `locale, subject, html, text_body, summary, status, digest_date)
       VALUES ${values.join(', ')} RETURNING id, status`,
      params,
    );
  }

  /**
   * Takes messages for one delivery attempt each: pending, or claimed by a worker whose lease
   * has run out (it died mid-send). Returns those taken; the others are sent, failed, or held
   * by another worker.
   */
  async claim(em: EntityManager, ids: readonly string[], leaseSeconds: number): Promise<OutboxMessage[]> {
    const [rows]: [OutboxMessage[], number] = await em.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, lease_until = now() ` +
        `+ make_interval(secs => $2)
        WHERE id = ANY($1::uuid[]) AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
        RETURNING ${MESSAGE_COLUMNS}`,
      [ids, leaseSeconds],
    );
    return rows;
  }

  async status(em: EntityManager, id: string): Promise<OutboxStatus | null> {
    const [row] = await em.query(`SELECT status FROM mail_outbox WHERE id = $1`, [id]);
    return row?.status ?? null;
  }

  /**
   * Marks sent, in one statement, messages with the claim (attempt) each was sent under: a worker that outlived its
   * lease settles nothing.
   */
  async markSent(em: EntityManager, sent: ReadonlyArray<{ id: string; attempt: number }>): Promise<void> {
    await em.query(
      `UPDATE mail_outbox m SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
         FROM unnest($1::uuid[], $2::int[]) AS s(id, attempt)
        WHERE m.id = s.id AND m.status = 'sending' AND m.attempts = s.attempt`,
      [sent.map((s) => s.id), sent.map((s) => s.attempt)],
    );
  }

  /** Back to pending for the next try, or failed for good after the last one. */
  async markFailed(em: EntityManager, id: string, attempt: number, error: string, final: boolean): Promise<void> {
    await em.query(
      `UPDATE mail_outbox SET status = $3, lease_until = NULL, ` +
        `last_error = $4 WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [id, attempt, final ? 'failed' : 'pending', error.slice(0, 1000)],
    );
  }

  /**
   * Rows to re-enqueue: pending ones older than `graceSeconds` (their own job may still be on its way), and expired
   * claims.
   */
  async undelivered(em: EntityManager, graceSeconds: number, limit: number): Promise<UndeliveredMessage[]> {
    return em.query(
      `SELECT id, status, attempts FROM mail_outbox
        WHERE status IN ('pending', 'sending') AND created_at < now() - make_interval(secs => $1)
          AND (status = 'pending' OR lease_until < now())
        ORDER BY created_at LIMIT $2`,
      [graceSeconds, limit],
    );
  }

  /** Recipients with messages waiting for their digest. */
  async heldRecipients(em: EntityManager): Promise<string[]> {
    const rows: { recipient_id: string }[] = await em.query(
      `SELECT DISTINCT recipient_id FROM mail_outbox WHERE status = 'held' AND recipient_id IS NOT NULL`,
    );
    return rows.map((r) => r.recipient_id);
  }

  /** The recipient's held messages, locked so two digest runs cannot both take them. */
  async takeHeld(em: EntityManager, recipientId: string): Promise<Array<{ id: string; summary: string }>> {
    return em.query(
      `SELECT id, summary FROM mail_outbox WHERE status = 'held' ` +
        `AND recipient_id = $1 ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
      [recipientId],
    );
  }

  async hasDigest(em: EntityManager, recipientId: string, date: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM mail_outbox WHERE recipient_id = $1 AND digest_date = $2`, [
      recipientId,
      date,
    ]);
    return rows.length > 0;
  }

  async markDigested(em: EntityManager, ids: readonly string[], digestId: string): Promise<void> {
    await em.query(`UPDATE mail_outbox SET status = 'digested', digest_id = $2 WHERE id = ANY($1::uuid[])`, [
      ids,
      digestId,
    ]);
  }
}
