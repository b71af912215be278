import request from 'supertest';
import { schemaNameFor } from '../../src/tenancy/slug';
import { eventually, SmtpSink } from '../mail/smtp-sink';
import { ADMIN_PASSWORD, Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';
import { token } from './support';
import { AppProcess, deploymentEnv } from './processes';

type Province = ProvisionedProvince & { adminToken: string };

/** Mail bursts: long enough that a first-come queue would put the other province's mail far behind. */
const BURST = 40;

/**
 * Scenario (e): two API processes (the harness and a child) and two worker processes of one
 * deployment. A suspension made through one API is obeyed by the other at once (the registry cache
 * is kept for an hour here, so only the Redis invalidation can tell it); a province requested on
 * both APIs at once is provisioned exactly once; a province's burst of mail does not push another
 * province's mail to the back of the shared queue.
 */
describe('faults: two API and two worker processes', () => {
  let h: Harness;
  let smtp: SmtpSink;
  let api2: AppProcess;
  const workers: AppProcess[] = [];
  let kp: Province;
  let gb: Province;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    smtp = new SmtpSink(await SmtpSink.freePort());
    await smtp.start();
    const shared = { SMTP_URL: smtp.url, MAIL_SWEEP_SECONDS: '1', TENANT_CACHE_TTL_MS: '3600000' };
    h = await Harness.start({
      // Its own database: workers sweep every province of theirs, and must not take another spec's mail.
      freshDatabase: 'faults_multi_process',
      env: shared,
    });
    kp = await h.provinceWithAdmin('fault-two-a');
    gb = await h.provinceWithAdmin('fault-two-b');
    env = deploymentEnv(h.config, shared);
    api2 = await AppProcess.api(env);
  }, 120_000);

  afterAll(async () => {
    for (const p of [api2, ...workers]) p?.kill('SIGKILL');
    await h?.close();
    await smtp?.stop();
  });

  const on2 = (host: string, path: string, bearer: string) =>
    request(api2.url).get(path).set('Host', host).auth(bearer, { type: 'bearer' });

  it("keeps one province's burst from starving another's mail", async () => {
    const inviteOnApi2 = (email: string) =>
      request(api2.url)
        .post('/api/users')
        .set('Host', gb.host)
        .auth(gb.adminToken, { type: 'bearer' })
        .send({ email, name: 'Lone', locale: 'en', roles: ['preparer'] })
        .expect(201);
    // The second API's first job add also connects its queue and loads BullMQ's scripts; on a
    // loaded machine that alone can outlast REDIS_COMMAND_TIMEOUT_MS, leaving the mail to the
    // outbox sweep (delivered, but late). One GB invitation first, so the lone one below is an
    // ordinary add.
    const warm = `warm-${token()}@${gb.slug}.gov.pk`;
    await inviteOnApi2(warm);
    // Queued while no worker runs, so the whole backlog is there when the workers start.
    const burst: string[] = [];
    for (let i = 0; i < BURST; i++) {
      const email = `burst-${i}-${token()}@${kp.slug}.gov.pk`;
      await h
        .on(kp.host)
        .post('/api/users', kp.adminToken)
        .send({ email, name: 'Burst', locale: 'en', roles: ['preparer'] })
        .expect(201);
      burst.push(email);
    }
    const lone = `lone-${token()}@${gb.slug}.gov.pk`;
    await inviteOnApi2(lone);

    workers.push(...(await Promise.all([AppProcess.worker(env), AppProcess.worker(env)])));
    await eventually(
      () => [...burst, warm, lone].every((e) => smtp.to(e).length === 1),
      'every mail delivered',
      90_000,
    );
    const order = smtp.received.map((m) => m.to);
    const position = order.indexOf(lone);
    process.stdout.write(`[faults:e] the other province's mail came at position ${position + 1} of ${order.length}\n`);
    // First come, first served would deliver it last (42nd); fair interleaving puts it near the front.
    expect(position).toBeLessThan(BURST / 2);
    for (const e of [...burst, warm, lone]) expect(smtp.to(e)).toHaveLength(1);
  }, 150_000);

  it('provisions a province asked for on both APIs at once exactly once', async () => {
    const operator = await h.operatorToken();
    const slug = uniqueSlug('fault-twice');
    const body = { slug, name: 'Asked Twice', adminEmail: `admin@${slug}.gov.pk`, adminPassword: ADMIN_PASSWORD };
    const [a, b] = await Promise.all([
      h.on(h.platformHost).post('/api/platform/tenants', operator).send(body),
      request(api2.url)
        .post('/api/platform/tenants')
        .set('Host', h.platformHost)
        .auth(operator, { type: 'bearer' })
        .send(body),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const runId = (a.status === 202 ? a : b).body.runId as string;
    const done = await h.waitForRun(slug, runId, 60_000);
    expect((done.runs as Array<{ status: string }>).map((r) => r.status)).toEqual(['succeeded']);
    const [{ admins }] = await h.dataSource.query(`SELECT count(*)::int AS admins FROM ${schemaNameFor(slug)}.users`);
    expect(admins).toBe(1);
    const [{ runs }] = await h.dataSource.query(
      `SELECT count(*)::int AS runs FROM platform.provisioning_runs r
       JOIN platform.tenants t ON t.id = r.tenant_id WHERE t.slug = $1`,
      [slug],
    );
    expect(runs).toBe(1);
  }, 90_000);

  it('obeys a suspension made on the other API at once, and the resumption too', async () => {
    await on2(gb.host, '/api/departments', gb.adminToken).expect(200);
    const operator = await h.operatorToken();
    await h
      .on(h.platformHost)
      .post(`/api/platform/tenants/${gb.slug}/suspend`, operator)
      .send({ reason: 'Fault drill' })
      .expect(200);
    const suspendedAt = Date.now();
    // The cache would keep the province active for an hour: only the invalidation can stop it.
    const refused = await eventually(
      async () => {
        const res = await on2(gb.host, '/api/departments', gb.adminToken);
        return res.status === 403 && res;
      },
      'the other API refusing the suspended province',
      5_000,
    );
    const latency = Date.now() - suspendedAt;
    expect(refused.body.message).toMatch(/suspended/);
    // The other province is untouched on both.
    await on2(kp.host, '/api/departments', kp.adminToken).expect(200);
    await h.on(h.platformHost).post(`/api/platform/tenants/${gb.slug}/resume`, operator).expect(200);
    await eventually(
      async () => (await on2(gb.host, '/api/departments', gb.adminToken)).status === 200,
      'the other API serving the province again',
      5_000,
    );
    process.stdout.write(`[faults:e] suspension obeyed by the other API ${latency} ms after the answer\n`);
  });
});
