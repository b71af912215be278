import { createHash } from 'node:crypto';
import type { BackoffStrategy } from 'bullmq';

/** Longest wait between two attempts at one delivery. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
/**
 * The wait is drawn in [1 - JITTER, 1] of the exponential step, so receivers that failed together do not get hammered
 * together.
 */
const JITTER = 0.5;
/** BullMQ's backoff type for delivery jobs; the processor puts the wait it chose into the job. */
export const WEBHOOK_BACKOFF = 'webhook-delivery';
/** Used only for a job that carries no recorded wait (the configuration's default). */
const FALLBACK_BASE_MS = 30_000;

/**
 * Wait before the next attempt, after `attempts` attempts: base · 2^(attempts-1), capped, with
 * jitter. The jitter is derived from the delivery id so the delay written to the delivery log is
 * the one the queue applies.
 */
export function retryDelayMs(baseMs: number, attempts: number, deliveryId: string): number {
  const step = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  const unit = createHash('sha256').update(`${deliveryId}:${attempts}`).digest().readUInt32BE(0) / 0xffff_ffff;
  return Math.round(step * (1 - JITTER + JITTER * unit));
}

/** The queue's side: the wait the processor recorded in the job (see WebhookDeliveries.deliver). */
export const webhookBackoffStrategy: BackoffStrategy = (attemptsMade, _type, _err, job) => {
  const data = job?.data as { retryDelayMs?: number; deliveryId?: string } | undefined;
  return data?.retryDelayMs ?? retryDelayMs(FALLBACK_BASE_MS, attemptsMade, data?.deliveryId ?? '');
};
