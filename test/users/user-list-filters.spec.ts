import { Harness } from '../support/harness';

type Province = Awaited<ReturnType<Harness['provinceWithAdmin']>>;

/** Issue 14: the administrator's user list searches and filters on the server. */
describe('users: list filters', () => {
  let h: Harness;
  let p: Province;
  let other: Province;
  let works: string;

  beforeAll(async () => {
    h = await Harness.start();
    [p, other] = await Promise.all([h.provinceWithAdmin('ulf-a'), h.provinceWithAdmin('ulf-b')]);
    works = (await h.on(p.host).post('/api/departments', p.adminToken).send({ code: 'CW', name: 'Works' }).expect(201))
      .body.id;
    const invite = (body: object) => h.on(p.host).post('/api/users', p.adminToken).send(body).expect(201);
    await invite({ email: 'ayesha.khan@p.gov.pk', name: 'Ayesha Khan', roles: ['reviewer'], departmentId: works });
    await invite({ email: 'bilal@p.gov.pk', name: 'Bilal Ahmed', roles: ['preparer'] });
    await invite({ email: 'percent_100@p.gov.pk', name: 'Zara 100%', roles: ['preparer', 'reviewer'] });
    await h
      .on(other.host)
      .post('/api/users', other.adminToken)
      .send({ email: 'khan@other.gov.pk', name: 'Other Khan' })
      .expect(201);
  });

  afterAll(() => h.close());

  const emails = async (query: string) =>
    (await h.on(p.host).get(`/api/users?${query}`, p.adminToken).expect(200)).body.items.map(
      (u: { email: string }) => u.email,
    );

  it('searches name and email, case-insensitively, with LIKE wildcards taken literally', async () => {
    expect(await emails('q=KHAN')).toEqual(['ayesha.khan@p.gov.pk']);
    expect(await emails('q=bilal%40')).toEqual(['bilal@p.gov.pk']);
    expect(await emails('q=100%25')).toEqual(['percent_100@p.gov.pk']);
    expect(await emails('q=_')).toEqual(['percent_100@p.gov.pk']);
  });

  it('filters by role, department and status, together with paging', async () => {
    expect(await emails('role=reviewer')).toEqual(['ayesha.khan@p.gov.pk', 'percent_100@p.gov.pk']);
    expect(await emails(`departmentId=${works}`)).toEqual(['ayesha.khan@p.gov.pk']);
    expect(await emails('role=tenant_admin&status=active')).toEqual([p.adminEmail]);
    const page = (await h.on(p.host).get('/api/users?status=invited&pageSize=2&page=2', p.adminToken).expect(200)).body;
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((u: { email: string }) => u.email)).toEqual(['percent_100@p.gov.pk']);
    expect(page.items[0]).not.toHaveProperty('passwordHash');
  });

  it('names bad filters', async () => {
    const bad = await h.on(p.host).get('/api/users?role=king&departmentId=7&status=gone&q=', p.adminToken).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['departmentId', 'q', 'role', 'status']);
    // A NUL, which Postgres refuses in text, is a named 400 too, never a 500.
    const nul = await h.on(p.host).get('/api/users?q=kh%00an', p.adminToken).expect(400);
    expect(Object.keys(nul.body.fields)).toEqual(['q']);
  });
});
