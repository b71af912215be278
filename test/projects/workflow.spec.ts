import { Harness } from '../support/harness';
import { schemaNameFor } from '../../src/tenancy/slug';
import {
  act,
  fixture,
  PDF,
  preparerOf,
  Province,
  startWithDemoProvinces,
  team,
  Team,
  toForum,
  validDraft,
} from './support';

/*
 * A PC-I through the default workflow of a province, by users holding the right roles (and
 * refused for the others); drafts with optimistic concurrency and revisions; a document pinned
 * to an old form version; follow-up documents prefilled from the approved PC-I; the workflow
 * as province configuration; reporting obligations; lists.
 */

describe('projects and the approval workflow (kp)', () => {
  let h: Harness;
  let kp: Province;
  let t: Team;

  beforeAll(async () => {
    ({ h, kp } = await startWithDemoProvinces('daftar_test_workflow'));
    t = await team(h, kp);
  });
  afterAll(() => h?.close());

  const states = async (id: string) =>
    (await h.on(kp.host).get(`/api/documents/${id}/transitions`, t.viewer).expect(200)).body.map(
      (x: { action: string; to: string }) => `${x.action}>${x.to}`,
    );

  test('draft → submitted → department review → P&D scrutiny → forum → approved, each step by its role', async () => {
    const api = h.on(kp.host);
    const created = await api
      .post('/api/projects', t.preparer)
      .send({ title: 'Bahrain–Kalam road', formKey: 'pc1-infrastructure', districts: ['swat'] })
      .expect(201);
    const id = created.body.document.id;
    expect(created.body.document).toMatchObject({ state: 'draft', revision: 1, valid: false, kind: 'pc1' });

    // A partial draft saves, with its errors; submitting it is refused.
    const partial = await api
      .put(`/api/documents/${id}`, t.preparer)
      .send({ revision: 1, data: { name: { title: 'Bahrain–Kalam road' } } })
      .expect(200);
    expect(partial.body).toMatchObject({ revision: 2, valid: false });
    expect(partial.body.errors.length).toBeGreaterThan(10);
    const early = await act(h, kp.host, t.preparer, id, 'submit');
    expect(early.status).toBe(422);
    expect(early.body.errors.length).toBeGreaterThan(10);

    const full = await api
      .put(`/api/documents/${id}`, t.preparer)
      .send({ revision: 2, data: fixture('pc1-infrastructure') })
      .expect(200);
    expect(full.body).toMatchObject({ revision: 3, valid: true, errors: [], totalCost: '3128.200' });

    // Rs 3,128 million: no submission without a feasibility study.
    const noStudy = await act(h, kp.host, t.preparer, id, 'submit');
    expect(noStudy.status).toBe(422);
    expect(noStudy.body.message).toMatch(/Rs 300 million or more .* feasibility study/);
    await api
      .post(`/api/documents/${id}/attachments`, t.preparer)
      .field('kind', 'feasibility-study')
      .attach('file', PDF, { filename: 'feasibility.pdf', contentType: 'application/pdf' })
      .expect(201);

    // Wrong roles are refused at every step.
    expect((await act(h, kp.host, t.reviewer, id, 'submit')).status).toBe(403);
    expect((await act(h, kp.host, t.preparer, id, 'submit')).status).toBe(200);
    expect((await act(h, kp.host, t.preparer, id, 'start-review')).status).toBe(403);
    expect((await act(h, kp.host, t.viewer, id, 'start-review')).status).toBe(403);
    expect((await act(h, kp.host, kp.adminToken, id, 'start-review')).status).toBe(403);
    expect((await act(h, kp.host, t.approver, id, 'approve')).status).toBe(409); // not before the forum yet
    // Not editable once submitted: neither its data nor its attachments.
    await api
      .put(`/api/documents/${id}`, t.preparer)
      .send({ revision: 3, data: fixture('pc1-infrastructure') })
      .expect(409);
    await api
      .post(`/api/documents/${id}/attachments`, t.preparer)
      .field('kind', 'map')
      .attach('file', PDF, { filename: 'late.pdf', contentType: 'application/pdf' })
      .expect(409);

    for (const step of ['start-review', 'forward-to-pnd', 'place-before-forum'])
      expect((await act(h, kp.host, t.reviewer, id, step)).status).toBe(200);
    const routing = await api.get(`/api/documents/${id}/routing`, t.viewer).expect(200);
    expect(routing.body.rule).toMatchObject({ code: 'kp-pdwp', forum: 'kp-pdwp' });
    expect((await act(h, kp.host, t.reviewer, id, 'approve')).status).toBe(403);
    const approved = await act(h, kp.host, t.approver, id, 'approve', 'Approved in the 12th PDWP meeting');
    expect(approved.body).toMatchObject({
      state: 'approved',
      forum: 'kp-pdwp',
      forumRule: 'kp-pdwp',
      workflowVersion: 1,
    });

    const history = await api.get(`/api/documents/${id}/transitions`, t.viewer).expect(200);
    expect(history.body.map((x: { action: string }) => x.action)).toEqual([
      'submit',
      'start-review',
      'forward-to-pnd',
      'place-before-forum',
      'approve',
    ]);
    expect(history.body[4]).toMatchObject({
      from: 'forum',
      to: 'approved',
      comment: 'Approved in the 12th PDWP meeting',
      workflowVersion: 1,
      forum: 'kp-pdwp',
      forumRule: 'kp-pdwp',
    });
    expect(history.body[4].forumRuleSource).toMatch(/PDWP up to Rs 10 bn/);
    const project = await api.get(`/api/projects/${created.body.project.id}`, t.viewer).expect(200);
    expect(project.body).toMatchObject({ status: 'approved', approvedCost: '3128.200', approvedForum: 'kp-pdwp' });

    const audit = await api.get('/api/audit?action=document.transition', kp.adminToken).expect(200);
    expect(audit.body.items.filter((e: { targetId: string }) => e.targetId === id)).toHaveLength(5);
  });

  test('returned for rectification (comment required), corrected and resubmitted', async () => {
    const { id } = await validDraft(h, t);
    await toForum(h, t, id);
    const noComment = await act(h, kp.host, t.approver, id, 'return');
    expect(noComment.status).toBe(400);
    expect(noComment.body.message).toEqual(['comment is required to return for rectification']);
    expect((await act(h, kp.host, t.approver, id, 'return', 'Recheck the unit rates')).status).toBe(200);
    const doc = await h.on(kp.host).get(`/api/documents/${id}`, t.preparer).expect(200);
    expect(doc.body).toMatchObject({ state: 'returned', editable: true });
    expect(doc.body.actions.map((a: { id: string }) => a.id)).toEqual(['submit']);
    const data = fixture('pc1-infrastructure');
    data.name.title = 'Bahrain–Kalam road (rates rechecked)';
    await h.on(kp.host).put(`/api/documents/${id}`, t.preparer).send({ revision: doc.body.revision, data }).expect(200);
    await toForum(h, t, id);
    expect((await act(h, kp.host, t.approver, id, 'approve')).status).toBe(200);
    expect(await states(id)).toEqual([
      'submit>submitted',
      'start-review>department-review',
      'forward-to-pnd>pnd-scrutiny',
      'place-before-forum>forum',
      'return>returned',
      'submit>submitted',
      'start-review>department-review',
      'forward-to-pnd>pnd-scrutiny',
      'place-before-forum>forum',
      'approve>approved',
    ]);
  });

  test('deferred, placed again, then recommended to a higher forum; rejected', async () => {
    const a = await validDraft(h, t);
    await toForum(h, t, a.id);
    expect((await act(h, kp.host, t.approver, a.id, 'defer', 'Designs incomplete')).status).toBe(200);
    expect((await act(h, kp.host, t.reviewer, a.id, 'place-before-forum')).status).toBe(200);
    expect(
      (await act(h, kp.host, t.approver, a.id, 'recommend-upward', 'Beyond PDWP powers for a foreign component'))
        .status,
    ).toBe(200);
    expect((await act(h, kp.host, t.approver, a.id, 'approve')).status).toBe(409); // final
    expect((await states(a.id)).slice(-3)).toEqual([
      'defer>deferred',
      'place-before-forum>forum',
      'recommend-upward>recommended',
    ]);

    const b = await validDraft(h, t);
    await toForum(h, t, b.id);
    expect((await act(h, kp.host, t.approver, b.id, 'reject', 'Duplicates an ongoing scheme')).status).toBe(200);
    expect((await h.on(kp.host).get(`/api/projects/${b.projectId}`, t.viewer)).body.status).toBe('rejected');
    expect((await act(h, kp.host, t.approver, b.id, 'no-such-action')).status).toBe(404);
  });

  test(
    'concurrent saves of one draft: one wins, the other gets 409 with what changed; ' + 'no revision is lost',
    async () => {
      const { id, revision } = await validDraft(h, t);
      const edit = (title: string) => {
        const data = fixture('pc1-infrastructure');
        data.name.title = title;
        return h.on(kp.host).put(`/api/documents/${id}`, t.preparer).send({ revision, data });
      };
      const results = await Promise.all([edit('Title by Amina'), edit('Title by Bilal'), edit('Title by Chand')]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body).toMatchObject({ currentRevision: revision + 1 });
      expect(loser.body.changes).toEqual([
        expect.objectContaining({ pointer: '/name/title', to: winner.body.data.name.title }),
      ]);
      const revisions = await h.on(kp.host).get(`/api/documents/${id}/revisions`, t.viewer).expect(200);
      expect(revisions.body.map((r: { revision: number }) => r.revision)).toEqual([revision + 1, revision, 1]);
      const diff = await h
        .on(kp.host)
        .get(`/api/documents/${id}/diff?from=${revision}&to=${revision + 1}`, t.viewer)
        .expect(200);
      expect(diff.body.changes).toEqual([
        { pointer: '/name/title', from: fixture('pc1-infrastructure').name.title, to: winner.body.data.name.title },
      ]);
    },
  );

  test('a document pinned to an old form version still loads and validates after a new one is published', async () => {
    const { id } = await validDraft(h, t);
    const overlay = {
      baseVersion: '2.0.0',
      operations: [
        {
          op: 'addField',
          section: 'name',
          field: {
            id: 'kpReference',
            type: 'text',
            label: { en: 'KP reference', ur: 'کے پی حوالہ' },
            required: true,
            constraints: { maxLength: 40 },
          },
        },
      ],
    };
    await h.on(kp.host).put('/api/forms/pc1-infrastructure/overlay', kp.adminToken).send(overlay).expect(200);
    await h
      .on(kp.host)
      .post('/api/forms/pc1-infrastructure/publish', kp.adminToken)
      .send({ notes: 'KP reference' })
      .expect(201);
    const doc = await h.on(kp.host).get(`/api/documents/${id}`, t.preparer).expect(200);
    expect(doc.body).toMatchObject({ formVersion: { number: 1 }, errors: [], valid: true });
    expect((await act(h, kp.host, t.preparer, id, 'submit')).status).toBe(200);
    // A new document starts on the new version and needs the new field.
    const fresh = await validDraft(h, t);
    const freshDoc = await h.on(kp.host).get(`/api/documents/${fresh.id}`, t.preparer).expect(200);
    expect(freshDoc.body.formVersion.number).toBe(2);
    expect(freshDoc.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/name/kpReference']);
    // Back to the base form for the tests after this one (version 3, same content as version 1).
    await h
      .on(kp.host)
      .put('/api/forms/pc1-infrastructure/overlay', kp.adminToken)
      .send({ baseVersion: '2.0.0', operations: [] })
      .expect(200);
    const v3 = await h
      .on(kp.host)
      .post('/api/forms/pc1-infrastructure/publish', kp.adminToken)
      .send({ notes: 'KP reference dropped' })
      .expect(201);
    expect(v3.body.number).toBe(3);
  });

  test(
    'a revised PC-I starts from the approved one (original and proposed), ' + 'PC-IV and PC-V from its planned figures',
    async () => {
      const { id, projectId } = await validDraft(h, t);
      await toForum(h, t, id);
      await act(h, kp.host, t.approver, id, 'approve').then((r) => expect(r.status).toBe(200));
      const revised = await h
        .on(kp.host)
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send({ formKey: 'pc1-revised' })
        .expect(201);
      expect(revised.body).toMatchObject({ kind: 'pc1-revised', sequence: 1, parentId: id, state: 'draft' });
      const doc = await h.on(kp.host).get(`/api/documents/${revised.body.id}`, t.preparer).expect(200);
      expect(doc.body.data.cover).toMatchObject({ parentDocumentId: id, approvalForum: 'kp-pdwp', revisionNumber: 1 });
      expect(doc.body.data.capitalCost.original.totals.total).toBe('3128.200');
      expect(doc.body.data.capitalCost.revised.totals.total).toBe('3128.200');
      expect(doc.body.data.capitalCost.original.rows.length).toBe(
        fixture('pc1-infrastructure').capitalCost.estimate.rows.length,
      );

      const pc4 = await h
        .on(kp.host)
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send({ formKey: 'pc4' })
        .expect(201);
      const pc4Doc = await h.on(kp.host).get(`/api/documents/${pc4.body.id}`, t.preparer).expect(200);
      expect(pc4Doc.body.data.project).toMatchObject({
        title: fixture('pc1-infrastructure').name.title,
        projectDocumentId: id,
      });
      expect(pc4Doc.body.data.capitalCost.cost.rows[0]).toMatchObject({
        component: 'local',
        original: fixture('pc1-infrastructure').capitalCost.estimate.totals.local,
      });
      const pc5 = await h
        .on(kp.host)
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send({ formKey: 'pc5', period: '2027-28' })
        .expect(201);
      const pc5Doc = await h.on(kp.host).get(`/api/documents/${pc5.body.id}`, t.preparer).expect(200);
      expect(pc5Doc.body.data.recurringCost.heads.rows.length).toBeGreaterThan(0);
      await h
        .on(kp.host)
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send({ formKey: 'pc5', period: '2027-28' })
        .expect(409);
      await h
        .on(kp.host)
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send({ formKey: 'pc3b' })
        .expect(400);

      const draftOnly = await h
        .on(kp.host)
        .post('/api/projects', t.preparer)
        .send({ title: 'Not approved yet', formKey: 'pc1-social' })
        .expect(201);
      await h
        .on(kp.host)
        .post(`/api/projects/${draftOnly.body.project.id}/documents`, t.preparer)
        .send({ formKey: 'pc4' })
        .expect(409);
    },
  );

  test('reporting obligations: PC-III(B) monthly by the 5th, due and overdue', async () => {
    const { id, projectId } = await validDraft(h, t);
    await toForum(h, t, id);
    await act(h, kp.host, t.approver, id, 'approve').then((r) => expect(r.status).toBe(200));
    // "This month" is the province's (its time zone decides the approval's date), not UTC's.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: h.config.timeZone }).format(new Date());
    const [year, month] = today.split('-').map(Number);
    const later = new Date(Date.UTC(year, month - 1 + 3, 10)).toISOString().slice(0, 10);
    const res = await h.on(kp.host).get(`/api/obligations?on=${later}`, t.viewer).expect(200);
    const mine = res.body.items.filter((o: { projectId: string }) => o.projectId === projectId);
    // Approved this month: the next three months are reported; two are overdue on the 10th of the third.
    expect(mine.map((o: { kind: string; status: string }) => `${o.kind} ${o.status}`)).toEqual([
      'pc3b overdue',
      'pc3b overdue',
      'pc3b due',
    ]);
    expect(mine.every((o: { dueDate: string }) => o.dueDate.endsWith('-05'))).toBe(true);
    const overdue = await h.on(kp.host).get(`/api/obligations?status=overdue&on=${later}`, t.viewer).expect(200);
    expect(overdue.body.items.every((o: { status: string }) => o.status === 'overdue')).toBe(true);
    await h.on(kp.host).get('/api/obligations?status=late', t.viewer).expect(400);
  });

  test('lists: my drafts, awaiting my action, filters and title search, paginated', async () => {
    const draft = await h
      .on(kp.host)
      .post('/api/projects', t.preparer)
      .send({ title: 'Chitral water supply scheme', formKey: 'pc1-social' })
      .expect(201);
    const mine = await h.on(kp.host).get('/api/documents?mine=drafts&pageSize=100', t.preparer).expect(200);
    expect(mine.body.items.map((d: { id: string }) => d.id)).toContain(draft.body.document.id);
    expect(mine.body.items.every((d: { state: string }) => ['draft', 'returned'].includes(d.state))).toBe(true);
    const other = await h.userWithRole(kp, 'preparer');
    expect((await h.on(kp.host).get('/api/documents?mine=drafts', other.token).expect(200)).body.total).toBe(0);

    const submitted = await validDraft(h, t);
    await act(h, kp.host, t.preparer, submitted.id, 'submit').then((r) => expect(r.status).toBe(200));
    const awaiting = await h.on(kp.host).get('/api/documents?mine=awaiting&pageSize=100', t.reviewer).expect(200);
    expect(awaiting.body.items.map((d: { id: string }) => d.id)).toContain(submitted.id);
    expect(
      awaiting.body.items.every((d: { state: string }) =>
        ['submitted', 'department-review', 'pnd-scrutiny', 'forum', 'deferred'].includes(d.state),
      ),
    ).toBe(true);

    const search = await h.on(kp.host).get('/api/documents?q=chitral%20water', t.viewer).expect(200);
    expect(search.body.items.map((d: { id: string }) => d.id)).toEqual([draft.body.document.id]);
    const bySwat = await h
      .on(kp.host)
      .get(
        '/api/documents?district=swat&sector=transport-communications' +
          '&minCost=3000&maxCost=3200&sort=-totalCost&pageSize=2',
        t.viewer,
      )
      .expect(200);
    expect(bySwat.body.items.length).toBe(2);
    expect(bySwat.body.total).toBeGreaterThan(2);
    expect(bySwat.body.totalIsExact).toBe(true);
    expect(
      bySwat.body.items.every(
        (d: { totalCost: string; districts: string[] }) => d.totalCost === '3128.200' && d.districts.includes('swat'),
      ),
    ).toBe(true);
    const byForum = await h.on(kp.host).get('/api/documents?forum=kp-pdwp&state=approved', t.viewer).expect(200);
    expect(byForum.body.total).toBeGreaterThan(0);
    const bad = await h
      .on(kp.host)
      .get('/api/documents?sort=password&pageSize=1000&minCost=lots', t.viewer)
      .expect(400);
    expect(bad.body.message.length).toBe(3);
  });
  test(
    "one department's preparers cannot start projects for another, " + 'attach to its drafts or start its follow-ups',
    async () => {
      const api = h.on(kp.host);
      const [otherDepartment] = await h.dataSource.query(
        `SELECT code FROM ${schemaNameFor('kp')}.departments WHERE code <> 'CW' ORDER BY code LIMIT 1`,
      );
      const works = await preparerOf(h, kp, 'CW');
      const worksColleague = await preparerOf(h, kp, 'CW');
      const outsider = await preparerOf(h, kp, otherDepartment.code);

      const refused = await api
        .post('/api/projects', works.token)
        .send({ title: 'Not ours', formKey: 'pc1-social', departmentId: outsider.departmentId })
        .expect(403);
      expect(refused.body.message).toMatch(/departmentId: you may start projects only for your own department/);
      const own = await api
        .post('/api/projects', works.token)
        .send({ title: 'Swat bridge', formKey: 'pc1-infrastructure' })
        .expect(201);
      expect(own.body.project.departmentId).toBe(works.departmentId);
      // A preparer outside any department (the P&D planning cell) names the department.
      const cell = await api
        .post('/api/projects', t.preparer)
        .send({ title: 'For works', formKey: 'pc1-social', departmentId: works.departmentId })
        .expect(201);
      expect(cell.body.project.departmentId).toBe(works.departmentId);

      const attach = (token: string) =>
        api
          .post(`/api/documents/${own.body.document.id}/attachments`, token)
          .field('kind', 'map')
          .attach('file', PDF, { filename: 'map.pdf', contentType: 'application/pdf' });
      expect((await attach(outsider.token)).status).toBe(403);
      expect((await attach(worksColleague.token)).status).toBe(201);
      expect((await attach(t.reviewer)).status).toBe(403);
      const listed = await api.get(`/api/documents/${own.body.document.id}`, works.token).expect(200);
      expect(listed.body.attachments.length).toBe(1);

      // The approved project below was started by t.preparer, outside any department.
      const { id, projectId } = await validDraft(h, t);
      await toForum(h, t, id);
      await act(h, kp.host, t.approver, id, 'approve').then((r) => expect(r.status).toBe(200));
      const followUp = await api
        .post(`/api/projects/${projectId}/documents`, outsider.token)
        .send({ formKey: 'pc4' })
        .expect(403);
      expect(followUp.body.message).toMatch(/Only the author or a preparer of the owning department/);
      await api.post(`/api/projects/${projectId}/documents`, t.reviewer).send({ formKey: 'pc4' }).expect(403);
      await api.post(`/api/projects/${projectId}/documents`, t.preparer).send({ formKey: 'pc4' }).expect(201);
    },
  );

  test("a follow-up's period is a real month (PC-III(B)) or financial year (PC-III(A), PC-V)", async () => {
    const { id, projectId } = await validDraft(h, t);
    await toForum(h, t, id);
    await act(h, kp.host, t.approver, id, 'approve').then((r) => expect(r.status).toBe(200));
    const start = (formKey: string, period?: string) =>
      h
        .on(kp.host)
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send(period ? { formKey, period } : { formKey });
    for (const [formKey, period, reason] of [
      ['pc3b', '2025-13', /a month such as 2025-09/],
      ['pc3b', '2025-00', /a month such as 2025-09/],
      ['pc3a', '2025-27', /a financial year such as 2025-26/],
      ['pc3a', '2025-09', /a financial year such as 2025-26/],
      ['pc5', '2099-01', /a financial year such as 2025-26/],
      ['pc4', '2025-26', /period does not apply to pc4/],
    ] as const) {
      const res = await start(formKey, period);
      expect([formKey, period, res.status]).toEqual([formKey, period, 400]);
      expect(res.body.message[0]).toMatch(reason);
    }
    expect((await start('pc3b', '2025-12')).status).toBe(201);
    expect((await start('pc3a', '1999-00')).status).toBe(201);
    expect((await start('pc5', '2026-27')).status).toBe(201);
  });

  test(
    "a revision is routed by its increase over the project's approved cost; " +
      'approving it keeps the first approval date',
    async () => {
      const api = h.on(kp.host);
      const { id, projectId } = await validDraft(h, t); // approved at Rs 3,128.2 million
      await toForum(h, t, id);
      await act(h, kp.host, t.approver, id, 'approve').then((r) => expect(r.status).toBe(200));
      // As if approved early in 2025, so the monthly reports it owes are known.
      await h.dataSource.query(`UPDATE ${schemaNameFor('kp')}.projects SET approved_at = '2025-01-15' WHERE id = $1`, [
        projectId,
      ]);

      const revised = await api
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send({ formKey: 'pc1-revised' })
        .expect(201);
      const revisedId = revised.body.id as string;
      // The example revision: Rs 2,405 m against an "original" of 1,850 m in its own tables (+30 %),
      // but 23 % below the Rs 3,128.2 m the forum approved: within the permitted 15 %.
      const example = fixture('pc1-revised');
      const first = await api
        .put(`/api/documents/${revisedId}`, t.preparer)
        .send({ revision: 1, data: example })
        .expect(200);
      expect(first.body).toMatchObject({ valid: true, totalCost: '2405.000' });
      const within = await api.get(`/api/documents/${revisedId}/routing`, t.viewer).expect(200);
      expect(within.body).toMatchObject({ increasePct: '-23.119', rule: { code: 'kp-ddwp-revision-within-15' } });

      // Raising the revised cost by 20 % of the approved one while editing the "original" to
      // look close to it does not keep the revision with the department.
      const inflated = structuredClone(example);
      inflated.capitalCost.revised.rows.push({
        item: 'Additional works',
        year: '2026-27',
        local: '1348.840',
        fec: '0.000',
      });
      delete inflated.capitalCost.revised.totals;
      inflated.capitalCost.original.rows[0].local = String(Number(inflated.capitalCost.original.rows[0].local) + 1750);
      delete inflated.capitalCost.original.rows[0].total;
      delete inflated.capitalCost.original.totals;
      const saved = await api
        .put(`/api/documents/${revisedId}`, t.preparer)
        .send({ revision: 2, data: inflated })
        .expect(200);
      expect(saved.body.totalCost).toBe('3753.840');
      const beyond = await api.get(`/api/documents/${revisedId}/routing`, t.viewer).expect(200);
      expect(beyond.body).toMatchObject({ increasePct: '20.000', rule: { code: 'kp-pdwp' } });

      await api.put(`/api/documents/${revisedId}`, t.preparer).send({ revision: 3, data: example }).expect(200);
      await api
        .post(`/api/documents/${revisedId}/attachments`, t.preparer)
        .field('kind', 'feasibility-study')
        .attach('file', PDF, { filename: 'feasibility.pdf', contentType: 'application/pdf' })
        .expect(201);
      await toForum(h, t, revisedId);
      const approved = await act(h, kp.host, t.approver, revisedId, 'approve');
      expect(approved.body).toMatchObject({
        state: 'approved',
        forum: 'kp-ddwp',
        forumRule: 'kp-ddwp-revision-within-15',
      });
      const project = await api.get(`/api/projects/${projectId}`, t.viewer).expect(200);
      expect(project.body).toMatchObject({
        status: 'approved',
        approvedCost: '2405.000',
        approvedAt: '2025-01-15',
        approvedForum: 'kp-ddwp',
        baselineCost: '3128.200',
      });
      // Approved within the department's 15 %, the revision leaves the baseline where the PDWP set
      // it: the next revision is measured against Rs 3,128.2 m too, so small steps cannot add up.
      const second = await api
        .post(`/api/projects/${projectId}/documents`, t.preparer)
        .send({ formKey: 'pc1-revised' })
        .expect(201);
      expect(second.body).toMatchObject({ sequence: 2, parentId: revisedId });
      const secondRouting = await api.get(`/api/documents/${second.body.id}/routing`, t.viewer).expect(200);
      expect(secondRouting.body).toMatchObject({ figures: { totalCost: '2405.000' }, increasePct: '-23.119' });
      const owed = await api.get('/api/obligations?status=all&on=2025-04-10', t.viewer).expect(200);
      const mine = owed.body.items.filter((o: { projectId: string }) => o.projectId === projectId);
      expect(mine.map((o: { period: string; status: string }) => `${o.period} ${o.status}`)).toEqual([
        '2025-02 overdue',
        '2025-03 overdue',
        '2025-04 due',
      ]);
      await api.get('/api/obligations?on=2026-02-30', t.viewer).expect(400);
    },
  );

  test('a draft with amounts beyond any budget saves with its errors (all of them counted) and no cost', async () => {
    const api = h.on(kp.host);
    const created = await api
      .post('/api/projects', t.preparer)
      .send({ title: 'Overflowing draft', formKey: 'pc1-infrastructure' })
      .expect(201);
    const id = created.body.document.id as string;
    const rows = Array.from({ length: 150 }, (_, i) => ({
      item: `Item ${i + 1}`,
      year: '2025-26',
      local: '99999999999999999',
      fec: '0',
    }));
    const saved = await api
      .put(`/api/documents/${id}`, t.preparer)
      .send({ revision: 1, data: { name: { title: 'Overflowing draft' }, capitalCost: { estimate: { rows } } } })
      .expect(200);
    expect(saved.body.totalCost).toBeNull();
    expect(saved.body.errors.length).toBe(200);
    expect(saved.body.truncated).toBe(true);
    expect(saved.body.errorCount).toBeGreaterThan(300); // each row's amount and its total, and more
    const listed = await api.get('/api/documents?mine=drafts&q=overflowing', t.preparer).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id, errorCount: saved.body.errorCount, totalCost: null });
    const revisions = await api.get(`/api/documents/${id}/revisions`, t.preparer).expect(200);
    expect(revisions.body[0]).toMatchObject({ revision: 2, errorCount: saved.body.errorCount });
  });

  // Last: it changes KP's workflow for the documents after it.
  test(
    'the workflow is province configuration: unsound ones are refused, ' + 'a new one applies to the next transition',
    async () => {
      const current = (await h.on(kp.host).get('/api/workflow', t.viewer).expect(200)).body;
      expect(current.version).toBe(1);
      const unreachable = structuredClone(current.config);
      unreachable.states.push({ id: 'limbo', label: { en: 'Limbo', ur: 'لمبو' }, editable: false });
      const bad = await h.on(kp.host).put('/api/workflow', kp.adminToken).send(unreachable).expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([
          'state "limbo" cannot be reached from "draft"',
          'state "limbo" is not final but no action leaves it',
        ]),
      );
      const roleless = structuredClone(current.config);
      roleless.actions[0].roles = [];
      expect(
        (await h.on(kp.host).put('/api/workflow', kp.adminToken).send(roleless).expect(400)).body.message,
      ).toContain('action "submit" has no role that may take it');
      const unknownRole = structuredClone(current.config);
      unknownRole.actions[0].roles = ['chief-minister'];
      await h.on(kp.host).put('/api/workflow', kp.adminToken).send(unknownRole).expect(400);
      await h
        .on(kp.host)
        .put('/api/workflow', kp.adminToken)
        .send({ ...current.config, extra: true })
        .expect(400);
      await h.on(kp.host).put('/api/workflow', t.reviewer).send(current.config).expect(403);

      // A document waiting in department review keeps that state alive.
      const waiting = await validDraft(h, t);
      expect((await act(h, kp.host, t.preparer, waiting.id, 'submit')).status).toBe(200);
      expect((await act(h, kp.host, t.reviewer, waiting.id, 'start-review')).status).toBe(200);
      const shorter = structuredClone(current.config);
      shorter.states = shorter.states.filter((s: { id: string }) => s.id !== 'department-review');
      shorter.actions = shorter.actions.filter((a: { id: string }) => a.id !== 'forward-to-pnd');
      shorter.actions.find((a: { id: string }) => a.id === 'start-review').to = 'pnd-scrutiny';
      const ret = shorter.actions.find((a: { id: string }) => a.id === 'return');
      ret.from = ret.from.filter((s: string) => s !== 'department-review');
      const inUse = await h.on(kp.host).put('/api/workflow', kp.adminToken).send(shorter).expect(400);
      expect(inUse.body.message).toEqual(['documents are in state(s) department-review, which the new workflow drops']);
      expect((await act(h, kp.host, t.reviewer, waiting.id, 'forward-to-pnd')).status).toBe(200);

      // KP drops the department review: start-review now leads straight to P&D scrutiny.
      const saved = await h.on(kp.host).put('/api/workflow', kp.adminToken).send(shorter).expect(200);
      expect(saved.body.version).toBe(2);
      const next = await validDraft(h, t);
      expect((await act(h, kp.host, t.preparer, next.id, 'submit')).status).toBe(200);
      const moved = await act(h, kp.host, t.reviewer, next.id, 'start-review');
      expect(moved.body).toMatchObject({ state: 'pnd-scrutiny', workflowVersion: 2 });
      expect((await act(h, kp.host, t.reviewer, next.id, 'forward-to-pnd')).status).toBe(404);
    },
  );
});
