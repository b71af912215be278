import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaNameFor } from '../../src/tenancy/slug';
import { eventually, SmtpSink } from '../mail/smtp-sink';
import { ensureTools } from '../printing/support';
import { ADMIN_PASSWORD, Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';
import { TEST_DATABASE_URL } from '../support/test-env';
import { TcpProxy } from '../support/tcp-proxy';
import { sleep, token } from './support';
import { AppProcess, deploymentEnv } from './processes';

/** Long enough for BullMQ (lock 30 s, stalled check every 30 s) to hand a dead worker's jobs to another. */
const RECOVERY_MS = 150_000;

/**
 * Scenario (d): a real worker process is killed with SIGKILL while it is provisioning a province,
 * rendering a PDF and delivering a mail (its database is slowed through the proxy and the SMTP
 * server holds the message, so all three are under way at once). Nothing half-made is left, a new
 * worker completes all three, and nothing is done twice: one province with one administrator,
 * one rendered document row, one message received.
 */
describe('faults: worker killed (SIGKILL) mid-work', () => {
  let h: Harness;
  let pg: TcpProxy;
  let smtp: SmtpSink;
  let kp: ProvisionedProvince & { adminToken: string };
  const workers: AppProcess[] = [];
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ensureTools();
    smtp = new SmtpSink(await SmtpSink.freePort());
    await smtp.start();
    const mail = { SMTP_URL: smtp.url, MAIL_RETRY_DELAY_MS: '200', MAIL_LEASE_SECONDS: '2', MAIL_SWEEP_SECONDS: '1' };
    const storage = mkdtempSync(path.join(tmpdir(), 'daftar-faults-'));
    h = await Harness.start({
      // Its own database: workers sweep every province of theirs, and must not take another spec's mail.
      freshDatabase: 'faults_worker_kill',
      env: { ...mail, STORAGE_DIR: storage },
    });
    kp = await h.provinceWithAdmin('fault-kill');
    pg = await TcpProxy.forUrl(TEST_DATABASE_URL);
    env = deploymentEnv(h.config, { ...mail, STORAGE_DIR: storage, DATABASE_URL: pg.rewrite(h.config.database.url) });
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await h?.close();
    await pg?.close();
    await smtp?.stop();
  });

  it(
    'completes provisioning, the render and the mail after a restart, each exactly once',
    async () => {
      const first = await AppProcess.worker(env);
      workers.push(first);
      pg.delay(60);
      const operator = await h.operatorToken();

      // Provisioning: one transaction of many statements, slowed down by the proxy.
      const slug = uniqueSlug('fault-new');
      const created = await h
        .on(h.platformHost)
        .post('/api/platform/tenants', operator)
        .send({ slug, name: 'Killed Mid-way', adminEmail: `admin@${slug}.gov.pk`, adminPassword: ADMIN_PASSWORD })
        .expect(202);
      const runOf = async () => {
        const res = await h.on(h.platformHost).get(`/api/platform/tenants/${slug}`, operator).expect(200);
        return res.body.runs.find((r: { id: string }) => r.id === created.body.runId) as { status: string };
      };
      // A PDF render.
      const pdf = `/api/forms/pc1-infrastructure/versions/current/pdf`;
      const job = await h.on(kp.host).post(pdf, kp.adminToken).send({ locale: 'en' }).expect(202);
      // A mail, whose SMTP transaction the server holds open.
      smtp.holdNext();
      const email = `killed-${token()}@${kp.slug}.gov.pk`;
      await h
        .on(kp.host)
        .post('/api/users', kp.adminToken)
        .send({ email, name: 'Mid Delivery', locale: 'en', roles: ['preparer'] })
        .expect(201);

      await smtp.waitUntilHeld();
      await eventually(async () => (await runOf()).status === 'running', 'provisioning under way', 60_000);
      await eventually(
        async () => (await h.on(kp.host).get(job.body.poll, kp.adminToken)).body.status === 'rendering',
        'the render under way',
        60_000,
      );
      first.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      pg.delay(0);
      smtp.refuseHeld(); // its client is gone; the message was never accepted

      // Nothing half-made: the province's transaction died with its connection.
      await eventually(async () => {
        const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1`, [
          schemaNameFor(slug),
        ]);
        return n === 0;
      }, 'the half-made schema rolled back');
      expect((await runOf()).status).toBe('running');
      expect(smtp.to(email)).toHaveLength(0);

      // A new worker finishes all three.
      workers.push(await AppProcess.worker(env));
      await eventually(async () => (await runOf()).status === 'succeeded', 'provisioning after restart', RECOVERY_MS);
      await eventually(
        async () => (await h.on(kp.host).get(job.body.poll, kp.adminToken)).body.status === 'done',
        'the render after restart',
        RECOVERY_MS,
      );
      await eventually(() => smtp.to(email).length > 0, 'the mail after restart', RECOVERY_MS).catch(async (error) => {
        const outbox = await h.dataSource.query(
          `SELECT status, attempts, lease_until, last_error FROM ${schemaNameFor(kp.slug)}.mail_outbox
            WHERE to_address = $1`,
          [email],
        );
        throw new Error(
          `${error.message}; outbox ${JSON.stringify(outbox)}; worker: ${workers[1].output.join('').slice(-4000)}`,
        );
      });
      await sleep(3000); // past a lease and a sweep: a second copy would have come by now

      // Exactly once each.
      expect(smtp.to(email)).toHaveLength(1);
      const newSchema = schemaNameFor(slug);
      const [{ admins }] = await h.dataSource.query(`SELECT count(*)::int AS admins FROM ${newSchema}.users`);
      expect(admins).toBe(1);
      const [{ tables }] = await h.dataSource.query(
        `SELECT (SELECT count(*)::int FROM pg_tables WHERE schemaname = $1) -
                (SELECT count(*)::int FROM pg_tables WHERE schemaname = $2) AS tables`,
        [newSchema, schemaNameFor(kp.slug)],
      );
      expect(tables).toBe(0); // as complete as a province provisioned without faults
      const [{ rendered }] = await h.dataSource.query(
        `SELECT count(*)::int AS rendered FROM ${schemaNameFor(kp.slug)}.rendered_documents WHERE form_key = $1`,
        ['pc1-infrastructure'],
      );
      expect(rendered).toBe(1);
      const file = await h.on(kp.host).get(`${pdf}?locale=en`, kp.adminToken).expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      await h.login({ id: '', slug, host: h.hostOf(slug), adminEmail: `admin@${slug}.gov.pk` });
      const messages = smtp.to(email).length;
      process.stdout.write(
        `[faults:d] after restart: run succeeded, 1 admin, ${rendered} rendered row, ${messages} message\n`,
      );
    },
    RECOVERY_MS * 2,
  );
});
