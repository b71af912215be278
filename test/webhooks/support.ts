import { createHmac } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventsService } from '../../src/events/events.service';
import { ProvinceEvent } from '../../src/events/province-event';
import { TenantDatabase } from '../../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on a local port: answers each path with the next status of its script (the last one repeats).
 */
export class Receiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server?: http.Server;
  port = 0;

  async start(host = '127.0.0.1'): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const script = this.scripts.get(path) ?? [200];
        const status = script.length > 1 ? script.shift()! : script[0];
        res.writeHead(status, {
          'Content-Type': 'text/plain',
          ...(status >= 300 && status < 400 ? { Location: 'http://127.0.0.1:1/' } : {}),
        });
        res.end(status >= 400 ? 'receiver says no' : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Statuses answered in turn on `path`; the last one repeats. */
  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** What a receiver does to check a delivery: HMAC-SHA256 of "<timestamp>.<body>" with the secret. */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Publishes an event in a province, the way an action does: inside its unit of work. */
export async function publish(
  app: INestApplicationContext,
  tenantId: string,
  event: ProvinceEvent,
  alsoDo?: (em: EntityManager) => Promise<void>,
) {
  const tenant = await app.get(TenantRegistry).findById(tenantId);
  const db = app.get(TenantDatabase);
  return db.runAs(tenant!, () =>
    db.transaction(async (em) => {
      const published = await app.get(EventsService).publish(em, event);
      await alsoDo?.(em);
      return published;
    }),
  );
}

/** Polls until `check` returns a value (not undefined/false); fails with the last value after the limit. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  limitMs = 20_000,
): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const approvedEvent = (title: string): ProvinceEvent => ({
  type: 'document.approved',
  data: {
    documentId: '00000000-0000-4000-8000-000000000001',
    projectId: '00000000-0000-4000-8000-000000000002',
    projectTitle: title,
    kind: 'pc1',
    action: 'approve',
    from: 'forum',
    to: 'approved',
    comment: 'Approved in the PDWP meeting',
    forum: 'kp-pdwp',
    actorId: '00000000-0000-4000-8000-000000000003',
    actorName: 'Approver',
    departmentId: null,
    preparedBy: null,
  },
});
