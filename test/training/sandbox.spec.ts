import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaNameFor } from '../../src/tenancy/slug';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { TrainingService } from '../../src/training/training.service';
import { render } from '../printing/support';
import { CONFIGURATION_TABLES } from '../../src/training/sandbox-schema.repository';
import { Harness, ProvisionedProvince } from '../support/harness';

/*
 * Issue 17 item 1: GB's training sandbox, built by the worker from GB's configuration and a
 * scenario set; trainees from a CSV who exist only there; exercises checked from what trainees
 * did; resets that return every figure to the initial state. KP runs beside it, untouched.
 */

type Province = ProvisionedProvince & { adminToken: string };
const SANDBOX = 'gb-training';
const live = schemaNameFor('gb');
const sandbox = schemaNameFor(SANDBOX);

describe('training sandbox (gb)', () => {
  let h: Harness;
  let gb: Province;
  let kp: Province;
  let sandboxHost: string;
  let trainerToken: string;
  let gbProjectTitle: string;
  let gbPreparerEmail: string;
  let initial: Record<string, number>;
  const durations: Record<string, number> = {};

  const count = async (sql: string, params: unknown[] = []) => Number((await h.dataSource.query(sql, params))[0].n);

  /** Waits for the sandbox's build `runId` to end (the worker runs it); answers the build. */
  async function waitForBuild(runId: string) {
    for (let i = 0; i < 600; i++) {
      const res = await h.on(gb.host).get(`/api/training/sandbox/runs/${runId}`, gb.adminToken).expect(200);
      if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sandbox build ${runId} did not end`);
  }

  const signIn = (host: string, email: string, password: string) =>
    h.on(host).post('/api/auth/login').send({ email, password });

  beforeAll(async () => {
    h = await Harness.start({
      freshDatabase: 'sbx_training',
      worker: true,
      env: { STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'daftar-training-')) },
    });
    const gbP = await h.provisionDirect('gb', 'Gilgit-Baltistan');
    const kpP = await h.provisionDirect('kp', 'Khyber Pakhtunkhwa');
    gb = { ...gbP, adminToken: await h.login(gbP) };
    kp = { ...kpP, adminToken: await h.login(kpP) };
    sandboxHost = h.hostOf(SANDBOX);

    // GB's own configuration (its PC-I overlay published, a department of its own) and its own
    // people and work, before the sandbox.
    const overlay = readFileSync(path.join(__dirname, '..', '..', 'docs', 'examples', 'gb-pc1-overlay.json'), 'utf8');
    await h
      .on(gb.host)
      .put('/api/forms/pc1-infrastructure/overlay', gb.adminToken)
      .send(JSON.parse(overlay))
      .expect(200);
    await h.on(gb.host).post('/api/forms/pc1-infrastructure/publish', gb.adminToken).send({}).expect(201);
    await h.on(gb.host).post('/api/departments', gb.adminToken).send({ code: 'TOUR', name: 'Tourism' }).expect(201);
    const preparer = await h.userWithRole(gb, 'preparer');
    gbPreparerEmail = preparer.email;
    gbProjectTitle = 'Live GB project: Karakoram bridge';
    await h
      .on(gb.host)
      .post('/api/projects', preparer.token)
      .send({ title: gbProjectTitle, formKey: 'pc1-infrastructure' })
      .expect(201);

    const created = await h.on(gb.host).post('/api/training/sandbox', gb.adminToken);
    if (created.status !== 202) throw new Error(JSON.stringify(created.body));
    const build = await waitForBuild(created.body.runId);
    expect(build).toMatchObject({ status: 'succeeded', kind: 'create', error: null });
    durations.create = build.durationMs;
    // The trainer is the sandbox's first administrator, with the password they use on GB.
    trainerToken = (await signIn(sandboxHost, gb.adminEmail, 'Province-Admin-Pass-1').expect(200)).body.accessToken;
    initial = (await h.on(gb.host).get('/api/training/sandbox', gb.adminToken).expect(200)).body.counts;
  });

  afterAll(async () => {
    // The figures the issue asks for: creation and reset times, and the scenario set's size.
    if (initial) console.log(`training sandbox: ${JSON.stringify({ durationsMs: durations, scenario: initial })}`);
    await h?.close();
  });

  test('the sandbox is a province of its own, linked to GB and expiring after SANDBOX_DAYS', async () => {
    const record = await h.api.get(TenantRegistry).findBySlug(SANDBOX);
    expect(record).toMatchObject({ status: 'active', sandboxOf: 'gb' });
    expect((await h.api.get(TenantRegistry).findBySlug('gb'))?.sandboxOf).toBeNull();
    const days = (new Date(record!.sandboxExpiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(h.config.sandbox.days);
    // A second sandbox for GB is refused.
    await h.on(gb.host).post('/api/training/sandbox', gb.adminToken).expect(409);
  });

  test("copies GB's configuration, row for row", async () => {
    for (const table of CONFIGURATION_TABLES) {
      const digest = (schema: string) =>
        h.dataSource.query(
          `SELECT count(*)::int AS n,
                  md5(coalesce(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text), '')) AS d
             FROM ${schema}.${table} t`,
        );
      const [[a], [b]] = await Promise.all([digest(live), digest(sandbox)]);
      expect({ table, ...b }).toEqual({ table, ...a });
      // form_current_editions holds only editions GB chose over the default: none here.
      if (table !== 'form_current_editions') expect(a.n).toBeGreaterThan(0);
    }
    expect(
      await count(`SELECT count(*) AS n FROM ${sandbox}.form_versions WHERE form_key = 'pc1-infrastructure'`),
    ).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM ${sandbox}.departments WHERE code = 'TOUR'`)).toBe(1);
    // Not KP's: KP's districts are not GB's.
    expect(await count(`SELECT count(*) AS n FROM ${sandbox}.master_data_items WHERE code = 'swat'`)).toBe(0);
  });

  test("copies none of GB's users, projects or documents", async () => {
    const users: { email: string; status: string }[] = await h.dataSource.query(
      `SELECT email, status FROM ${sandbox}.users ORDER BY email`,
    );
    expect(users.map((u) => u.email)).not.toContain(gbPreparerEmail);
    // The trainer, and the scenario's actors (disabled: nobody signs in as them).
    expect(users.filter((u) => u.status === 'active').map((u) => u.email)).toEqual([gb.adminEmail]);
    expect(await count(`SELECT count(*) AS n FROM ${sandbox}.projects WHERE title = $1`, [gbProjectTitle])).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM ${sandbox}.projects WHERE id IN (SELECT id FROM ${live}.projects)`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM ${live}.projects`)).toBe(1);
  });

  test('the scenario set: every workflow state, drafts with errors, returns, overdue reports', async () => {
    const [{ config }] = await h.dataSource.query(
      `SELECT config FROM ${sandbox}.workflow_configs ORDER BY version DESC LIMIT 1`,
    );
    const states: string[] = (
      await h.dataSource.query(`SELECT DISTINCT state FROM ${sandbox}.documents ORDER BY state`)
    ).map((r: { state: string }) => r.state);
    expect(states).toEqual(config.states.map((s: { id: string }) => s.id).sort());
    expect(initial.projects).toBeGreaterThanOrEqual(18);
    expect(
      await count(
        `SELECT count(*) AS n FROM ${sandbox}.documents WHERE state = 'draft' AND NOT valid AND error_count > 0`,
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await count(
        `SELECT count(*) AS n FROM ${sandbox}.document_transitions
          WHERE to_state = 'returned' AND length(comment) > 10`,
      ),
    ).toBeGreaterThanOrEqual(2);
    const overdue = await h.on(sandboxHost).get('/api/obligations?status=overdue', trainerToken).expect(200);
    expect(overdue.body.items.length).toBeGreaterThanOrEqual(3);
    // Made from GB's own forms: every document pinned to a version GB has.
    expect(
      await count(
        `SELECT count(*) AS n FROM ${sandbox}.documents
          WHERE form_version_id NOT IN (SELECT id FROM ${live}.form_versions)`,
      ),
    ).toBe(0);
  });

  describe('trainees, exercises and reset', () => {
    const csv = [
      'name,email,role,department',
      'Amina Shah,amina@trainee.pk,preparer,TOUR',
      'Bilal Khan,bilal@trainee.pk,reviewer,',
      'Sana Ali,sana@trainee.pk,approver,',
    ].join('\n');
    let passwords: Record<string, string>;

    beforeAll(async () => {
      const res = await h.on(gb.host).post('/api/training/sandbox/trainees', gb.adminToken).send({ csv }).expect(201);
      expect(res.body.sandboxHost).toBe(sandboxHost);
      passwords = Object.fromEntries(
        res.body.trainees.map((t: { email: string; password: string }) => [t.email, t.password]),
      );
    });

    test('a bad CSV names each line and writes nothing', async () => {
      const users = await count(`SELECT count(*) AS n FROM ${sandbox}.users`);
      const bad = await h
        .on(gb.host)
        .post('/api/training/sandbox/trainees', gb.adminToken)
        .send({
          csv: 'name,email,role,department\nX,not-an-email,preparer,\nY,y@t.pk,tenant_admin,\nZ,z@t.pk,viewer,NOPE',
        })
        .expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^line 2: email/),
          expect.stringMatching(/^line 3: role "tenant_admin"/),
          expect.stringMatching(/^line 4: department "NOPE"/),
        ]),
      );
      await h.on(gb.host).post('/api/training/sandbox/trainees', gb.adminToken).send({}).expect(400);
      expect(await count(`SELECT count(*) AS n FROM ${sandbox}.users`)).toBe(users);
    });

    test('trainees sign in on the sandbox host only', async () => {
      for (const [email, password] of Object.entries(passwords)) {
        await signIn(sandboxHost, email, password).expect(200);
        await signIn(gb.host, email, password).expect(401);
        await signIn(kp.host, email, password).expect(401);
      }
      expect(await count(`SELECT count(*) AS n FROM ${live}.users WHERE email LIKE '%@trainee.pk'`)).toBe(0);
    });

    test('an exercise completes when the trainee does it, and not before', async () => {
      const reviewer = (await signIn(sandboxHost, 'bilal@trainee.pk', passwords['bilal@trainee.pk']).expect(200)).body
        .accessToken;
      const exercise = async (id: string) => {
        const res = await h.on(gb.host).get('/api/training/sandbox/trainees', gb.adminToken).expect(200);
        const bilal = res.body.find((t: { email: string }) => t.email === 'bilal@trainee.pk');
        return bilal.exercises.find((e: { id: string }) => e.id === id).done as boolean;
      };
      expect(await exercise('return-with-comment')).toBe(false);
      const [doc] = await h.dataSource.query(
        `SELECT id FROM ${sandbox}.documents WHERE state = 'department-review' ORDER BY id LIMIT 1`,
      );
      // Trying without the comment is refused and does not count.
      await h.on(sandboxHost).post(`/api/documents/${doc.id}/actions/return`, reviewer).send({}).expect(400);
      expect(await exercise('return-with-comment')).toBe(false);
      await h
        .on(sandboxHost)
        .post(`/api/documents/${doc.id}/actions/return`, reviewer)
        .send({ comment: 'Cost table incomplete' })
        .expect(200);
      expect(await exercise('return-with-comment')).toBe(true);
      // The scenario's preparer is no trainee: no mail. A trainee's own document returned: mailed, marked.
      expect(await count(`SELECT count(*) AS n FROM ${sandbox}.mail_outbox`)).toBe(0);
      const [mine] = await h.dataSource.query(
        `UPDATE ${sandbox}.documents SET created_by = (SELECT id FROM ${sandbox}.users WHERE email = 'amina@trainee.pk')
          WHERE id = (SELECT id FROM ${sandbox}.documents WHERE state = 'pnd-scrutiny' ORDER BY id LIMIT 1)
          RETURNING id`,
      );
      await h
        .on(sandboxHost)
        .post(`/api/documents/${mine[0].id}/actions/return`, reviewer)
        .send({ comment: 'Attach the land documents' })
        .expect(200);
      const mails = await h.dataSource.query(`SELECT to_address, subject FROM ${sandbox}.mail_outbox`);
      expect(mails).toEqual([{ to_address: 'amina@trainee.pk', subject: expect.stringMatching(/^\[Training\] /) }]);
      expect(await exercise('forward-to-pnd')).toBe(false);
    });

    test('reset returns every figure to the initial state, trainees kept or removed', async () => {
      const preparer = (await signIn(sandboxHost, 'amina@trainee.pk', passwords['amina@trainee.pk']).expect(200)).body
        .accessToken;
      await h
        .on(sandboxHost)
        .post('/api/projects', preparer)
        .send({ title: 'Trainee road', formKey: 'pc1-infrastructure' })
        .expect(201);
      const before = (await h.on(gb.host).get('/api/training/sandbox', gb.adminToken).expect(200)).body.counts;
      expect(before.projects).toBe(initial.projects + 1);
      expect(before.trainees).toBe(3);

      const kept = await h.on(gb.host).post('/api/training/sandbox/reset', gb.adminToken).send({}).expect(202);
      const build = await waitForBuild(kept.body.runId);
      expect(build).toMatchObject({ status: 'succeeded', kind: 'reset', keepTrainees: true });
      durations.resetKeepingTrainees = build.durationMs;
      const after = (await h.on(gb.host).get('/api/training/sandbox', gb.adminToken).expect(200)).body;
      expect(after.counts).toEqual({ ...initial, users: initial.users + 3, trainees: 3 });
      expect(after.lastReset.durationMs).toBe(build.durationMs);
      // Kept trainees sign in again with the same password; their exercises start again.
      await signIn(sandboxHost, 'bilal@trainee.pk', passwords['bilal@trainee.pk']).expect(200);
      const progress = await h.on(gb.host).get('/api/training/sandbox/trainees', gb.adminToken).expect(200);
      expect(
        progress.body.flatMap((t: { exercises: { done: boolean }[] }) => t.exercises.filter((e) => e.done)),
      ).toEqual([]);

      const removed = await h
        .on(gb.host)
        .post('/api/training/sandbox/reset', gb.adminToken)
        .send({ keepTrainees: false })
        .expect(202);
      durations.resetRemovingTrainees = (await waitForBuild(removed.body.runId)).durationMs;
      const bare = (await h.on(gb.host).get('/api/training/sandbox', gb.adminToken).expect(200)).body;
      expect(bare.counts).toEqual(initial);
      await signIn(sandboxHost, 'bilal@trainee.pk', passwords['bilal@trainee.pk']).expect(401);
      // GB itself never moved.
      expect(await count(`SELECT count(*) AS n FROM ${live}.projects`)).toBe(1);
      await h.on(gb.host).post('/api/training/sandbox/reset', gb.adminToken).send({ keepTrainees: 'yes' }).expect(400);
    });
  });

  test("the trainer's sign-in sheet: a PDF in English or Urdu, marked TRAINING, with the passwords", async () => {
    const sheet = (lang: string, email: string) =>
      h
        .on(gb.host)
        .post(`/api/training/sandbox/trainees?sheet=${lang}`, gb.adminToken)
        .send({ csv: `name,email,role,department\nNadia Baig,${email},viewer,` })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const en = await sheet('en', 'nadia@trainee.pk').expect(201);
    expect(en.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'sheet-'));
    writeFileSync(path.join(dir, 'en.pdf'), en.body);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'en.pdf'), '-']).toString();
    expect(text).toMatch(/TRAINING/);
    expect(text).toMatch(/nadia@trainee\.pk/);
    expect(text).toMatch(new RegExp(`${sandboxHost.replace(/\./g, '\\.')}`));
    const ur = await sheet('ur', 'omar@trainee.pk').expect(201);
    writeFileSync(path.join(dir, 'ur.pdf'), ur.body);
    expect(execFileSync('pdffonts', [path.join(dir, 'ur.pdf')]).toString()).toMatch(/Nastaliq/);
    await h.on(gb.host).post('/api/training/sandbox/trainees?sheet=fr', gb.adminToken).send({ csv: 'x' }).expect(400);
  });

  test('refused across provinces and hosts', async () => {
    // KP has no sandbox, and cannot reach GB's.
    await h.on(kp.host).get('/api/training/sandbox', kp.adminToken).expect(404);
    await h.on(kp.host).post('/api/training/sandbox/reset', kp.adminToken).send({}).expect(404);
    // GB's token is not the sandbox's, and the sandbox does not manage training.
    await h.on(sandboxHost).get('/api/projects', gb.adminToken).expect(401);
    await h.on(sandboxHost).get('/api/training/sandbox', trainerToken).expect(403);
    await h.on(h.platformHost).get('/api/platform/tenants/gb/sandbox', gb.adminToken).expect(401);
    // Only administrators train.
    const viewer = await h.userWithRole(gb, 'viewer');
    await h.on(gb.host).get('/api/training/sandbox', viewer.token).expect(403);
  });

  test('operators see and extend the sandbox from the console; an expired sandbox is closed', async () => {
    const op = await h.operatorToken();
    const view = await h.on(h.platformHost).get('/api/platform/tenants/gb/sandbox', op).expect(200);
    expect(view.body).toMatchObject({ slug: SANDBOX, liveSlug: 'gb', status: 'active' });
    await h.on(h.platformHost).get('/api/platform/tenants/kp/sandbox', op).expect(404);

    await h.dataSource.query(
      `UPDATE platform.tenants SET sandbox_expires_at = now() - interval '1 minute' WHERE slug = $1`,
      [SANDBOX],
    );
    await h.api.get(TenantRegistry).invalidate();
    const closed = await h.on(sandboxHost).get('/api/projects', trainerToken);
    expect(closed.status).toBe(403);
    expect(closed.body.message).toMatch(/expired/);
    const extended = await h.on(h.platformHost).post('/api/platform/tenants/gb/sandbox/extend', op).expect(200);
    expect(new Date(extended.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    await h.on(sandboxHost).get('/api/projects', trainerToken).expect(200);
  });

  test("an operator creates KP's sandbox with its trainer; each sandbox keeps to its own province", async () => {
    const op = await h.operatorToken();
    const bad = await h
      .on(h.platformHost)
      .post('/api/platform/tenants/kp/sandbox', op)
      .send({ adminEmail: 'nope', adminPassword: 'short' })
      .expect(400);
    expect(bad.body.message.join(' ')).toMatch(/adminEmail must be an email address.*adminPassword must be at least/);
    await h
      .on(h.platformHost)
      .post('/api/platform/tenants/gb-training/sandbox', op)
      .send({
        adminEmail: 'trainer@kp.gov.pk',
        adminPassword: 'Trainer-Password-1',
      })
      .expect(400);
    const created = await h
      .on(h.platformHost)
      .post('/api/platform/tenants/kp/sandbox', op)
      .send({ adminEmail: 'Trainer@KP.gov.pk', adminPassword: 'Trainer-Password-1', adminName: 'KP Trainer' })
      .expect(202);
    let run = created.body.sandbox.runs[0];
    for (let i = 0; i < 600 && (run.status === 'queued' || run.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await h.on(h.platformHost).get('/api/platform/tenants/kp/sandbox', op).expect(200)).body.runs[0];
    }
    expect(run).toMatchObject({ kind: 'create', status: 'succeeded', trigger: 'operator' });
    const kpSandbox = h.hostOf('kp-training');
    await signIn(kpSandbox, 'trainer@kp.gov.pk', 'Trainer-Password-1').expect(200);
    await signIn(sandboxHost, 'trainer@kp.gov.pk', 'Trainer-Password-1').expect(401);
    // KP's sandbox is KP's configuration: its districts, not GB's.
    const kpSchema = schemaNameFor('kp-training');
    expect(await count(`SELECT count(*) AS n FROM ${kpSchema}.master_data_items WHERE code = 'hunza'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM ${sandbox}.master_data_items WHERE code = 'hunza'`)).toBe(1);
    const list = (await h.on(h.platformHost).get('/api/platform/tenants', op).expect(200)).body;
    expect(list.map((t: { slug: string; sandboxOf: string | null }) => [t.slug, t.sandboxOf]).sort()).toEqual([
      ['gb', null],
      ['gb-training', 'gb'],
      ['kp', null],
      ['kp-training', 'kp'],
    ]);
  });

  test('every PDF printed in the sandbox is marked TRAINING; the live province’s are not', async () => {
    const [doc] = await h.dataSource.query(`SELECT id FROM ${sandbox}.documents WHERE state = 'approved' LIMIT 1`);
    const { file } = await render(h.on(sandboxHost), trainerToken, `/api/documents/${doc.id}/pdf`, { locale: 'en' });
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-pdf-'));
    writeFileSync(path.join(dir, 'sandbox.pdf'), file.body);
    const text = execFileSync('pdftotext', [path.join(dir, 'sandbox.pdf'), '-']).toString();
    expect(text).toMatch(/TRAINING/);
    const blank = await render(h.on(gb.host), gb.adminToken, '/api/forms/pc1-infrastructure/versions/current/pdf', {
      locale: 'en',
    });
    writeFileSync(path.join(dir, 'live.pdf'), blank.file.body);
    expect(execFileSync('pdftotext', [path.join(dir, 'live.pdf'), '-']).toString()).not.toMatch(/TRAINING/);
  });

  test('the scheduled reset rebuilds every sandbox, trainees kept', async () => {
    const registry = h.api.get(TenantRegistry);
    const ids = [(await registry.describe('gb-training'))!.id, (await registry.describe('kp-training'))!.id];
    const before = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM platform.sandbox_runs WHERE trigger = 'schedule'`,
    );
    expect(before[0].n).toBe(0);
    expect(await h.api.get(TrainingService).resetAll()).toBe(2);
    for (let i = 0; i < 600; i++) {
      const [open] = await h.dataSource.query(
        `SELECT count(*)::int AS n FROM platform.sandbox_runs WHERE status IN ('queued', 'running')`,
      );
      if (open.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const runs = await h.dataSource.query(
      `SELECT tenant_id, status, keep_trainees FROM platform.sandbox_runs
        WHERE trigger = 'schedule' ORDER BY tenant_id`,
    );
    expect(runs).toEqual([...ids].sort().map((id) => ({ tenant_id: id, status: 'succeeded', keep_trainees: true })));
    expect((await h.on(gb.host).get('/api/training/sandbox', gb.adminToken).expect(200)).body.counts.projects).toBe(
      initial.projects,
    );
  });
});
