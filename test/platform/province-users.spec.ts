import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Issue 4 §6: operators help a province regain access, through the platform API only, audited there. */
describe('operators and province accounts', () => {
  let h: Harness;
  let gb: ProvisionedProvince;
  let operator: string;

  beforeAll(async () => {
    h = await Harness.start();
    gb = await h.provisionDirect(uniqueSlug('opu-gb'));
    operator = await h.operatorToken();
  });

  afterAll(() => h.close());

  it("lists a province's users on the platform host only", async () => {
    const res = await h.on(h.platformHost).get(`/api/platform/tenants/${gb.slug}/users`, operator).expect(200);
    expect(res.body.items.map((u: { email: string }) => u.email)).toEqual([gb.adminEmail]);
    expect(res.body.items[0]).not.toHaveProperty('passwordHash');
    await h.on(gb.host).get(`/api/platform/tenants/${gb.slug}/users`, operator).expect(404);
    await h
      .on(h.platformHost)
      .get(`/api/platform/tenants/${gb.slug}/users`, await h.login(gb))
      .expect(401);
    await h.on(h.platformHost).get('/api/platform/tenants/nowhere-land/users', operator).expect(404);
  });

  it('gives a province a new administrator by invitation, recorded in its audit log as the operator', async () => {
    const res = await h
      .on(h.platformHost)
      .post(`/api/platform/tenants/${gb.slug}/admins`, operator)
      .send({ email: 'new.admin@gb.gov.pk' })
      .expect(201);
    expect(res.body.user).toMatchObject({ email: 'new.admin@gb.gov.pk', roles: ['tenant_admin'], status: 'invited' });
    await h
      .on(gb.host)
      .post('/api/auth/accept-invitation')
      .send({ token: tokenOf(res.body.link.link), password: 'Rakaposhi-7788-m' })
      .expect(204);
    const session = (
      await h
        .on(gb.host)
        .post('/api/auth/login')
        .send({ email: 'new.admin@gb.gov.pk', password: 'Rakaposhi-7788-m' })
        .expect(200)
    ).body;
    const audit = (await h.on(gb.host).get('/api/audit?action=user.invited', session.accessToken).expect(200)).body
      .items[0];
    expect(audit).toMatchObject({
      actorType: 'operator',
      actorEmail: h.operatorLogin.email,
      targetId: res.body.user.id,
    });
  });

  it('restores an existing, disabled account as administrator with a reset link', async () => {
    const admin = await h.login(gb);
    const invited = (
      await h
        .on(gb.host)
        .post('/api/users', admin)
        .send({ email: 'clerk@gb.gov.pk', name: 'Clerk', roles: ['viewer'] })
        .expect(201)
    ).body.user;
    await h.on(gb.host).post(`/api/users/${invited.id}/disable`, admin).expect(200);
    const res = await h
      .on(h.platformHost)
      .post(`/api/platform/tenants/${gb.slug}/admins`, operator)
      .send({ email: 'CLERK@gb.gov.pk' })
      .expect(201);
    expect(res.body.link.link).toMatch(/reset-password\?token=/);
    await h
      .on(gb.host)
      .post('/api/auth/reset-password')
      .send({ token: tokenOf(res.body.link.link), password: 'Nanga-Parbat-8126' })
      .expect(204);
    const me = (
      await h
        .on(gb.host)
        .get(
          '/api/me',
          (
            await h
              .on(gb.host)
              .post('/api/auth/login')
              .send({ email: 'clerk@gb.gov.pk', password: 'Nanga-Parbat-8126' })
              .expect(200)
          ).body.accessToken,
        )
        .expect(200)
    ).body;
    expect(me.roles.sort()).toEqual(['tenant_admin', 'viewer']);
    const bad = await h
      .on(h.platformHost)
      .post(`/api/platform/tenants/${gb.slug}/admins`, operator)
      .send({ email: 'nope', extra: 1 })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'extra']);
  });
});
