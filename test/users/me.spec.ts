import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness, ProvisionedProvince } from '../support/harness';

/** GET /api/me with locale and department; PATCH /api/me: one's own locale and name, validated and audited. */
describe('one’s own profile: GET and PATCH /api/me', () => {
  let h: Harness;
  let gb: ProvisionedProvince & { adminToken: string };
  let kp: ProvisionedProvince & { adminToken: string };

  beforeAll(async () => {
    h = await Harness.start();
    [gb, kp] = await Promise.all([h.provinceWithAdmin('me-gb'), h.provinceWithAdmin('me-kp')]);
  });
  afterAll(() => h?.close());

  it('shows the locale, the department and its name', async () => {
    const dept = (
      await h
        .on(gb.host)
        .post('/api/departments', gb.adminToken)
        .send({ code: 'WTR', name: 'Water & Power' })
        .expect(201)
    ).body;
    const user = await h.userWithRole(gb, 'viewer', 'ur');
    expect((await h.on(gb.host).get('/api/me', user.token).expect(200)).body).toEqual({
      id: user.id,
      email: user.email,
      name: 'Test viewer',
      roles: ['viewer'],
      status: 'active',
      province: gb.slug,
      locale: 'ur',
      departmentId: null,
      departmentName: null,
      mailDelivery: 'immediate',
    });
    await h.dataSource.query(`UPDATE ${schemaNameFor(gb.slug)}.users SET department_id = $2 WHERE id = $1`, [
      user.id,
      dept.id,
    ]);
    expect((await h.on(gb.host).get('/api/me', user.token).expect(200)).body).toMatchObject({
      departmentId: dept.id,
      departmentName: 'Water & Power',
    });
  });

  it('changes one’s own locale and name, answers as GET /api/me, and audits it', async () => {
    const user = await h.userWithRole(gb, 'preparer');
    const res = await h.on(gb.host).patch('/api/me', user.token).send({ locale: 'ur' }).expect(200);
    expect(res.body).toMatchObject({
      id: user.id,
      locale: 'ur',
      name: 'Test preparer',
      roles: ['preparer'],
      province: gb.slug,
    });
    const renamed = await h
      .on(gb.host)
      .patch('/api/me', user.token)
      .send({ name: 'Sajida Baig', locale: 'en' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Sajida Baig', locale: 'en' });
    expect((await h.on(gb.host).get('/api/me', user.token).expect(200)).body).toMatchObject({
      name: 'Sajida Baig',
      locale: 'en',
    });

    const audit = (
      await h.on(gb.host).get(`/api/audit?action=user.updated&actorId=${user.id}`, gb.adminToken).expect(200)
    ).body.items;
    expect(audit.map((e: { details: unknown }) => e.details)).toEqual([
      { fields: ['name', 'locale'], self: true, locale: { before: 'ur', after: 'en' } },
      { fields: ['locale'], self: true, locale: { before: 'en', after: 'ur' } },
    ]);
    expect(audit[0]).toMatchObject({ actorType: 'user', actorId: user.id, targetType: 'user', targetId: user.id });
    // Nobody else changed.
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM ${schemaNameFor(gb.slug)}.users WHERE name = 'Sajida Baig'`,
    );
    expect(n).toBe(1);
  });

  it(
    'refuses bad values, null, unknown and self-promoting fields ' + 'with a 400 naming them; changes nothing',
    async () => {
      const user = await h.userWithRole(gb, 'viewer');
      const bad = async (body: object, fields: string[]) => {
        const res = await h.on(gb.host).patch('/api/me', user.token).send(body).expect(400);
        expect(Object.keys(res.body.fields).sort()).toEqual(fields);
        return res.body;
      };
      expect((await bad({ locale: 'fr' }, ['locale'])).fields.locale).toEqual(['locale must be en or ur']);
      await bad({ locale: null }, ['locale']);
      await bad({ name: null }, ['name']);
      await bad({ name: '' }, ['name']);
      await bad({ name: 'x'.repeat(201) }, ['name']);
      await bad({ name: '<script>' }, ['name']);
      await bad({ name: ' padded ' }, ['name']);
      await bad({ roles: ['tenant_admin'], status: 'active', email: 'me@x.pk', departmentId: null }, [
        'departmentId',
        'email',
        'roles',
        'status',
      ]);
      expect((await bad({}, ['locale'])).message).toEqual(['send locale, name and/or mailDelivery']);
      expect((await h.on(gb.host).get('/api/me', user.token).expect(200)).body).toMatchObject({
        name: 'Test viewer',
        locale: 'en',
        roles: ['viewer'],
      });
    },
  );

  it('needs a signed-in, active user of this province', async () => {
    await h.on(gb.host).patch('/api/me').send({ locale: 'ur' }).expect(401);
    const user = await h.userWithRole(gb, 'approver');
    await h.on(kp.host).patch('/api/me', user.token).send({ locale: 'ur' }).expect(401);
    await h.dataSource.query(`UPDATE ${schemaNameFor(gb.slug)}.users SET status = 'disabled' WHERE id = $1`, [user.id]);
    await h.on(gb.host).patch('/api/me', user.token).send({ locale: 'ur' }).expect(401);
    const [row] = await h.dataSource.query(`SELECT locale FROM ${schemaNameFor(gb.slug)}.users WHERE id = $1`, [
      user.id,
    ]);
    expect(row.locale).toBe('en');
  });
});
