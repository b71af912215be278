import { Harness } from '../support/harness';

type Province = Awaited<ReturnType<Harness['provinceWithAdmin']>>;

/** Issue 14: a department is deactivated (and reactivated) without disappearing from what names it. */
describe('departments: deactivate', () => {
  let h: Harness;
  let a: Province;
  let b: Province;

  beforeAll(async () => {
    h = await Harness.start();
    [a, b] = await Promise.all([h.provinceWithAdmin('depx-a'), h.provinceWithAdmin('depx-b')]);
  });

  afterAll(() => h.close());

  it('leaves the list of active departments and of new users, stays on its users, and comes back', async () => {
    const dep = (
      await h.on(a.host).post('/api/departments', a.adminToken).send({ code: 'OLD', name: 'Old works' }).expect(201)
    ).body;
    expect(dep.active).toBe(true);
    const user = (
      await h
        .on(a.host)
        .post('/api/users', a.adminToken)
        .send({ email: 'member@old.gov.pk', name: 'Member', departmentId: dep.id })
        .expect(201)
    ).body.user;

    const off = (
      await h.on(a.host).patch(`/api/departments/${dep.id}`, a.adminToken).send({ active: false }).expect(200)
    ).body;
    expect(off).toMatchObject({ id: dep.id, code: 'OLD', name: 'Old works', active: false });
    expect((await h.on(a.host).get('/api/departments', a.adminToken).expect(200)).body).toEqual([]);
    const all = (await h.on(a.host).get('/api/departments?includeInactive=true', a.adminToken).expect(200)).body;
    expect(all.map((d: { code: string; active: boolean }) => [d.code, d.active])).toEqual([['OLD', false]]);

    // Its member keeps it (and may be edited without moving); nobody new joins it.
    const kept = (
      await h
        .on(a.host)
        .patch(`/api/users/${user.id}`, a.adminToken)
        .send({ designation: 'Engineer', departmentId: dep.id })
        .expect(200)
    ).body;
    expect(kept.departmentId).toBe(dep.id);
    const refused = await h
      .on(a.host)
      .post('/api/users', a.adminToken)
      .send({ email: 'new@old.gov.pk', name: 'New', departmentId: dep.id })
      .expect(400);
    expect(refused.body.fields.departmentId[0]).toMatch(/deactivated/);
    // Nor does a new project go to it (its old projects stay where they are).
    const preparer = await h.userWithRole(a, 'preparer');
    const project = await h
      .on(a.host)
      .post('/api/projects', preparer.token)
      .send({ title: 'Road to the old works', formKey: 'pc1-infrastructure', departmentId: dep.id })
      .expect(400);
    expect(JSON.stringify(project.body)).toMatch(/departmentId.*deactivated/);

    await h.on(a.host).patch(`/api/departments/${dep.id}`, a.adminToken).send({ active: true }).expect(200);
    const back = (await h.on(a.host).get('/api/departments', a.adminToken).expect(200)).body;
    expect(back.map((d: { code: string }) => d.code)).toEqual(['OLD']);
    const audit = (await h.on(a.host).get(`/api/audit?targetId=${dep.id}`, a.adminToken).expect(200)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      'department.reactivated',
      'department.deactivated',
      'department.created',
    ]);
  });

  it('names a bad value, and cannot touch another province', async () => {
    const dep = (
      await h.on(a.host).post('/api/departments', a.adminToken).send({ code: 'KEEP', name: 'Kept' }).expect(201)
    ).body;
    const bad = await h.on(a.host).patch(`/api/departments/${dep.id}`, a.adminToken).send({ active: 'no' }).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['active']);
    const nul = await h.on(a.host).patch(`/api/departments/${dep.id}`, a.adminToken).send({ active: null }).expect(400);
    expect(Object.keys(nul.body.fields)).toEqual(['active']);
    await h.on(a.host).get('/api/departments?includeInactive=maybe', a.adminToken).expect(400);
    await h.on(b.host).patch(`/api/departments/${dep.id}`, b.adminToken).send({ active: false }).expect(404);
    const still = (await h.on(a.host).get(`/api/departments/${dep.id}`, a.adminToken).expect(200)).body;
    expect(still.active).toBe(true);
  });
});
