import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Issue 4 §1, §5: a province administrator manages accounts; links are one-time. */
describe('province user administration', () => {
  let h: Harness;
  let gb: ProvisionedProvince;
  let kp: ProvisionedProvince;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    h = await Harness.start();
    gb = await h.provisionDirect(uniqueSlug('usr-gb'));
    kp = await h.provisionDirect(uniqueSlug('usr-kp'));
    admin = await h.login(gb);
    adminId = (await h.on(gb.host).get('/api/me', admin).expect(200)).body.id;
  });

  afterAll(() => h.close());

  const login = (p: ProvisionedProvince, email: string, password: string) =>
    h.on(p.host).post('/api/auth/login').send({ email, password });

  it('invites a user with a profile; the invitation link sets the password once', async () => {
    const dept = (await h.on(gb.host).post('/api/departments', admin).send({ code: 'HLT', name: 'Health' }).expect(201))
      .body;
    const res = await h
      .on(gb.host)
      .post('/api/users', admin)
      .send({
        email: 'Officer@GB.gov.pk',
        name: 'Ayesha Khan',
        designation: 'Deputy Director',
        departmentId: dept.id,
        phone: '+92 5811 920000',
        locale: 'ur',
        roles: ['preparer'],
      })
      .expect(201);
    expect(res.body.user).toMatchObject({
      email: 'officer@gb.gov.pk',
      status: 'invited',
      roles: ['preparer'],
      locale: 'ur',
      departmentId: dept.id,
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.body.invitation.link).toMatch(new RegExp(`^http://${gb.host}(:\\d+)?/accept-invitation\\?token=`));
    await login(gb, 'officer@gb.gov.pk', 'anything-at-all-1').expect(401);

    const token = tokenOf(res.body.invitation.link);
    const weak = await h.on(gb.host).post('/api/auth/accept-invitation').send({ token, password: 'short' }).expect(400);
    expect(weak.body.fields.password[0]).toMatch(/at least 12/);
    await h
      .on(gb.host)
      .post('/api/auth/accept-invitation')
      .send({ token, password: 'Karakoram-Highway-1978' })
      .expect(204);
    await h
      .on(gb.host)
      .post('/api/auth/accept-invitation')
      .send({ token, password: 'Karakoram-Highway-1979' })
      .expect(401);
    await login(gb, 'officer@gb.gov.pk', 'Karakoram-Highway-1978').expect(200);
    // The link means nothing in another province.
    await h
      .on(kp.host)
      .post('/api/auth/accept-invitation')
      .send({ token, password: 'Karakoram-Highway-1978' })
      .expect(401);
  });

  it('keeps the same email in two provinces as two accounts', async () => {
    const kpAdmin = await h.login(kp);
    await h
      .on(kp.host)
      .post('/api/users', kpAdmin)
      .send({ email: 'officer@gb.gov.pk', name: 'Someone Else' })
      .expect(201);
    await h.on(gb.host).post('/api/users', admin).send({ email: 'OFFICER@gb.gov.pk', name: 'Duplicate' }).expect(409);
    const gbUsers = (await h.on(gb.host).get('/api/users', admin).expect(200)).body;
    expect(gbUsers.items.find((u: { email: string }) => u.email === 'officer@gb.gov.pk').name).toBe('Ayesha Khan');
  });

  it('refuses bad payloads naming the field, writing nothing', async () => {
    const before = (await h.on(gb.host).get('/api/users', admin).expect(200)).body.total;
    const res = await h
      .on(gb.host)
      .post('/api/users', admin)
      .send({
        email: 'not-an-email',
        name: '<script>alert(1)</script>',
        phone: 'call me',
        roles: ['superuser'],
        departmentId: 'x',
        isAdmin: true,
        locale: 'fr',
      })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'departmentId',
      'email',
      'isAdmin',
      'locale',
      'name',
      'phone',
      'roles',
    ]);
    const long = await h
      .on(gb.host)
      .post('/api/users', admin)
      .send({ email: 'a@b.pk', name: 'x'.repeat(201) })
      .expect(400);
    expect(Object.keys(long.body.fields)).toEqual(['name']);
    const foreignDept = await h
      .on(gb.host)
      .post('/api/users', admin)
      .send({ email: 'c@d.pk', name: 'C', departmentId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(Object.keys(foreignDept.body.fields)).toEqual(['departmentId']);
    expect((await h.on(gb.host).get('/api/users', admin).expect(200)).body.total).toBe(before);
  });

  it('changes roles (audited), and keeps the last administrator', async () => {
    const users = (await h.on(gb.host).get('/api/users', admin).expect(200)).body.items;
    const officer = users.find((u: { email: string }) => u.email === 'officer@gb.gov.pk');
    await h
      .on(gb.host)
      .patch(`/api/users/${officer.id}`, admin)
      .send({ roles: ['preparer', 'reviewer'], designation: 'Director' })
      .expect(200);
    const audit = (await h.on(gb.host).get('/api/audit?action=user.roles.changed', admin).expect(200)).body.items[0];
    expect(audit).toMatchObject({
      targetId: officer.id,
      details: { before: ['preparer'], after: ['preparer', 'reviewer'] },
    });
    await h
      .on(gb.host)
      .patch(`/api/users/${adminId}`, admin)
      .send({ roles: ['viewer'] })
      .expect(409);
    await h.on(gb.host).post(`/api/users/${adminId}/disable`, admin).expect(409);
  });

  it('disables a user: sign-in and refresh stop at once; enable restores', async () => {
    const officer = (await h.on(gb.host).get('/api/users', admin).expect(200)).body.items.find(
      (u: { email: string }) => u.email === 'officer@gb.gov.pk',
    );
    const session = (await login(gb, 'officer@gb.gov.pk', 'Karakoram-Highway-1978').expect(200)).body;
    await h.on(gb.host).post(`/api/users/${officer.id}/disable`, admin).expect(200);
    await h.on(gb.host).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await h.on(gb.host).get('/api/me', session.accessToken).expect(401);
    await login(gb, 'officer@gb.gov.pk', 'Karakoram-Highway-1978').expect(401);
    await h.on(gb.host).post(`/api/users/${officer.id}/enable`, admin).expect(200);
    await login(gb, 'officer@gb.gov.pk', 'Karakoram-Highway-1978').expect(200);
  });

  it('resets a password through a one-time link, ending existing sessions', async () => {
    const officer = (await h.on(gb.host).get('/api/users', admin).expect(200)).body.items.find(
      (u: { email: string }) => u.email === 'officer@gb.gov.pk',
    );
    const session = (await login(gb, 'officer@gb.gov.pk', 'Karakoram-Highway-1978').expect(200)).body;
    const link = (await h.on(gb.host).post(`/api/users/${officer.id}/password-reset`, admin).expect(200)).body.link;
    await h
      .on(gb.host)
      .post('/api/auth/reset-password')
      .send({ token: tokenOf(link), password: 'Deosai-Plains-4114m' })
      .expect(204);
    await h.on(gb.host).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await login(gb, 'officer@gb.gov.pk', 'Karakoram-Highway-1978').expect(401);
    await login(gb, 'officer@gb.gov.pk', 'Deosai-Plains-4114m').expect(200);
    // An invitation token is not a reset token and vice versa; a spent one is dead.
    await h
      .on(gb.host)
      .post('/api/auth/reset-password')
      .send({ token: tokenOf(link), password: 'Deosai-Plains-4114m' })
      .expect(401);
  });

  it('lets users change their own password with the current one', async () => {
    const session = (await login(gb, 'officer@gb.gov.pk', 'Deosai-Plains-4114m').expect(200)).body;
    const wrong = await h
      .on(gb.host)
      .post('/api/me/password', session.accessToken)
      .send({ currentPassword: 'nope', newPassword: 'Shandur-Polo-Ground-1' })
      .expect(400);
    expect(Object.keys(wrong.body.fields)).toEqual(['currentPassword']);
    const weak = await h
      .on(gb.host)
      .post('/api/me/password', session.accessToken)
      .send({ currentPassword: 'Deosai-Plains-4114m', newPassword: 'officer-officer-1' })
      .expect(400);
    expect(weak.body.fields.newPassword[0]).toMatch(/email/);
    await h
      .on(gb.host)
      .post('/api/me/password', session.accessToken)
      .send({ currentPassword: 'Deosai-Plains-4114m', newPassword: 'Shandur-Polo-Ground-1' })
      .expect(204);
    await login(gb, 'officer@gb.gov.pk', 'Shandur-Polo-Ground-1').expect(200);
  });

  it('refuses user administration to non-administrators and across provinces', async () => {
    const session = (await login(gb, 'officer@gb.gov.pk', 'Shandur-Polo-Ground-1').expect(200)).body;
    await h.on(gb.host).get('/api/users', session.accessToken).expect(403);
    await h.on(gb.host).post('/api/users', session.accessToken).send({ email: 'x@y.pk', name: 'X' }).expect(403);
    const kpAdmin = await h.login(kp);
    await h.on(kp.host).post(`/api/users/${adminId}/disable`, kpAdmin).expect(404);
    const rows = await h.dataSource.query(`SELECT count(*)::int AS n FROM ${schemaNameFor(gb.slug)}.user_tokens`);
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
