import { Harness } from '../support/harness';

type Province = Awaited<ReturnType<Harness['provinceWithAdmin']>>;

/** Departments are each province's own list, managed by its administrator. */
describe('departments', () => {
  let h: Harness;
  let a: Province;
  let b: Province;

  beforeAll(async () => {
    h = await Harness.start();
    a = await h.provinceWithAdmin('dep-a');
    b = await h.provinceWithAdmin('dep-b');
  });

  afterAll(() => h.close());

  it('adds, renames and lists, with the code fixed and the change audited', async () => {
    const created = (
      await h.on(a.host).post('/api/departments', a.adminToken).send({ code: 'CW', name: 'C&W' }).expect(201)
    ).body;
    const renamed = (
      await h
        .on(a.host)
        .patch(`/api/departments/${created.id}`, a.adminToken)
        .send({ name: 'Communication & Works', nameUr: 'مواصلات و تعمیرات' })
        .expect(200)
    ).body;
    expect(renamed).toMatchObject({
      id: created.id,
      code: 'CW',
      name: 'Communication & Works',
      nameUr: 'مواصلات و تعمیرات',
    });
    const bad = await h
      .on(a.host)
      .patch(`/api/departments/${created.id}`, a.adminToken)
      .send({ code: 'XX', name: '' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['code', 'name']);
    await h.on(a.host).post('/api/departments', a.adminToken).send({ code: 'CW', name: 'Again' }).expect(409);
    const list = (await h.on(a.host).get('/api/departments', a.adminToken).expect(200)).body;
    expect(list.map((d: { code: string }) => d.code)).toEqual(['CW']);
    const audit = (await h.on(a.host).get('/api/audit?action=department.updated', a.adminToken).expect(200)).body;
    expect(audit.total).toBe(1);
  });

  it("cannot reach another province's department, by read or write", async () => {
    const mine = (await h.on(a.host).get('/api/departments', a.adminToken).expect(200)).body[0];
    await h.on(b.host).get(`/api/departments/${mine.id}`, b.adminToken).expect(404);
    await h.on(b.host).patch(`/api/departments/${mine.id}`, b.adminToken).send({ name: 'Hijacked' }).expect(404);
    const still = (await h.on(a.host).get(`/api/departments/${mine.id}`, a.adminToken).expect(200)).body;
    expect(still.name).toBe('Communication & Works');
    await h.on(a.host).get('/api/departments/not-a-uuid', a.adminToken).expect(400);
  });
});
