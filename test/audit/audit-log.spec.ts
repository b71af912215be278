import { TenantDatabase } from '../../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/** Issue 4 §7 (first part): each province's append-only audit log. */
describe('province audit log', () => {
  let h: Harness;
  let a: ProvisionedProvince;
  let b: ProvisionedProvince;
  let adminA: string;
  let adminB: string;

  beforeAll(async () => {
    h = await Harness.start();
    a = await h.provisionDirect(uniqueSlug('aud-a'));
    b = await h.provisionDirect(uniqueSlug('aud-b'));
    await h.on(a.host).post('/api/auth/login').send({ email: a.adminEmail, password: 'wrong-password-9' }).expect(401);
    await h.on(a.host).post('/api/auth/login').send({ email: 'nobody@x.pk', password: 'wrong-password-9' }).expect(401);
    adminA = await h.login(a);
    adminB = await h.login(b);
    await h
      .on(a.host)
      .post('/api/departments', adminA)
      .send({ code: 'PND', name: 'Planning & Development' })
      .expect(201);
  });

  afterAll(() => h.close());

  it('records sign-ins, failures and changes with who, what, when and from where', async () => {
    const res = await h.on(a.host).get('/api/audit', adminA).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'department.created',
      'auth.login',
      'auth.login.failed',
      'auth.login.failed',
    ]);
    const [created, login, unknown, wrong] = res.body.items;
    expect(created).toMatchObject({
      actorType: 'user',
      actorEmail: a.adminEmail,
      targetType: 'department',
      details: { code: 'PND' },
    });
    expect(created.ip).toMatch(/127\.0\.0\.1/);
    expect(created.requestId).toBeTruthy();
    expect(login).toMatchObject({ actorType: 'user', actorEmail: a.adminEmail });
    expect(unknown).toMatchObject({
      actorType: 'anonymous',
      actorEmail: 'nobody@x.pk',
      details: { reason: 'unknown email' },
    });
    expect(wrong).toMatchObject({
      actorType: 'anonymous',
      actorEmail: a.adminEmail,
      details: { reason: 'wrong password' },
    });
    expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
  });

  it('shows each province only its own log', async () => {
    const res = await h.on(b.host).get('/api/audit', adminB).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['auth.login']);
    await h.on(b.host).get('/api/audit', adminA).expect(401);
  });

  it('filters and paginates on the server, and names bad parameters', async () => {
    const failed = await h.on(a.host).get('/api/audit?action=auth.login.failed&pageSize=1&page=2', adminA).expect(200);
    expect(failed.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(failed.body.items).toHaveLength(1);
    const future = await h
      .on(a.host)
      .get(`/api/audit?from=${new Date(Date.now() + 60_000).toISOString()}`, adminA)
      .expect(200);
    expect(future.body.total).toBe(0);
    const bad = await h.on(a.host).get('/api/audit?pageSize=1000&page=10001&from=yesterday&sort=x', adminA).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['from', 'page', 'pageSize', 'sort']);
  });

  it('is readable by province administrators only', async () => {
    // A real viewer account, signed in: a token naming no account of the province is refused with 401.
    const { token: viewer } = await h.userWithRole(a, 'viewer');
    await h.on(a.host).get('/api/audit', viewer).expect(403);
  });

  it('refuses to change or delete entries, even with direct SQL', async () => {
    const db = h.api.get(TenantDatabase);
    const tenant = (await h.api.get(TenantRegistry).findBySlug(a.slug))!;
    await expect(
      db.runAs(tenant, () => db.transaction((em) => em.query(`UPDATE audit_log SET action = 'x.y'`))),
    ).rejects.toThrow(/append-only/);
    await expect(db.runAs(tenant, () => db.transaction((em) => em.query(`DELETE FROM audit_log`)))).rejects.toThrow(
      /append-only/,
    );
    const res = await h.on(a.host).get('/api/audit', adminA).expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(4);
  });
});
