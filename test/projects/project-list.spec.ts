import { MigrationRunner } from '../../src/database/migration-runner.service';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness } from '../support/harness';
import { act, fixture, preparerOf, Province, startWithDemoProvinces, team, Team, toForum, validDraft } from './support';

/*
 * The project list (GET /api/projects) with its filters, sorts and pages; the project page's
 * data (department name, actor names in the history, obligations of one project); documents
 * lists carrying their latest transition and the "returned to me" list. KP and GB side by side.
 */

type Item = Record<string, unknown> & { id: string };
const FIXTURE_TITLE = fixture('pc1-infrastructure').name.title as string;

describe('project list and project page (kp, gb)', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let t: Team;
  let gbTeam: Team;
  let works: { id: string; token: string; departmentId: string };
  let worksName: string;
  // approved, then a progress report and a revised PC-I started
  let revised: { projectId: string; documentId: string; revisedId: string };
  // approved, nothing after
  let approved: { projectId: string; documentId: string };
  let feasibility: { projectId: string; documentId: string };
  let school: { projectId: string; documentId: string };
  let returned: { projectId: string; documentId: string };
  let titleOnly: { projectId: string; documentId: string };
  let gbProject: string;

  const list = async (query: string, token = t.viewer, p: Province = kp) =>
    (await h.on(p.host).get(`/api/projects${query}`, token).expect(200)).body;
  const ids = (body: { items: Item[] }) => body.items.map((i) => i.id);
  const mine = () => [
    revised.projectId,
    approved.projectId,
    feasibility.projectId,
    school.projectId,
    returned.projectId,
    titleOnly.projectId,
  ];
  /** Only this spec's KP projects (other tests in the file may add more). */
  const ours = (body: { items: Item[] }) => ids(body).filter((id) => mine().includes(id));

  beforeAll(async () => {
    ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_project_list'));
    [t, gbTeam] = await Promise.all([team(h, kp), team(h, gb)]);
    const api = h.on(kp.host);

    const a = await validDraft(h, t);
    await toForum(h, t, a.id);
    expect((await act(h, kp.host, t.approver, a.id, 'approve')).status).toBe(200);
    await api
      .post(`/api/projects/${a.projectId}/documents`, t.preparer)
      .send({ formKey: 'pc3b', period: '2025-12' })
      .expect(201);
    // A progress report is no stage of its own: the approved PC-I stays the current document.
    expect((await api.get(`/api/projects/${a.projectId}`, t.viewer).expect(200)).body).toMatchObject({
      stage: 'pc1',
      state: 'approved',
      currentDocumentId: a.id,
    });
    const rev = await api
      .post(`/api/projects/${a.projectId}/documents`, t.preparer)
      .send({ formKey: 'pc1-revised' })
      .expect(201);
    revised = { projectId: a.projectId, documentId: a.id, revisedId: rev.body.id };

    const f = await validDraft(h, t);
    await toForum(h, t, f.id);
    expect((await act(h, kp.host, t.approver, f.id, 'approve', 'Approved in the PDWP')).status).toBe(200);
    approved = { projectId: f.projectId, documentId: f.id };

    const pc2 = await api
      .post('/api/projects', t.preparer)
      .send({ title: 'Peshawar–Charsadda feasibility', formKey: 'pc2' })
      .expect(201);
    await api
      .put(`/api/documents/${pc2.body.document.id}`, t.preparer)
      .send({ revision: 1, data: fixture('pc2') })
      .expect(200);
    feasibility = { projectId: pc2.body.project.id, documentId: pc2.body.document.id };

    works = await preparerOf(h, kp, 'CW');
    [{ name: worksName }] = await h.dataSource.query(
      `SELECT name FROM ${schemaNameFor('kp')}.departments WHERE id = $1`,
      [works.departmentId],
    );
    const s = await api
      .post('/api/projects', works.token)
      .send({ title: 'Takht Bhai girls school', formKey: 'pc1-social' })
      .expect(201);
    await api
      .put(`/api/documents/${s.body.document.id}`, works.token)
      .send({ revision: 1, data: fixture('pc1-social') })
      .expect(200);
    expect((await act(h, kp.host, works.token, s.body.document.id, 'submit')).status).toBe(200);
    school = { projectId: s.body.project.id, documentId: s.body.document.id };

    const r = await validDraft(h, t);
    await toForum(h, t, r.id);
    expect((await act(h, kp.host, t.approver, r.id, 'return', 'Recheck the unit rates')).status).toBe(200);
    returned = { projectId: r.projectId, documentId: r.id };

    const e = await api
      .post('/api/projects', t.preparer)
      .send({ title: 'Chitral water supply scheme', formKey: 'pc1-production', districts: ['chitral'] })
      .expect(201);
    titleOnly = { projectId: e.body.project.id, documentId: e.body.document.id };

    gbProject = (
      await h
        .on(gb.host)
        .post('/api/projects', gbTeam.preparer)
        .send({ title: 'Chitral water supply scheme, Ghizer', formKey: 'pc1-social' })
        .expect(201)
    ).body.project.id;
  });
  afterAll(() => h?.close());

  test('each item: the current document, its stage and state, costs, forum, department', async () => {
    const all = await list('?pageSize=100');
    expect(all).toMatchObject({ total: 6, totalIsExact: true, page: 1, pageSize: 100 });
    const byId = new Map<string, Item>(all.items.map((i: Item) => [i.id, i]));
    expect(byId.get(approved.projectId)).toEqual({
      id: approved.projectId,
      title: FIXTURE_TITLE,
      status: 'approved',
      stage: 'pc1',
      state: 'approved',
      currentDocumentId: approved.documentId,
      formKey: 'pc1-infrastructure',
      totalCost: '3128.200',
      approvedCost: '3128.200',
      forum: 'kp-pdwp',
      approvedForum: 'kp-pdwp',
      sector: 'transport-communications',
      districts: ['swat'],
      departmentId: null,
      departmentName: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // A progress report does not change the stage; the revised PC-I does, and is now the current document.
    expect(byId.get(revised.projectId)).toMatchObject({
      status: 'approved',
      stage: 'pc1-revised',
      state: 'draft',
      currentDocumentId: revised.revisedId,
      formKey: 'pc1-revised',
      totalCost: '3128.200',
      approvedCost: '3128.200',
      forum: 'kp-pdwp',
    });
    expect(byId.get(feasibility.projectId)).toMatchObject({
      status: 'preparation',
      stage: 'pc2',
      state: 'draft',
      formKey: 'pc2',
      totalCost: '60.000',
      approvedCost: null,
      forum: null,
      districts: ['peshawar', 'charsadda'],
      title: fixture('pc2').project.title,
    });
    expect(byId.get(school.projectId)).toMatchObject({
      stage: 'pc1',
      state: 'submitted',
      totalCost: '240.250',
      forum: 'kp-ddwp',
      approvedForum: null,
      sector: 'education-training-manpower',
      districts: ['mardan'],
      departmentId: works.departmentId,
      departmentName: worksName,
    });
    expect(byId.get(returned.projectId)).toMatchObject({
      stage: 'pc1',
      state: 'returned',
      status: 'preparation',
      forum: 'kp-pdwp',
    });
    expect(byId.get(titleOnly.projectId)).toMatchObject({
      title: 'Chitral water supply scheme',
      stage: 'pc1',
      state: 'draft',
      formKey: 'pc1-production',
      totalCost: null,
      districts: ['chitral'],
      sector: null,
    });
  });

  test('filters: stage, state, status, district, sector, forum, cost, title words, department', async () => {
    const q = async (query: string) => ours(await list(`?pageSize=100&${query}`)).sort();
    const sorted = (...xs: string[]) => [...xs].sort();
    expect(await q('stage=pc2')).toEqual([feasibility.projectId]);
    expect(await q('stage=pc1-revised')).toEqual([revised.projectId]);
    expect(await q('stage=pc1&state=approved')).toEqual([approved.projectId]);
    expect(await q('state=returned')).toEqual([returned.projectId]);
    expect(await q('state=draft')).toEqual(sorted(revised.projectId, feasibility.projectId, titleOnly.projectId));
    expect(await q('status=approved')).toEqual(sorted(revised.projectId, approved.projectId));
    expect(await q('district=mardan')).toEqual([school.projectId]);
    expect(await q('district=swat')).toEqual(sorted(revised.projectId, approved.projectId, returned.projectId));
    expect(await q('sector=education-training-manpower')).toEqual([school.projectId]);
    expect(await q('forum=kp-ddwp')).toEqual([school.projectId]);
    // The approving forum, or the one the current document is routed to.
    expect(await q('forum=kp-pdwp')).toEqual(sorted(revised.projectId, approved.projectId, returned.projectId));
    expect(await q('minCost=100&maxCost=300')).toEqual([school.projectId]);
    expect(await q('maxCost=60')).toEqual([feasibility.projectId]);
    expect(await q('minCost=3128.2')).toEqual(sorted(revised.projectId, approved.projectId, returned.projectId));
    expect(await q('q=chitral%20wat')).toEqual([titleOnly.projectId]);
    expect(await q('q=bahrain%E2%80%93kalam%20widening')).toEqual(
      sorted(revised.projectId, approved.projectId, returned.projectId),
    );
    expect(await q(`departmentId=${works.departmentId}`)).toEqual([school.projectId]);
    expect(await q('district=swat&state=returned&minCost=3000')).toEqual([returned.projectId]);
    expect((await list('?stage=pc5')).total).toBe(0);
  });

  test('sorts by cost (empty last either way), title, creation and last change; pages add up', async () => {
    const order = async (sort: string) => ours(await list(`?pageSize=100&sort=${sort}`));
    const costly = [revised.projectId, approved.projectId, returned.projectId];
    const byCost = await order('cost');
    expect(byCost.slice(0, 2)).toEqual([feasibility.projectId, school.projectId]);
    expect(byCost.slice(2, 5).sort()).toEqual([...costly].sort());
    expect(byCost[5]).toBe(titleOnly.projectId);
    const byCostDesc = await order('-cost');
    expect(byCostDesc.slice(3)).toEqual([school.projectId, feasibility.projectId, titleOnly.projectId]);
    // Chitral… < Establishment… < Feasibility… < Rehabilitation… (ties broken by id).
    const byTitle = await order('title');
    expect(byTitle.slice(0, 3)).toEqual([titleOnly.projectId, school.projectId, feasibility.projectId]);
    expect(await order('-title')).toEqual([...byTitle].reverse());
    const created = [
      revised.projectId,
      approved.projectId,
      feasibility.projectId,
      school.projectId,
      returned.projectId,
      titleOnly.projectId,
    ];
    expect(await order('createdAt')).toEqual(created);
    expect(await order('-createdAt')).toEqual([...created].reverse());

    // A change to any of its documents makes a project the most recently updated.
    await h
      .on(kp.host)
      .put(`/api/documents/${feasibility.documentId}`, t.preparer)
      .send({ revision: 2, data: fixture('pc2') })
      .expect(200);
    expect((await list('?pageSize=1')).items[0].id).toBe(feasibility.projectId);
    expect((await list('?pageSize=1&sort=-updatedAt')).items[0].id).toBe(feasibility.projectId);
    expect((await list('?pageSize=100&sort=updatedAt')).items.at(-1).id).toBe(feasibility.projectId);

    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await list(`?pageSize=2&page=${page}&sort=title`));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 0]);
    expect(pages.every((p) => p.total === 6 && p.pageSize === 2)).toBe(true);
    expect(pages.flatMap((p) => ids(p))).toEqual(await order('title'));
  });

  test('a bad query is a 400 naming each field', async () => {
    const res = await h
      .on(kp.host)
      .get(
        '/api/projects?pageSize=101&page=0&sort=price&stage=pc3b' +
          '&minCost=lots&departmentId=nope&district=Swat!&colour=red',
        t.viewer,
      )
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'colour',
      'departmentId',
      'district',
      'minCost',
      'page',
      'pageSize',
      'sort',
      'stage',
    ]);
    expect(res.body.fields.stage).toEqual(['stage must be one of pc2, pc1, pc1-revised, pc4, pc5']);
    expect(res.body.fields.sort[0]).toMatch(/^sort must be one of updatedAt, -updatedAt, title/);
    expect(res.body.fields.minCost).toEqual(['minCost must be an amount in Rs million']);
    await h.on(kp.host).get('/api/projects?state=Not%20A%20State', t.viewer).expect(400);
    await h.on(kp.host).get('/api/projects?q=', t.viewer).expect(400);
    // Words with nothing searchable are no filter, not an error in the tsquery.
    expect((await list('?q=%26%7C!:*')).total).toBe(6);
  });

  test("provinces apart: GB's projects never in KP's list, and a KP token is refused on GB's host", async () => {
    const kpAll = ids(await list('?pageSize=100&q=chitral'));
    expect(kpAll).toEqual([titleOnly.projectId]);
    expect(kpAll).not.toContain(gbProject);
    const gbAll = ids(await list('?pageSize=100', gbTeam.viewer, gb));
    expect(gbAll).toEqual([gbProject]);
    const refused = await h.on(gb.host).get('/api/projects', t.viewer).expect(401);
    expect(refused.body.message).toMatch(/another province/);
    await h.on(kp.host).get('/api/projects').expect(401);
    await h
      .on(h.platformHost)
      .get('/api/projects', await h.operatorToken())
      .expect(404);
  });

  test('the project page: department name, current document and stage, document summaries', async () => {
    const page = (await h.on(kp.host).get(`/api/projects/${school.projectId}`, t.viewer).expect(200)).body;
    expect(page).toMatchObject({
      id: school.projectId,
      status: 'preparation',
      departmentId: works.departmentId,
      departmentName: worksName,
      stage: 'pc1',
      state: 'submitted',
      currentDocumentId: school.documentId,
      formKey: 'pc1-social',
      totalCost: '240.250',
      forum: 'kp-ddwp',
    });
    expect(page.documents).toEqual([
      expect.objectContaining({
        id: school.documentId,
        kind: 'pc1',
        state: 'submitted',
        totalCost: '240.250',
        formKey: 'pc1-social',
      }),
    ]);
    const rev = (await h.on(kp.host).get(`/api/projects/${revised.projectId}`, t.viewer).expect(200)).body;
    expect(rev).toMatchObject({
      departmentName: null,
      stage: 'pc1-revised',
      currentDocumentId: revised.revisedId,
      approvedForum: 'kp-pdwp',
    });
    expect(rev.documents.map((d: { kind: string }) => d.kind)).toEqual(['pc1', 'pc3b', 'pc1-revised']);
    await h.on(gb.host).get(`/api/projects/${school.projectId}`, gbTeam.viewer).expect(404);
  });

  test('transitions name their actor; obligations filter by project', async () => {
    const history = (await h.on(kp.host).get(`/api/documents/${approved.documentId}/transitions`, t.viewer).expect(200))
      .body;
    expect(history.map((x: { action: string; actorName: string }) => `${x.action} by ${x.actorName}`)).toEqual([
      'submit by Test preparer',
      'start-review by Test reviewer',
      'forward-to-pnd by Test reviewer',
      'place-before-forum by Test reviewer',
      'approve by Test approver',
    ]);
    expect(history[4]).toMatchObject({
      actorId: expect.any(String),
      actorEmail: expect.stringMatching(/^approver-/),
      comment: 'Approved in the PDWP',
    });

    const schema = schemaNameFor('kp');
    await h.dataSource.query(`UPDATE ${schema}.projects SET approved_at = '2025-01-15' WHERE id = ANY($1)`, [
      [approved.projectId, revised.projectId],
    ]);
    const all = (await h.on(kp.host).get('/api/obligations?on=2025-04-10', t.viewer).expect(200)).body.items;
    expect(new Set(all.map((o: { projectId: string }) => o.projectId))).toEqual(
      new Set([approved.projectId, revised.projectId]),
    );
    const one = (
      await h.on(kp.host).get(`/api/obligations?on=2025-04-10&projectId=${approved.projectId}`, t.viewer).expect(200)
    ).body.items;
    expect(
      one.map(
        (o: { projectId: string; period: string; status: string }) =>
          `${o.projectId === approved.projectId} ${o.period} ${o.status}`,
      ),
    ).toEqual(['true 2025-02 overdue', 'true 2025-03 overdue', 'true 2025-04 due']);
    const bad = await h.on(kp.host).get('/api/obligations?projectId=12345', t.viewer).expect(400);
    expect(bad.body.fields).toEqual({ projectId: ['projectId must be a UUID'] });
    expect(
      (await h.on(kp.host).get(`/api/obligations?projectId=${gbProject}`, t.viewer).expect(200)).body.items,
    ).toEqual([]);
    const late = await h.on(kp.host).get('/api/obligations?status=late', t.viewer).expect(400);
    expect(late.body.message).toEqual(['status must be due, overdue, fulfilled or all']);
  });

  test('documents lists carry the latest transition with its comment and actor', async () => {
    const docs = (await h.on(kp.host).get('/api/documents?pageSize=100', t.viewer).expect(200)).body.items as Item[];
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get(returned.documentId)!.lastTransition).toEqual({
      action: 'return',
      fromState: 'forum',
      toState: 'returned',
      comment: 'Recheck the unit rates',
      actorId: expect.any(String),
      actorName: 'Test approver',
      at: expect.any(String),
    });
    expect(byId.get(school.documentId)!.lastTransition).toMatchObject({
      action: 'submit',
      fromState: 'draft',
      toState: 'submitted',
      comment: null,
      actorName: 'Test preparer',
    });
    expect(byId.get(titleOnly.documentId)!.lastTransition).toBeNull();
    expect(byId.get(titleOnly.documentId)).toMatchObject({ state: 'draft', formKey: 'pc1-production' });
    // The same order with or without the join; sorting by cost keeps working.
    const byCost = (await h.on(kp.host).get('/api/documents?pageSize=100&sort=-totalCost', t.viewer).expect(200)).body
      .items as Item[];
    const costs = byCost.map((d) => d.totalCost as string | null);
    const nonNull = costs.filter((c): c is string => c !== null).map(Number);
    expect(nonNull).toEqual([...nonNull].sort((x, y) => y - x));
    expect(costs.slice(nonNull.length).every((c) => c === null)).toBe(true);
  });

  test('mine=returned: my documents sent back to me, with the reason; drafts never submitted are not', async () => {
    const res = await h.on(kp.host).get('/api/documents?mine=returned', t.preparer).expect(200);
    expect(res.body).toMatchObject({ total: 1, totalIsExact: true });
    expect(res.body.items[0]).toMatchObject({
      id: returned.documentId,
      state: 'returned',
      lastTransition: { comment: 'Recheck the unit rates', actorName: 'Test approver' },
    });
    expect((await h.on(kp.host).get('/api/documents?mine=returned', works.token).expect(200)).body.total).toBe(0);
    const bad = await h.on(kp.host).get('/api/documents?mine=rejected', t.preparer).expect(400);
    expect(bad.body.fields).toEqual({ mine: ['mine must be one of drafts, awaiting, returned'] });

    // A province whose workflow sends documents back to "draft": a withdrawn document counts, a fresh draft does not.
    const workflow = (await h.on(kp.host).get('/api/workflow', kp.adminToken).expect(200)).body;
    workflow.config.actions.push({
      id: 'withdraw',
      label: { en: 'Withdraw', ur: 'واپس لیں' },
      from: ['submitted'],
      to: 'draft',
      roles: ['preparer'],
    });
    await h.on(kp.host).put('/api/workflow', kp.adminToken).send(workflow.config).expect(200);
    const w = await validDraft(h, t);
    expect((await act(h, kp.host, t.preparer, w.id, 'submit')).status).toBe(200);
    expect((await act(h, kp.host, t.preparer, w.id, 'withdraw', 'Wrong district')).status).toBe(200);
    const after = (await h.on(kp.host).get('/api/documents?mine=returned&pageSize=100', t.preparer).expect(200)).body
      .items as Item[];
    expect(
      after
        .map((d) => `${d.id === w.id ? 'withdrawn' : d.id === returned.documentId ? 'returned' : d.id} ${d.state}`)
        .sort(),
    ).toEqual(['returned returned', 'withdrawn draft']);
    const drafts = (await h.on(kp.host).get('/api/documents?mine=drafts&pageSize=100', t.preparer).expect(200)).body
      .items as Item[];
    expect(drafts.length).toBeGreaterThan(2);
  });

  test('migration 0008 fills in the list fields of projects made before it, as the app keeps them', async () => {
    const before = (await list('?pageSize=100&sort=createdAt')).items;
    const schema = schemaNameFor('kp');
    // Back to how a province looked before 0008, with its projects and documents kept.
    await h.dataSource.transaction(async (em) => {
      await em.query(
        `ALTER TABLE ${schema}.projects DROP COLUMN current_document_id, DROP COLUMN stage, ` +
          `DROP COLUMN current_state, DROP COLUMN current_forum, DROP COLUMN current_cost`,
      );
      const indexes: { indexname: string }[] = await em.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = $1 ` +
          `AND (indexname LIKE 'projects\\_%\\_idx' OR indexname = 'documents_project_created_idx')`,
        [schema],
      );
      expect(indexes.length).toBe(9); // 13 made by 0008, 4 of them gone with their columns
      for (const { indexname } of indexes) await em.query(`DROP INDEX ${schema}."${indexname}"`);
      await em.query(
        `UPDATE ${schema}.projects SET title = 'Old title', sector = NULL, districts = '{}' WHERE id = ANY($1)`,
        [[approved.projectId, feasibility.projectId]],
      );
      await em.query(`DELETE FROM ${schema}.schema_migrations WHERE id = '0008-project-list'`);
    });
    const outcome = await h.api.get(MigrationRunner).migrateAllTenants();
    expect(outcome.map((o) => `${o.slug}: ${o.applied.join()}${o.error ?? ''}`).sort()).toEqual([
      'gb: ',
      'kp: 0008-project-list',
    ]);
    expect((await list('?pageSize=100&sort=createdAt')).items).toEqual(before);
  });
});
