import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { WEBHOOK_QUEUE } from '../../src/jobs/queues';
import { TenantJobQueue } from '../../src/jobs/tenant-jobs';
import { schemaNameFor } from '../../src/tenancy/slug';
import { WebhookHttpClient } from '../../src/webhooks/webhook-http.client';
import { WebhookDeliveries } from '../../src/webhooks/webhook-deliveries.service';
import { Harness, ProvisionedProvince } from '../support/harness';
import { startWorker } from '../support/worker';
import { approvedEvent, publish, Receiver, signatureOf, waitFor } from './support';

type Province = ProvisionedProvince & { adminToken: string };

/**
 * Webhooks end to end: real API, real worker processes (Nest contexts of their own), real
 * Postgres and Redis, and real HTTP receivers on local ports. The deployment allows plain http
 * and 127.0.0.1 (plus the name localhost) so the local receivers can be reached; everything else
 * private is refused.
 */
describe('webhooks', () => {
  let h: Harness;
  let worker: INestApplicationContext;
  let receiver: Receiver;
  let a: Province;
  let b: Province;

  beforeAll(async () => {
    h = await Harness.start({
      env: {
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost',
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_DISABLE_AFTER_FAILURES: '3',
        WEBHOOK_TIMEOUT_MS: '3000',
      },
    });
    worker = await startWorker(h);
    receiver = await new Receiver().start();
    [a, b] = await Promise.all([h.provinceWithAdmin('hooka'), h.provinceWithAdmin('hookb')]);
  });
  afterAll(async () => {
    await worker?.close();
    await receiver?.close();
    await h?.close();
  });

  const subscribe = async (p: Province, path: string, events = ['document.approved'], url = receiver.url(path)) => {
    const res = await h
      .on(p.host)
      .post('/api/webhooks', p.adminToken)
      .send({ url, events, description: `receiver ${path}` })
      .expect(201);
    return res.body as { id: string; secret: string; url: string };
  };
  const deliveries = async (p: Province, id: string) =>
    (await h.on(p.host).get(`/api/webhooks/${id}/deliveries`, p.adminToken).expect(200)).body;

  test(
    'subscriptions: created by the province admin with a secret shown once, ' +
      'stored sealed; bad input named; other roles refused',
    async () => {
      const created = await subscribe(a, '/crud', ['document.approved', 'obligation.overdue']);
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const listed = await h.on(a.host).get('/api/webhooks', a.adminToken).expect(200);
      expect(listed.body.find((s: { id: string }) => s.id === created.id)).toMatchObject({
        url: created.url,
        events: ['document.approved', 'obligation.overdue'],
        active: true,
      });
      expect(JSON.stringify(listed.body)).not.toContain(created.secret);
      const [stored] = await h.dataSource.query(
        `SELECT secret_sealed FROM ${schemaNameFor(a.slug)}.webhook_subscriptions WHERE id = $1`,
        [created.id],
      );
      expect(stored.secret_sealed).not.toContain(created.secret.slice(6));

      const bad = await h
        .on(a.host)
        .post('/api/webhooks', a.adminToken)
        .send({ url: receiver.url('/x'), events: ['user.invited'] })
        .expect(400);
      expect(bad.body.fields.events).toBeDefined();
      const empty = await h
        .on(a.host)
        .post('/api/webhooks', a.adminToken)
        .send({ url: receiver.url('/x'), events: [] })
        .expect(400);
      expect(empty.body.fields.events).toBeDefined();
      const ftp = await h
        .on(a.host)
        .post('/api/webhooks', a.adminToken)
        .send({ url: 'ftp://127.0.0.1/x', events: ['document.approved'] })
        .expect(400);
      expect(ftp.body.fields.url[0]).toMatch(/url must use https or http/);

      const rotated = await h.on(a.host).post(`/api/webhooks/${created.id}/rotate-secret`, a.adminToken).expect(200);
      expect(rotated.body.secret).not.toBe(created.secret);
      await h
        .on(a.host)
        .patch(`/api/webhooks/${created.id}`, a.adminToken)
        .send({ events: ['obligation.due'], description: 'changed' })
        .expect(200);
      expect((await h.on(a.host).get(`/api/webhooks/${created.id}`, a.adminToken).expect(200)).body).toMatchObject({
        events: ['obligation.due'],
        description: 'changed',
      });

      const viewer = await h.userWithRole(a, 'viewer');
      await h.on(a.host).get('/api/webhooks', viewer.token).expect(403);
      await h
        .on(a.host)
        .post('/api/webhooks', viewer.token)
        .send({ url: receiver.url('/x'), events: ['document.approved'] })
        .expect(403);
      await h.on(a.host).delete(`/api/webhooks/${created.id}`, a.adminToken).expect(204);
      await h.on(a.host).get(`/api/webhooks/${created.id}`, a.adminToken).expect(404);
    },
  );

  test.each([
    'http://10.0.0.1/hook',
    'http://192.168.1.1/hook',
    'http://[::1]:8080/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/hook',
    'http://[::ffff:10.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
    'http://unresolvable.invalid/hook',
  ])('a private, loopback or unresolvable URL is refused at creation: %s → 400 naming url', async (url) => {
    const res = await h
      .on(a.host)
      .post('/api/webhooks', a.adminToken)
      .send({ url, events: ['document.approved'] })
      .expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['url']);
  });

  test(
    'a host name is checked after DNS resolution: localhost resolves to ' +
      'loopback and is refused without the allow-list',
    async () => {
      const strict = new WebhookHttpClient(
        Object.assign(Object.create(Object.getPrototypeOf(h.config)), h.config, {
          webhooks: { ...h.config.webhooks, allowedHosts: [] },
        }),
      );
      await expect(strict.check(receiver.url('/x', 'localhost'))).rejects.toThrow(
        /localhost resolves to 127\.0\.0\.1 \(loopback\)/,
      );
      // The same client of the deployment (which allows the name) accepts it.
      await expect(h.api.get(WebhookHttpClient).check(receiver.url('/x', 'localhost'))).resolves.toBeInstanceOf(URL);
    },
  );

  test(
    'a delivery is signed: HMAC-SHA256 of "<timestamp>.<body>" ' +
      'with the secret verifies; body and headers as documented',
    async () => {
      const sub = await subscribe(a, '/signed');
      const event = await publish(h.api, a.id, approvedEvent('Swat motorway'));
      const [got] = await waitFor(
        'the signed delivery',
        async () => receiver.on('/signed').length > 0 && receiver.on('/signed'),
      );
      const timestamp = got.headers['x-daftar-timestamp'] as string;
      expect(got.headers['x-daftar-signature']).toBe(signatureOf(sub.secret, timestamp, got.body));
      expect(got.headers['x-daftar-signature']).not.toBe(signatureOf('whsec_wrong', timestamp, got.body));
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
      expect(got.headers['x-daftar-event']).toBe('document.approved');
      expect(got.headers['content-type']).toBe('application/json');
      const body = JSON.parse(got.body);
      expect(body).toEqual({
        id: event.id,
        type: 'document.approved',
        occurredAt: event.occurredAt.toISOString(),
        province: { id: a.id, slug: a.slug, name: `Province ${a.slug}` },
        data: expect.objectContaining({ projectTitle: 'Swat motorway', forum: 'kp-pdwp' }),
      });
      const log = await waitFor('the delivery log', async () => {
        const d = await deliveries(a, sub.id);
        return d.items[0]?.status === 'delivered' && d;
      });
      expect(log.items[0]).toMatchObject({
        id: got.headers['x-daftar-delivery'],
        eventId: event.id,
        eventType: 'document.approved',
        attempts: 1,
        statusCode: 200,
        error: null,
      });
      expect(log.total).toBe(1);
    },
  );

  test('only subscribed event types are delivered, and nothing leaves for an action that rolls back', async () => {
    const sub = await subscribe(a, '/typed', ['obligation.overdue']);
    await publish(h.api, a.id, approvedEvent('Not subscribed'));
    await expect(
      publish(
        h.api,
        a.id,
        {
          type: 'obligation.overdue',
          data: {
            projectId: a.id,
            projectTitle: 'Rolled back',
            kind: 'pc3b',
            period: '2026-10',
            dueDate: '2026-11-05',
            departmentId: null,
            preparedBy: null,
          },
        },
        async () => {
          throw new Error('the action fails after publishing');
        },
      ),
    ).rejects.toThrow('the action fails');
    await publish(h.api, a.id, {
      type: 'obligation.overdue',
      data: {
        projectId: a.id,
        projectTitle: 'Kept',
        kind: 'pc3b',
        period: '2026-10',
        dueDate: '2026-11-05',
        departmentId: null,
        preparedBy: null,
      },
    });
    await waitFor('the overdue delivery', async () => receiver.on('/typed').length > 0);
    const log = await waitFor('delivered', async () => {
      const d = await deliveries(a, sub.id);
      return d.items.every((i: { status: string }) => i.status === 'delivered') && d;
    });
    expect(log.total).toBe(1);
    expect(receiver.on('/typed').map((r) => JSON.parse(r.body).data.projectTitle)).toEqual(['Kept']);
  });

  test(
    'a 500 is retried with backoff (same delivery id and body) ' + 'until it succeeds; a 400 fails for good at once',
    async () => {
      receiver.script('/flaky', [500, 503, 200]);
      receiver.script('/rejects', [400]);
      const flaky = await subscribe(a, '/flaky');
      const rejects = await subscribe(a, '/rejects');
      await publish(h.api, a.id, approvedEvent('Kalam road'));
      const done = await waitFor('three attempts, the last one delivered', async () => {
        const d = await deliveries(a, flaky.id);
        return d.items[0]?.status === 'delivered' && d.items[0];
      });
      expect(done).toMatchObject({ attempts: 3, statusCode: 200, error: null, nextAttemptAt: null });
      const attempts = receiver.on('/flaky');
      expect(attempts).toHaveLength(3);
      expect(new Set(attempts.map((r) => r.headers['x-daftar-delivery'])).size).toBe(1);
      expect(new Set(attempts.map((r) => r.body)).size).toBe(1);

      const failed = await waitFor('the 400 to fail', async () => {
        const d = await deliveries(a, rejects.id);
        return d.items[0]?.status === 'failed' && d.items[0];
      });
      expect(failed).toMatchObject({ attempts: 1, statusCode: 400, nextAttemptAt: null });
      expect(failed.error).toContain('HTTP 400');
      expect(receiver.on('/rejects')).toHaveLength(1);
      await h.on(a.host).delete(`/api/webhooks/${rejects.id}`, a.adminToken).expect(204);
    },
  );

  test('after repeated failed deliveries the subscription is disabled and webhook.disabled is published', async () => {
    receiver.script('/gone', [410]);
    const sub = await subscribe(a, '/gone');
    for (let i = 1; i <= 3; i++) {
      await publish(h.api, a.id, approvedEvent(`Project ${i}`));
      await waitFor(
        `failure ${i}`,
        async () =>
          (await deliveries(a, sub.id)).items.filter((d: { status: string }) => d.status === 'failed').length === i,
      );
    }
    const disabled = (await h.on(a.host).get(`/api/webhooks/${sub.id}`, a.adminToken).expect(200)).body;
    expect(disabled).toMatchObject({ active: false, consecutiveFailures: 3 });
    expect(disabled.disabledReason).toContain('3 deliveries in a row failed');
    const events = await h.dataSource.query(
      `SELECT data FROM ${schemaNameFor(a.slug)}.province_events WHERE type = 'webhook.disabled'`,
    );
    expect(events.map((e: { data: { subscriptionId: string } }) => e.data)).toEqual([
      expect.objectContaining({ subscriptionId: sub.id, url: sub.url, failures: 3 }),
    ]);

    // Disabled: new events create no delivery; a ping is refused until it is turned back on.
    await publish(h.api, a.id, approvedEvent('After disabling'));
    expect((await deliveries(a, sub.id)).total).toBe(3);
    await h.on(a.host).post(`/api/webhooks/${sub.id}/ping`, a.adminToken).expect(409);
    const back = await h.on(a.host).patch(`/api/webhooks/${sub.id}`, a.adminToken).send({ active: true }).expect(200);
    expect(back.body).toMatchObject({ active: true, consecutiveFailures: 0, disabledReason: null });
    await h.on(a.host).delete(`/api/webhooks/${sub.id}`, a.adminToken).expect(204);
  });

  test('ping and redelivery go through the signed delivery path; redelivery keeps the delivery id', async () => {
    const sub = await subscribe(a, '/ping');
    const ping = await h.on(a.host).post(`/api/webhooks/${sub.id}/ping`, a.adminToken).expect(202);
    expect(ping.body).toMatchObject({ eventType: 'ping', status: 'pending' });
    const delivered = await waitFor('the ping', async () => {
      const d = await deliveries(a, sub.id);
      return d.items[0]?.status === 'delivered' && d.items[0];
    });
    const first = receiver.on('/ping')[0];
    expect(JSON.parse(first.body)).toMatchObject({ type: 'ping', data: { subscriptionId: sub.id } });
    expect(first.headers['x-daftar-signature']).toBe(
      signatureOf(sub.secret, first.headers['x-daftar-timestamp'] as string, first.body),
    );

    await h.on(a.host).post(`/api/webhooks/${sub.id}/deliveries/${delivered.id}/redeliver`, a.adminToken).expect(202);
    await waitFor('the redelivery', async () => receiver.on('/ping').length === 2);
    expect(receiver.on('/ping')[1].headers['x-daftar-delivery']).toBe(delivered.id);
    expect(receiver.on('/ping')[1].body).toBe(first.body);
    await waitFor('the log to show two attempts', async () => (await deliveries(a, sub.id)).items[0]?.attempts === 2);

    // After rotation the new secret signs, and the old one no longer verifies.
    const { secret } = (await h.on(a.host).post(`/api/webhooks/${sub.id}/rotate-secret`, a.adminToken).expect(200))
      .body;
    await h.on(a.host).post(`/api/webhooks/${sub.id}/ping`, a.adminToken).expect(202);
    const third = await waitFor('the ping after rotation', async () => receiver.on('/ping')[2]);
    const ts = third.headers['x-daftar-timestamp'] as string;
    expect(third.headers['x-daftar-signature']).toBe(signatureOf(secret, ts, third.body));
    expect(third.headers['x-daftar-signature']).not.toBe(signatureOf(sub.secret, ts, third.body));
  });

  test(
    "cross-province: A's events never reach B's subscribers, " +
      "and B's admin cannot see or touch A's subscriptions (404)",
    async () => {
      const subA = await subscribe(a, '/from-a');
      const subB = await subscribe(b, '/from-b');
      await publish(h.api, a.id, approvedEvent('Only in A'));
      await publish(h.api, b.id, approvedEvent('Only in B'));
      await waitFor(
        'both deliveries',
        async () => receiver.on('/from-a').length === 1 && receiver.on('/from-b').length === 1,
      );
      expect(JSON.parse(receiver.on('/from-a')[0].body)).toMatchObject({
        province: { slug: a.slug },
        data: { projectTitle: 'Only in A' },
      });
      expect(JSON.parse(receiver.on('/from-b')[0].body)).toMatchObject({
        province: { slug: b.slug },
        data: { projectTitle: 'Only in B' },
      });

      const listB = await h.on(b.host).get('/api/webhooks', b.adminToken).expect(200);
      expect(listB.body.map((s: { id: string }) => s.id)).toEqual([subB.id]);
      await h.on(b.host).get(`/api/webhooks/${subA.id}`, b.adminToken).expect(404);
      await h.on(b.host).patch(`/api/webhooks/${subA.id}`, b.adminToken).send({ active: false }).expect(404);
      await h.on(b.host).get(`/api/webhooks/${subA.id}/deliveries`, b.adminToken).expect(404);
      await h.on(b.host).post(`/api/webhooks/${subA.id}/ping`, b.adminToken).expect(404);
      await h.on(b.host).post(`/api/webhooks/${subA.id}/rotate-secret`, b.adminToken).expect(404);
      await h.on(b.host).delete(`/api/webhooks/${subA.id}`, b.adminToken).expect(404);
      // A's token on B's host is refused before anything is looked up.
      await h.on(b.host).get('/api/webhooks', a.adminToken).expect(401);
      expect((await h.on(a.host).get(`/api/webhooks/${subA.id}`, a.adminToken).expect(200)).body.active).toBe(true);
    },
  );

  describe('checked again at delivery, after DNS resolution, with the policy of the worker that delivers', () => {
    let strictWorker: INestApplicationContext | undefined;
    afterAll(async () => {
      await strictWorker?.close();
      worker = await startWorker(h);
    });

    test(
      'when the allow-list no longer admits the address, ' + 'or the host name resolves to loopback, nothing is sent',
      async () => {
        const byName = await subscribe(a, '/by-name', ['document.approved'], receiver.url('/by-name', 'localhost'));
        const byAddress = await subscribe(a, '/by-address');
        // The deployment's workers restart with an empty allow-list.
        await worker.close();
        strictWorker = await startWorker(h, (c) => ({ webhooks: { ...c.webhooks, allowedHosts: [] } }));
        await publish(h.api, a.id, approvedEvent('Refused at delivery'));
        const refusedByName = await waitFor('the name to be refused', async () => {
          const d = await deliveries(a, byName.id);
          return d.items[0]?.status === 'failed' && d.items[0];
        });
        expect(refusedByName.error).toMatch(/localhost resolves to 127\.0\.0\.1 \(loopback\)/);
        expect(refusedByName.statusCode).toBeNull();
        const refusedByAddress = await waitFor('the address to be refused', async () => {
          const d = await deliveries(a, byAddress.id);
          return d.items[0]?.status === 'failed' && d.items[0];
        });
        expect(refusedByAddress.error).toMatch(/127\.0\.0\.1.*loopback/);
        expect(receiver.on('/by-name')).toHaveLength(0);
        expect(receiver.on('/by-address')).toHaveLength(0);
        for (const s of [byName, byAddress])
          await h.on(a.host).delete(`/api/webhooks/${s.id}`, a.adminToken).expect(204);
      },
    );
  });

  test('a delivery whose job was lost (e.g. Redis down right after the commit) is requeued by the sweep', async () => {
    const sub = await subscribe(a, '/swept');
    await worker.close();
    await publish(h.api, a.id, approvedEvent('Lost job'));
    const [row] = await h.dataSource.query(
      `SELECT id FROM ${schemaNameFor(a.slug)}.webhook_deliveries WHERE subscription_id = $1`,
      [sub.id],
    );
    // Lose the job, and let the delivery look old enough to be owed.
    const api = h.api.get<Queue>(getQueueToken(WEBHOOK_QUEUE));
    const jobId = h.api.get(TenantJobQueue).jobIdFor(a.id, `delivery:${row.id}`);
    await waitFor('the job to be queued', async () => (await api.getJob(jobId)) !== undefined);
    await api.remove(jobId);
    await h.dataSource.query(
      `UPDATE ${schemaNameFor(a.slug)}.webhook_deliveries SET started_at = now() - interval '10 minutes' WHERE id = $1`,
      [row.id],
    );
    worker = await startWorker(h);
    expect(await worker.get(WebhookDeliveries).sweep()).toBeGreaterThanOrEqual(1);
    await waitFor('the swept delivery', async () => receiver.on('/swept').length === 1);
    await waitFor('delivered', async () => (await deliveries(a, sub.id)).items[0]?.status === 'delivered');
  });
});
