import { Harness, OPERATOR, ProvisionedProvince, uniqueSlug } from '../support/harness';

/*
 * Issue 14: operators manage operators from the console (list, add, disable, enable) behind a
 * guard that never locks everybody out, and every operator action lands in the platform audit log,
 * which no province token can read. Own database: it counts every operator there is.
 */

type AuditItem = {
  action: string;
  target: string | null;
  operatorId: string | null;
  operatorEmail: string | null;
  details: Record<string, unknown>;
};

describe('operators and the platform audit log', () => {
  let h: Harness;
  let admin: string;
  let me: { id: string; email: string };
  let gb: ProvisionedProvince;

  beforeAll(async () => {
    h = await Harness.start({ freshDatabase: 'console_operators' });
    admin = await h.operatorToken();
    me = (await h.on(h.platformHost).get('/api/platform/me', admin).expect(200)).body;
    gb = await h.provisionDirect(uniqueSlug('co-gb'));
  });
  afterAll(() => h?.close());

  const api = () => h.on(h.platformHost);
  const audit = async (query: string): Promise<{ items: AuditItem[]; total: number }> =>
    (await api().get(`/api/platform/audit?${query}`, admin).expect(200)).body;

  it('lists, adds and validates operators', async () => {
    const list = await api().get('/api/platform/operators', admin).expect(200);
    expect(list.body).toEqual([
      {
        id: me.id,
        email: OPERATOR.email,
        name: 'Platform operator',
        status: 'active',
        lastLoginAt: expect.any(String),
        createdAt: expect.any(String),
      },
    ]);

    const created = await api()
      .post('/api/platform/operators', admin)
      .send({ email: 'Sana.Gul@Daftar.test', name: 'Sana Gul', password: 'Rakaposhi-7788-m' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: 'sana.gul@daftar.test',
      name: 'Sana Gul',
      status: 'active',
      lastLoginAt: null,
      createdAt: expect.any(String),
    });
    expect(created.body).not.toHaveProperty('passwordHash');

    const taken = await api()
      .post('/api/platform/operators', admin)
      .send({ email: 'SANA.GUL@daftar.test', name: 'Again', password: 'Rakaposhi-7788-m' })
      .expect(409);
    expect(taken.body.message).toMatch(/already exists/);
    const weak = await api()
      .post('/api/platform/operators', admin)
      .send({ email: 'weak@daftar.test', name: 'Weak', password: 'aaaaaaaaaaaaaa' })
      .expect(400);
    expect(Object.keys(weak.body.fields)).toEqual(['password']);
    const bad = await api()
      .post('/api/platform/operators', admin)
      .send({ email: 'nope', name: '', role: 'x' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'name', 'password', 'role']);
    const badId = await api().post('/api/platform/operators/not-a-uuid/disable', admin).expect(400);
    expect(Object.keys(badId.body.fields)).toEqual(['id']);
    await api().post('/api/platform/operators/00000000-0000-4000-8000-000000000000/disable', admin).expect(404);
  });

  it('refuses to disable yourself or the last active operator (409 with the reason)', async () => {
    const own = await api().post(`/api/platform/operators/${me.id}/disable`, admin).expect(409);
    expect(own.body).toMatchObject({ reason: 'own-account', message: expect.stringMatching(/your own account/) });

    // Only two active operators, each disabling the other at the same moment: never both.
    const operators: Array<{ id: string; status: string }> = (
      await api().get('/api/platform/operators', admin).expect(200)
    ).body;
    for (const o of operators.filter((x) => x.id !== me.id && x.status === 'active')) {
      await api().post(`/api/platform/operators/${o.id}/disable`, admin).expect(200);
    }
    const third = { email: 'ops3@daftar.test', password: 'Nanga-Parbat-8126' };
    const other = (
      await api()
        .post('/api/platform/operators', admin)
        .send({ ...third, name: 'Third' })
        .expect(201)
    ).body;
    const otherToken = (await api().post('/api/platform/auth/login').send(third).expect(200)).body.accessToken;
    const [a, b] = await Promise.all([
      api().post(`/api/platform/operators/${other.id}/disable`, admin),
      api().post(`/api/platform/operators/${me.id}/disable`, otherToken),
    ]);
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    // The loser was refused as the last active operator, or was already out (its token refused).
    const loser = a.status === 200 ? b : a;
    expect([409, 401]).toContain(loser.status);
    if (loser.status === 409) expect(loser.body.reason).toBe('last-active');
    const active: { id: string }[] = await h.dataSource.query(
      `SELECT id FROM platform.operators WHERE status = 'active'`,
    );
    expect(active).toHaveLength(1);

    // The guard itself, asked for the last active operator by someone else.
    const { OperatorsService } = await import('../../src/platform/operators.service');
    const someoneElse = active[0].id === me.id ? other.id : me.id;
    const guard = h.api.get(OperatorsService);
    const refused = (await guard.setEnabled(active[0].id, false, someoneElse).catch((e: unknown) => e)) as {
      getStatus(): number;
      getResponse(): unknown;
    };
    expect(refused.getStatus()).toBe(409);
    const message = expect.stringMatching(/last active operator/);
    expect(refused.getResponse()).toMatchObject({ reason: 'last-active', message });

    // Whoever is left brings the other back; the first operator signs in again for what follows.
    const survivorToken = active[0].id === me.id ? admin : otherToken;
    await api().post(`/api/platform/operators/${someoneElse}/enable`, survivorToken).expect(200);
    admin = (await api().post('/api/platform/auth/login').send(OPERATOR).expect(200)).body.accessToken;
  });

  it('records every operator action in the platform audit log, newest first, with filters and paging', async () => {
    const slug = uniqueSlug('co-new');
    await api()
      .post('/api/platform/tenants', admin)
      .send({ slug, name: 'New Province', adminEmail: `admin@${slug}.gov.pk`, adminPassword: 'Province-Admin-Pass-1' })
      .expect(202);
    // No worker here: the run is made to have failed, as a crashed provisioning would, and retried.
    await h.dataSource.query(`UPDATE platform.tenants SET status = 'failed' WHERE slug = $1`, [slug]);
    await api().post(`/api/platform/tenants/${slug}/retry`, admin).expect(202);
    await api()
      .post(`/api/platform/tenants/${gb.slug}/suspend`, admin)
      .send({ reason: 'Requested by P&D' })
      .expect(200);
    await api().post(`/api/platform/tenants/${gb.slug}/resume`, admin).expect(200);
    await api()
      .put(`/api/platform/tenants/${gb.slug}/domains`, admin)
      .send({ domains: ['daftar.pnd.gb.gov.pk'] })
      .expect(200);
    await api()
      .post(`/api/platform/tenants/${gb.slug}/admins`, admin)
      .send({ email: 'second.admin@gb.gov.pk' })
      .expect(201);
    await api()
      .post('/api/platform/auth/login')
      .send({ email: OPERATOR.email, password: 'wrong-password-here' })
      .expect(401);

    const all = await audit('pageSize=200');
    const actions = new Set(all.items.map((i) => i.action));
    for (const action of [
      'auth.login',
      'auth.login.failed',
      'operator.created',
      'operator.disabled',
      'operator.enabled',
      'tenant.created',
      'tenant.retried',
      'tenant.suspended',
      'tenant.resumed',
      'tenant.domains.set',
      'tenant.admin.restored',
    ])
      expect([action, actions.has(action)]).toEqual([action, true]);

    const suspended = (await audit(`action=tenant.suspended&target=${gb.slug}`)).items;
    expect(suspended).toEqual([
      expect.objectContaining({
        operatorId: me.id,
        operatorEmail: OPERATOR.email,
        target: gb.slug,
        details: { reason: 'Requested by P&D' },
      }),
    ]);
    const failed = (await audit('action=auth.login.failed')).items[0];
    const reason = { reason: 'wrong password' };
    expect(failed).toMatchObject({ operatorId: null, operatorEmail: OPERATOR.email, details: reason });
    const retried = (await audit(`action=tenant.retried&target=${slug}`)).items;
    expect(retried).toEqual([expect.objectContaining({ operatorId: me.id, details: { runId: expect.any(String) } })]);
    const created = (await audit(`action=tenant.created&target=${slug}`)).items[0];
    expect(created.details).toMatchObject({ name: 'New Province', adminEmail: `admin@${slug}.gov.pk` });
    expect(created.details).not.toHaveProperty('adminPassword');

    // The family filter, newest first, paging.
    const tenantFamily = await audit('action=tenant.&pageSize=2&page=1');
    expect(tenantFamily.items.map((i) => i.action)).toEqual(['tenant.admin.restored', 'tenant.domains.set']);
    expect(tenantFamily.total).toBeGreaterThanOrEqual(6);
    const page2 = await audit('action=tenant.&pageSize=2&page=2');
    expect(page2.items.map((i) => i.action)).toEqual(['tenant.resumed', 'tenant.suspended']);
    const byOperator = await audit(`operatorId=${me.id}&pageSize=200`);
    expect(byOperator.items.every((i) => i.operatorId === me.id)).toBe(true);
    const future = await audit(`from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.total).toBe(0);
    const past = await audit(`to=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`);
    expect(past.total).toBe(0);

    const filters = 'operatorId=x&from=yesterday&pageSize=5000&action=Bad%20Action';
    const bad = await api().get(`/api/platform/audit?${filters}`, admin).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['action', 'from', 'operatorId', 'pageSize']);
    const far = await api().get('/api/platform/audit?from=-100000-01-01T00:00:00Z', admin).expect(400);
    expect(Object.keys(far.body.fields)).toEqual(['from']);
  });

  it('never shows the platform audit log to a province token or on a province host', async () => {
    const provinceAdmin = await h.login(gb);
    await api().get('/api/platform/audit', provinceAdmin).expect(401);
    await api().get('/api/platform/audit').expect(401);
    await h.on(gb.host).get('/api/platform/audit', provinceAdmin).expect(404);
    await h.on(gb.host).get('/api/platform/audit', admin).expect(404);
    await h.on(gb.host).get('/api/platform/operators', admin).expect(404);
    await api().get('/api/platform/operators', provinceAdmin).expect(401);
  });

  it('audits emails longer than the log keeps for a target (up to 254 characters) instead of failing', async () => {
    // A valid address of 206 characters: the audit log's target holds 200.
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(10)}.pk`;
    await api().post('/api/platform/auth/login').send({ email: long, password: 'wrong-password-1' }).expect(401);
    const failed = await audit('action=auth.login.failed');
    expect(failed.items[0]).toMatchObject({ target: long.slice(0, 200), operatorEmail: long });

    const created = await api()
      .post('/api/platform/operators', admin)
      .send({ email: long, name: 'Long Address', password: 'Nanga-Parbat-8126' })
      .expect(201);
    expect(created.body.email).toBe(long);
    const recorded = await audit('action=operator.created');
    expect(recorded.items[0]).toMatchObject({ target: long.slice(0, 200), details: { operatorId: created.body.id } });
  });
});
