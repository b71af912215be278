import { schemaNameFor } from '../../src/tenancy/slug';
import { eventually, SmtpSink } from '../mail/smtp-sink';
import { ADMIN_PASSWORD, Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';
import { TcpProxy } from '../support/tcp-proxy';
import { LONG, OUTAGE_MS, REDIS_URL, sleep, Tally, token } from './support';

/**
 * Scenario (a): Redis goes away under load (first hung, then refusing connections) while two
 * provinces keep working. Reads that need only Postgres keep answering; what needs Redis (queueing
 * a PDF render, the sign-in throttle) answers 503 with Retry-After within REDIS_COMMAND_TIMEOUT_MS;
 * writes whose mail could not be queued are committed, and their mail goes out once Redis is back,
 * exactly once each (the outbox sweep), none lost.
 */
describe('faults: Redis unavailable under load', () => {
  let h: Harness;
  let redis: TcpProxy;
  let smtp: SmtpSink;
  let kp: ProvisionedProvince & { adminToken: string };
  let gb: ProvisionedProvince & { adminToken: string };

  beforeAll(async () => {
    smtp = new SmtpSink(await SmtpSink.freePort());
    await smtp.start();
    redis = await TcpProxy.forUrl(REDIS_URL);
    h = await Harness.start({
      // Its own database: workers sweep every province of theirs, and must not take another spec's mail.
      freshDatabase: 'faults_redis_outage',
      worker: true,
      env: {
        REDIS_URL: redis.rewrite(REDIS_URL),
        REDIS_COMMAND_TIMEOUT_MS: '300',
        SMTP_URL: smtp.url,
        MAIL_RETRY_DELAY_MS: '200',
        MAIL_LEASE_SECONDS: '2',
        MAIL_SWEEP_SECONDS: '1',
      },
    });
    kp = await h.provinceWithAdmin('fault-redis-a');
    gb = await h.provinceWithAdmin('fault-redis-b');
  }, 120_000);

  afterAll(async () => {
    redis?.resume();
    await h?.close();
    await redis?.close();
    await smtp?.stop();
  });

  it(`keeps reads up, answers 503 for what needs Redis, and loses no mail (outage ${OUTAGE_MS} ms)`, async () => {
    const tally = new Tally();
    const invited: string[] = [];
    const load = async (p: typeof kp, until: number) => {
      while (Date.now() < until) {
        tally.note('read users', await h.on(p.host).get('/api/users', p.adminToken));
        const email = `invitee-${token()}@${p.slug}.gov.pk`;
        const invite = tally.note(
          'invite user',
          await h
            .on(p.host)
            .post('/api/users', p.adminToken)
            .send({ email, name: 'Invitee', locale: 'en', roles: ['preparer'] }),
        );
        if (invite.status === 201) invited.push(email);
        tally.note(
          'queue pdf',
          await h.on(p.host).post('/api/forms/pc1-infrastructure/versions/current/pdf', p.adminToken).send({}),
        );
        tally.note(
          'sign in',
          await h.on(p.host).post('/api/auth/login').send({ email: p.adminEmail, password: ADMIN_PASSWORD }),
        );
      }
    };
    const operator = await h.operatorToken(); // signing in needs Redis: before the outage
    const lateSlug = uniqueSlug('fault-redis-new');
    // Half the outage Redis hangs (sockets open, no answer), then it refuses connections (down).
    redis.pause();
    const end = Date.now() + OUTAGE_MS;
    const loads = Promise.all([load(kp, end), load(gb, end)]);
    await sleep(OUTAGE_MS / 2);
    redis.refuse();
    // A province asked for while its job cannot be queued: refused, and left failed (retryable), not hanging.
    const provisioning = tally.note(
      'provision',
      await h
        .on(h.platformHost)
        .post('/api/platform/tenants', operator)
        .send({ slug: lateSlug, name: 'Late', adminEmail: `admin@${lateSlug}.gov.pk`, adminPassword: ADMIN_PASSWORD }),
    );
    await loads;
    redis.resume();
    process.stdout.write(`[faults:a] during the outage: ${tally.summary()}\n`);

    expect(tally.problems).toEqual([]);
    // Reads and writes that need only Postgres kept working, every one of them.
    expect(Object.keys(tally.statuses('read users'))).toEqual(['200']);
    expect(Object.keys(tally.statuses('invite user'))).toEqual(['201']);
    // Queueing a render needs Redis: refused cleanly, every time.
    expect(Object.keys(tally.statuses('queue pdf'))).toEqual(['503']);
    // The sign-in throttle counts in Redis; it refuses rather than let sign-ins through uncounted.
    expect(Object.keys(tally.statuses('sign in'))).toEqual(['503']);
    expect(invited.length).toBeGreaterThan(LONG ? 10 : 2);

    // After: every invitation mailed exactly once, whatever the outage did to its queueing.
    await eventually(() => invited.every((e) => smtp.to(e).length >= 1), 'every invitation mailed', 60_000);
    await sleep(2500); // longer than a lease and a sweep: a second copy would have arrived by now
    for (const e of invited) expect({ e, copies: smtp.to(e).length }).toEqual({ e, copies: 1 });
    for (const p of [kp, gb]) {
      const rows: Array<{ status: string; n: number }> = await h.dataSource.query(
        `SELECT status, count(*)::int AS n FROM ${schemaNameFor(p.slug)}.mail_outbox GROUP BY status`,
      );
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
      // No invitation of one province was written into the other's schema.
      const [{ foreign }] = await h.dataSource.query(
        `SELECT count(*)::int AS foreign FROM ${schemaNameFor(p.slug)}.users WHERE email NOT LIKE $1`,
        [`%@${p.slug}.gov.pk`],
      );
      expect(foreign).toBe(0);
    }
    expect(provisioning.status).toBe(503);
    const late = await h.on(h.platformHost).get(`/api/platform/tenants/${lateSlug}`, operator).expect(200);
    expect({ status: late.body.status, runs: late.body.runs.map((r: { status: string }) => r.status) }).toEqual({
      status: 'failed',
      runs: ['failed'],
    });
    const retry = await h.on(h.platformHost).post(`/api/platform/tenants/${lateSlug}/retry`, operator).expect(202);
    const done = await h.waitForRun(lateSlug, retry.body.runId, 60_000);
    expect(done.status).toBe('active');
    // And the features that needed Redis work again.
    const again = await h
      .on(kp.host)
      .post('/api/forms/pc1-infrastructure/versions/current/pdf', kp.adminToken)
      .send({});
    expect([200, 202]).toContain(again.status);
    await h.on(kp.host).post('/api/auth/login').send({ email: kp.adminEmail, password: ADMIN_PASSWORD }).expect(200);
  });
});
