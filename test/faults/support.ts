import { randomBytes } from 'node:crypto';
import { Response } from 'supertest';

/** FAULTS_LONG=1 runs each outage for 30 s instead of the CI's few seconds. */
export const LONG = process.env.FAULTS_LONG === '1';
export const OUTAGE_MS = LONG ? 30_000 : 5_000;

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a scenario saw, by request kind and status, for the report and the assertions. */
export class Tally {
  readonly byKind = new Map<string, Map<number, number>>();
  readonly problems: string[] = [];

  note(kind: string, res: Response): Response {
    const counts = this.byKind.get(kind) ?? new Map<number, number>();
    counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
    this.byKind.set(kind, counts);
    // Outages may answer 503, and then always with Retry-After and a JSON reason; never another 5xx.
    if (res.status >= 500 && res.status !== 503)
      this.problems.push(`${kind}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status === 503 && !(Number(res.headers['retry-after']) > 0))
      this.problems.push(`${kind}: 503 without Retry-After`);
    if (res.status === 503 && typeof res.body?.message !== 'string')
      this.problems.push(`${kind}: 503 without a reason`);
    return res;
  }

  statuses(kind: string): Record<number, number> {
    return Object.fromEntries(this.byKind.get(kind) ?? []);
  }

  count(kind: string, status: number): number {
    return this.byKind.get(kind)?.get(status) ?? 0;
  }

  summary(): string {
    return [...this.byKind].map(([k, m]) => `${k} ${JSON.stringify(Object.fromEntries(m))}`).join('; ');
  }
}

export const token = () => randomBytes(4).toString('hex');
