import { Migration } from '../../src/database/migration';
import { tenantMigrations } from '../../src/tenancy/tenant-migrations';
import { ADMIN_PASSWORD, Harness, uniqueSlug } from '../support/harness';

/** Provisioning through the API and the BullMQ worker, as an operator does it. */
describe('provisioning a province', () => {
  let h: Harness;
  let operator: string;
  const failFor = new Set<string>();

  // Fails only for the schemas the test names, so the rest of the suite provisions normally.
  const failing: Migration = {
    id: '9000-test-can-fail',
    async up(db) {
      await db.query(`CREATE TABLE provisioning_probe (id int)`);
      if (failFor.has(db.schema)) throw new Error('boom: made to fail by the test');
    },
  };

  beforeAll(async () => {
    h = await Harness.start({ worker: true, tenantMigrations: [...tenantMigrations, failing] });
    operator = await h.operatorToken();
  });

  afterAll(() => h.close());

  const schemaExists = async (schema: string) =>
    (await h.dataSource.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema])).length === 1;
  // Counted by a name only this spec uses: other spec files create provinces in parallel.
  const BAD_NAME = 'Bad slug probe';
  const tenantCount = async () =>
    Number((await h.dataSource.query(`SELECT count(*) FROM platform.tenants WHERE name = $1`, [BAD_NAME]))[0].count);

  it('provisions end to end: 202, step-by-step progress, active, admin can sign in', async () => {
    const slug = uniqueSlug('prov-ok');
    const { status, body } = await h.provisionViaApi(slug, 'Azad Jammu & Kashmir');
    expect(status).toBe(202);
    expect(body).toMatchObject({
      slug,
      status: 'active',
      schemaName: `t_${slug.replace(/-/g, '_')}`,
      schemaVersion: failing.id,
    });
    const run = (body.runs as Array<{ status: string; steps: Array<{ name: string; status: string }> }>)[0];
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => [s.name, s.status])).toEqual([
      ['create-schema', 'done'],
      ['migrate', 'done'],
      ['seed-admin', 'done'],
      ['install-defaults', 'done'],
      ['activate', 'done'],
    ]);
    expect(run).not.toHaveProperty('adminPasswordHash');
    const [{ hash }] = await h.dataSource.query(
      `SELECT admin_password_hash AS hash FROM platform.provisioning_runs WHERE tenant_id = $1`,
      [body.id],
    );
    expect(hash).toBeNull();

    const host = h.hostOf(slug);
    await h.on(host).get('/api/tenant').expect(200);
    const login = await h
      .on(host)
      .post('/api/auth/login')
      .send({ email: `admin@${slug}.gov.pk`, password: ADMIN_PASSWORD })
      .expect(200);
    await h.on(host).get('/api/departments', login.body.accessToken).expect(200, []);
    // No name given: the default one.
    const [admin] = await h.dataSource.query(`SELECT name FROM ${body.schemaName}.users WHERE email = $1`, [
      `admin@${slug}.gov.pk`,
    ]);
    expect(admin.name).toBe('Province administrator');
  });

  it('rolls a failed provisioning back completely, reports why, and succeeds on retry', async () => {
    const slug = uniqueSlug('prov-fail');
    const schema = `t_${slug.replace(/-/g, '_')}`;
    failFor.add(schema);
    const requested = await h
      .on(h.platformHost)
      .post('/api/platform/tenants', operator)
      .send({
        slug,
        name: `Province ${slug}`,
        adminEmail: `admin@${slug}.gov.pk`,
        adminPassword: ADMIN_PASSWORD,
        adminName: 'Planning Officer (Admin)',
      })
      .expect(202);
    const body = await h.waitForRun(slug, requested.body.runId);
    expect(body.status).toBe('failed');
    expect(body.statusReason).toMatch(/boom: made to fail/);
    const failedRun = (
      body.runs as Array<{ status: string; error: string; steps: Array<{ name: string; status: string }> }>
    )[0];
    expect(failedRun.status).toBe('failed');
    expect(failedRun.error).toMatch(/migration 9000-test-can-fail failed/);
    expect(failedRun.steps.map((s) => s.status)).toEqual(['rolled-back', 'failed', 'pending', 'pending', 'pending']);
    expect(await schemaExists(schema)).toBe(false);
    await h.on(h.hostOf(slug)).get('/api/tenant').expect(503);

    failFor.delete(schema);
    const retry = await h.on(h.platformHost).post(`/api/platform/tenants/${slug}/retry`, operator).expect(202);
    const after = await h.waitForRun(slug, retry.body.runId);
    expect(after.status).toBe('active');
    expect((after.runs as unknown[]).length).toBe(2);
    expect(await schemaExists(schema)).toBe(true);
    await h.on(h.hostOf(slug)).get('/api/tenant').expect(200);
    // The first admin has the name the operator gave, also after a retry.
    const [admin] = await h.dataSource.query(`SELECT name, roles FROM ${schema}.users WHERE email = $1`, [
      `admin@${slug}.gov.pk`,
    ]);
    expect(admin).toEqual({ name: 'Planning Officer (Admin)', roles: ['tenant_admin'] });
    // Only a failed province can be retried.
    await h.on(h.platformHost).post(`/api/platform/tenants/${slug}/retry`, operator).expect(409);
  });

  it('refuses the same slug twice with 409, also when both requests race', async () => {
    const slug = uniqueSlug('prov-dup');
    const body = { slug, name: 'Duplicate', adminEmail: `a@${slug}.pk`, adminPassword: ADMIN_PASSWORD };
    const both = await Promise.all([
      h.on(h.platformHost).post('/api/platform/tenants', operator).send(body),
      h.on(h.platformHost).post('/api/platform/tenants', operator).send(body),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
    const winner = both.find((r) => r.status === 202)!;
    await h.waitForRun(slug, winner.body.runId);
    const again = await h.on(h.platformHost).post('/api/platform/tenants', operator).send(body).expect(409);
    expect(again.body.message).toMatch(slug);
    const rows = await h.dataSource.query(`SELECT count(*) FROM platform.tenants WHERE slug = $1`, [slug]);
    expect(Number(rows[0].count)).toBe(1);
  });

  it.each([
    ['a reserved word', 'admin'],
    ['another reserved word', 'www'],
    ['a pg prefix', 'pgsql'],
    ['upper case', 'Gilgit'],
    ['a quote', "gb'--"],
    ['a double quote', 'gb"x'],
    ['200 characters', 'g'.repeat(200)],
    ['unicode', 'گلگت'],
    ['a single letter', 'g'],
    ['a leading digit', '1gb'],
    ['an underscore', 'g_b'],
    ['a number', 42],
  ])('refuses a slug with %s (400 naming the rule), writing nothing', async (_label, slug) => {
    const before = await tenantCount();
    const res = await h
      .on(h.platformHost)
      .post('/api/platform/tenants', operator)
      .send({ slug, name: BAD_NAME, adminEmail: 'a@b.pk', adminPassword: ADMIN_PASSWORD })
      .expect(400);
    expect(res.body.fields.slug.join(' ')).toMatch(/slug/);
    expect(before).toBe(0);
    expect(await tenantCount()).toBe(0);
  });

  it('names every bad field and refuses unknown ones', async () => {
    const res = await h
      .on(h.platformHost)
      .post('/api/platform/tenants', operator)
      .send({
        slug: 'okay-slug',
        name: '<script>alert(1)</script>',
        adminEmail: 'not-an-email',
        adminPassword: 'short',
        isAdmin: true,
      })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['adminEmail', 'adminPassword', 'isAdmin', 'name']);
    const missing = await h.on(h.platformHost).post('/api/platform/tenants', operator).send({}).expect(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['adminEmail', 'adminPassword', 'name', 'slug']);
    const notJson = await h
      .on(h.platformHost)
      .post('/api/platform/tenants', operator)
      .set('Content-Type', 'application/json')
      .send('{"slug":')
      .expect(400);
    expect(notJson.body.message).toBeTruthy();
  });

  it('answers 404 for unknown provinces and 409 for transitions that do not apply', async () => {
    await h.on(h.platformHost).get('/api/platform/tenants/no-such-place', operator).expect(404);
    await h.on(h.platformHost).post('/api/platform/tenants/no-such-place/suspend', operator).send({}).expect(404);
    const slug = uniqueSlug('prov-state');
    await h.provisionViaApi(slug);
    await h.on(h.platformHost).post(`/api/platform/tenants/${slug}/resume`, operator).expect(409);
  });

  it('lists provinces for operators only', async () => {
    const res = await h.on(h.platformHost).get('/api/platform/tenants', operator).expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body[0]).toHaveProperty('url');
    await h.on(h.platformHost).post('/api/platform/tenants').send({ slug: 'x-y', name: 'No token' }).expect(401);
  });
});
