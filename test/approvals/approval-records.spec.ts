import { ApprovalsService } from '../../src/approvals/approvals.service';
import { Calendar, instantOnDay } from '../../src/common/calendar';
import { MigrationRunner } from '../../src/database/migration-runner.service';
import { ProvinceSchemas } from '../../src/tenancy/province-schemas.service';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness } from '../support/harness';
import { act, fixture, PDF, Province, startWithDemoProvinces, team, Team } from '../projects/support';

/*
 * Approval records (issue 13, items 2 and 7): a historical KP project whose PC-I a forum approved
 * in 2014 at a cost other than the PC-I's, then two revised PC-Is approved later, entered now
 * with their decision dates, meetings, minutes and letter. Routing follows the rules of each
 * decision date; each revision's increase is measured against the cost last approved; the
 * project's approved cost, forum and dates follow its records; decisions that cannot be true are
 * refused naming the field; GB cannot see or decide KP's documents; the project list filters and
 * sorts by the approval figures.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PCI_PREPARED = '2013-11-20';
const PCI_DECIDED = '2014-03-12';
const FIRST_REVISION_DECIDED = '2017-05-20';
const SECOND_REVISION_DECIDED = '2021-02-10';
/** The example revised PC-I's own cost (Rs million): both revisions are entered with it. */
const REVISED_COST = '2405.000';

describe('approval records (kp, gb)', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let t: Team;
  let gbTeam: Team;
  let pcI: { id: string; projectId: string; letterId: string };
  let firstRevisionId: string;
  let secondRevisionId: string;
  let recent: { id: string; projectId: string };
  let utror: { id: string; projectId: string };

  const api = () => h.on(kp.host);
  const decide = (id: string, action: string, body: Json, token = t.approver, host = kp.host) =>
    h.on(host).post(`/api/documents/${id}/actions/${action}`, token).send(body);
  const project = async (id: string) => (await api().get(`/api/projects/${id}`, t.viewer).expect(200)).body;

  /** Answers whatever scrutiny warnings the document has, so submission is judged on errors only. */
  async function answerWarnings(id: string) {
    const doc = (await api().get(`/api/documents/${id}`, t.preparer).expect(200)).body;
    for (const w of (doc.warnings ?? []) as { key: string; answer: unknown }[]) {
      if (!w.answer)
        await api()
          .post(`/api/documents/${id}/warning-answers`, t.preparer)
          .send({ key: w.key, answer: 'Figures as published in the approved document' })
          .expect(200);
    }
  }

  async function attach(id: string, kind: string, fileName: string): Promise<string> {
    const res = await api()
      .post(`/api/documents/${id}/attachments`, t.preparer)
      .field('kind', kind)
      .attach('file', PDF, { filename: fileName, contentType: 'application/pdf' })
      .expect(201);
    return res.body.id;
  }

  /** The forum's approval letter, filed by whoever takes the decision. */
  const fileLetter = (id: string, token: string) =>
    api()
      .post(`/api/documents/${id}/approval-letter`, token)
      .attach('file', PDF, { filename: 'pdwp-approval-letter-2014.pdf', contentType: 'application/pdf' });

  async function toForum(id: string) {
    await answerWarnings(id);
    const submitted = await act(h, kp.host, t.preparer, id, 'submit');
    expect([submitted.status, submitted.body.message]).toEqual([200, undefined]);
    for (const step of ['start-review', 'forward-to-pnd', 'place-before-forum'])
      expect((await act(h, kp.host, t.reviewer, id, step)).status).toBe(200);
  }

  /** A revised PC-I of the project, as its department prepared it on `prepared` (the example revision's figures). */
  async function revision(
    projectId: string,
    prepared: string,
    approvedPcI: { forum: string; date: string },
  ): Promise<string> {
    const created = await api()
      .post(`/api/projects/${projectId}/documents`, t.preparer)
      .send({ formKey: 'pc1-revised' })
      .expect(201);
    const data = fixture('pc1-revised');
    data.cover = {
      ...data.cover,
      parentDocumentId: pcI.id,
      preparationDate: prepared,
      approvalForum: approvedPcI.forum,
      approvalDate: approvedPcI.date,
    };
    const saved = await api()
      .put(`/api/documents/${created.body.id}`, t.preparer)
      .send({ revision: created.body.revision, data })
      .expect(200);
    expect(saved.body).toMatchObject({ totalCost: REVISED_COST });
    await attach(created.body.id, 'feasibility-study', 'feasibility.pdf');
    await toForum(created.body.id);
    return created.body.id;
  }

  beforeAll(async () => {
    ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_approval_records'));
    [t, gbTeam] = await Promise.all([team(h, kp), team(h, gb)]);
    // The PDWP bands of two past financial years as this spec states them (above every seeded
    // rule), so what the 2014 and 2017 decisions are routed by is known whatever rules for those
    // years the province has.
    for (const [code, from, to] of [
      ['spec-kp-pdwp-fy2014', '2013-07-01', '2014-06-30'],
      ['spec-kp-pdwp-fy2017', '2016-07-01', '2017-06-30'],
    ]) {
      await api()
        .post('/api/forum-rules', kp.adminToken)
        .send({
          code,
          forum: 'kp-pdwp',
          minCost: '400',
          maxCost: '10000',
          effectiveFrom: from,
          effectiveTo: to,
          priority: 90,
          source: `Test: PDWP band ${from} to ${to}`,
        })
        .expect(201);
    }

    // The PC-I as prepared in November 2013, with the approval letter on file.
    const created = await api()
      .post('/api/projects', t.preparer)
      .send({ title: 'Bahrain–Kalam road', formKey: 'pc1-infrastructure' })
      .expect(201);
    const id = created.body.document.id as string;
    const data = fixture('pc1-infrastructure');
    data.cover.preparationDate = PCI_PREPARED;
    await api().put(`/api/documents/${id}`, t.preparer).send({ revision: 1, data }).expect(200);
    await attach(id, 'feasibility-study', 'feasibility.pdf');
    // The forum's letter is no part of a draft, and not the preparer's to file.
    expect((await fileLetter(id, t.approver).expect(409)).body.message).toMatch(
      /when it is before its forum or decided/,
    );
    await toForum(id);
    await fileLetter(id, t.preparer).expect(403);
    const viaAttachments = await api()
      .post(`/api/documents/${id}/attachments`, t.preparer)
      .field('kind', 'approval-letter')
      .attach('file', PDF, { filename: 'l.pdf', contentType: 'application/pdf' })
      .expect(403);
    expect(viaAttachments.body.message).toMatch(/needs the role approver/);
    // Before the forum, the approver files the letter that comes with the decision.
    const letterId = (await fileLetter(id, t.approver).expect(201)).body.id as string;
    pcI = { id, projectId: created.body.project.id, letterId };

    // A project approved today at its own cost, to compare with in the list.
    const other = await api()
      .post('/api/projects', t.preparer)
      .send({ title: 'Swat expressway link', formKey: 'pc1-infrastructure' })
      .expect(201);
    await api()
      .put(`/api/documents/${other.body.document.id}`, t.preparer)
      .send({ revision: 1, data: fixture('pc1-infrastructure') })
      .expect(200);
    await attach(other.body.document.id, 'feasibility-study', 'feasibility.pdf');
    await toForum(other.body.document.id);
    recent = { id: other.body.document.id, projectId: other.body.project.id };
  });
  afterAll(() => h?.close());

  test('a decision that cannot be true is refused naming the field, and nothing is written', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const refusals: [Json, string, RegExp][] = [
      [{ decisionDate: tomorrow }, 'decision.decisionDate', /is in the future/],
      [
        { decisionDate: '2013-10-01' },
        'decision.decisionDate',
        new RegExp(`before the document was prepared \\(${PCI_PREPARED}\\)`),
      ],
      [
        { decisionDate: PCI_DECIDED, meetingDate: '2014-03-13' },
        'decision.meetingDate',
        /cannot be after the decision/,
      ],
      [
        { decisionDate: PCI_DECIDED, outcome: 'approved-with-changes', conditions: 'Scope reduced' },
        'decision.approvedCost',
        /must state the cost the forum approved/,
      ],
      [
        { decisionDate: PCI_DECIDED, outcome: 'approved-with-changes', approvedCost: '2000' },
        'decision.conditions',
        /must state the changes/,
      ],
      [
        { decisionDate: PCI_DECIDED, letterAttachmentId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' },
        'decision.letterAttachmentId',
        /not an attachment of this document/,
      ],
    ];
    for (const [decision, field, why] of refusals) {
      const res = await decide(pcI.id, 'approve', { decision });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.message).toEqual([expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}: `))]);
      expect(res.body.message[0]).toMatch(why);
    }
    // Shape errors come from the request validation, naming the nested field.
    const negative = await decide(pcI.id, 'approve', { decision: { approvedCost: '-5' } }).expect(400);
    expect(Object.keys(negative.body.fields)).toEqual(['decision.approvedCost']);
    const badDate = await decide(pcI.id, 'approve', { decision: { decisionDate: '2014-02-30' } }).expect(400);
    expect(badDate.body.fields).toEqual({
      'decision.decisionDate': ['decision.decisionDate must be a real date (YYYY-MM-DD)'],
    });
    // A rejection has no approved cost; a submission is no forum decision.
    expect(
      (await decide(pcI.id, 'reject', { comment: 'Duplicate', decision: { approvedCost: '10' } }).expect(400)).body
        .message[0],
    ).toMatch(/^decision\.approvedCost: only an approval/);

    const doc = (await api().get(`/api/documents/${pcI.id}`, t.viewer).expect(200)).body;
    expect(doc).toMatchObject({ state: 'forum', decidedAt: null });
    expect((await api().get(`/api/documents/${pcI.id}/decisions`, t.viewer).expect(200)).body).toEqual([]);
    expect(await project(pcI.projectId)).toMatchObject({ status: 'preparation', approvedCost: null, approvedAt: null });
  });

  test('another province neither sees nor decides the document', async () => {
    await h.on(gb.host).get(`/api/documents/${pcI.id}/decisions`, gbTeam.viewer).expect(404);
    await h.on(gb.host).get(`/api/projects/${pcI.projectId}/approvals`, gbTeam.viewer).expect(404);
    await decide(pcI.id, 'approve', { decision: { decisionDate: PCI_DECIDED } }, gbTeam.approver, gb.host).expect(404);
    // A KP token on GB's host is refused outright.
    await h.on(gb.host).get(`/api/documents/${pcI.id}/decisions`, t.viewer).expect(401);
    expect((await api().get(`/api/documents/${pcI.id}`, t.viewer).expect(200)).body.state).toBe('forum');
  });

  test(
    'the PC-I approved in 2014 at another cost: routed by the rules of 2014, ' +
      'recorded with its meeting, minutes and letter',
    async () => {
      // Today the PC-I would be routed by today's rules, not the 2014 band.
      const today = (await api().get(`/api/documents/${pcI.id}/routing`, t.viewer).expect(200)).body;
      expect(today.rule?.code).not.toBe('spec-kp-pdwp-fy2014');

      const approved = await decide(pcI.id, 'approve', {
        comment: 'Approved with reduced scope',
        decision: {
          decisionDate: PCI_DECIDED,
          meetingNumber: '3rd PDWP meeting 2013-14',
          meetingDate: '2014-03-10',
          outcome: 'approved-with-changes',
          approvedCost: '2000',
          conditions: 'Scope limited to Bahrain–Kalam (34 km); Kalam bypass to be taken up in a separate PC-I',
          minutesReference: 'No. PDWP/2013-14/3, item 7',
          letterAttachmentId: pcI.letterId,
        },
      }).expect(200);
      expect(approved.body).toMatchObject({
        state: 'approved',
        forum: 'kp-pdwp',
        forumRule: 'spec-kp-pdwp-fy2014',
        decision: {
          documentId: pcI.id,
          documentKind: 'pc1',
          documentSequence: 0,
          decision: 'approved-with-changes',
          decisionDate: PCI_DECIDED,
          meetingDate: '2014-03-10',
          meetingNumber: '3rd PDWP meeting 2013-14',
          documentCost: '3128.200',
          approvedCost: '2000.000',
          forum: 'kp-pdwp',
          forumRule: 'spec-kp-pdwp-fy2014',
          minutesReference: 'No. PDWP/2013-14/3, item 7',
          letterAttachmentId: pcI.letterId,
          origin: 'recorded',
          increasePct: null,
          routingWarnings: [],
        },
      });

      // The document and its transition record the rule; the document is decided on the decision date.
      const doc = (await api().get(`/api/documents/${pcI.id}`, t.viewer).expect(200)).body;
      expect(doc).toMatchObject({ state: 'approved', forum: 'kp-pdwp', totalCost: '3128.200' });
      expect(new Date(doc.decidedAt).toISOString().slice(0, 10)).toBe(PCI_DECIDED);
      const transitions = (await api().get(`/api/documents/${pcI.id}/transitions`, t.viewer).expect(200)).body;
      expect(transitions.at(-1)).toMatchObject({
        action: 'approve',
        forum: 'kp-pdwp',
        forumRule: 'spec-kp-pdwp-fy2014',
      });

      // The project follows the record: the approved cost is the forum's, beside the PC-I's own.
      expect(await project(pcI.projectId)).toMatchObject({
        status: 'approved',
        approvedCost: '2000.000',
        approvedForum: 'kp-pdwp',
        approvedAt: PCI_DECIDED,
        baselineCost: '2000.000',
        totalCost: '3128.200',
        completedAt: null,
        approvedDocumentId: pcI.id,
        sector: 'transport-communications',
        districts: ['swat'],
      });

      // The past date is audited with the decision.
      const audit = (await api().get('/api/audit?action=document.transition', kp.adminToken).expect(200)).body.items;
      expect(audit.find((e: Json) => e.targetId === pcI.id && e.details.action === 'approve')?.details).toMatchObject({
        decisionDate: PCI_DECIDED,
        backdated: true,
        forumRule: 'spec-kp-pdwp-fy2014',
      });
      const recorded = (await api().get('/api/audit?action=approval-record.created', kp.adminToken).expect(200)).body
        .items;
      expect(recorded.find((e: Json) => e.targetId === pcI.id)?.details).toMatchObject({
        decision: 'approved-with-changes',
        decisionDate: PCI_DECIDED,
        approvedCost: '2000.000',
        origin: 'recorded',
        backdated: true,
      });
    },
  );

  test(
    'two revisions approved later: each increase measured against ' +
      'the cost last approved, the project following its records',
    async () => {
      // First revision: Rs 2,405 m against the Rs 2,000 m the PDWP approved in 2014 (not the PC-I's
      // 3,128.2 m): +20.25 %, beyond the 15 % a department may approve, so back to the PDWP.
      firstRevisionId = await revision(pcI.projectId, '2017-02-01', { forum: 'kp-pdwp', date: PCI_DECIDED });
      const routed = (await api().get(`/api/documents/${firstRevisionId}/routing`, t.viewer).expect(200)).body;
      expect(routed).toMatchObject({ increasePct: '20.250', baselineCost: '2000.000' });
      const first = await decide(firstRevisionId, 'approve', {
        decision: {
          decisionDate: FIRST_REVISION_DECIDED,
          meetingNumber: '5th PDWP meeting 2016-17',
          meetingDate: FIRST_REVISION_DECIDED,
          approvedCost: '2300',
        },
      }).expect(200);
      expect(first.body).toMatchObject({
        forum: 'kp-pdwp',
        forumRule: 'spec-kp-pdwp-fy2017',
        decision: {
          documentKind: 'pc1-revised',
          documentSequence: 1,
          decision: 'approved',
          documentCost: REVISED_COST,
          approvedCost: '2300.000',
          baselineCost: '2000.000',
          increasePct: '20.250',
        },
      });
      expect(await project(pcI.projectId)).toMatchObject({
        approvedCost: '2300.000',
        approvedForum: 'kp-pdwp',
        approvedAt: PCI_DECIDED,
        baselineCost: '2300.000',
        approvedDocumentId: firstRevisionId,
      });

      // Second revision: the same Rs 2,405 m is now +4.565 % over the Rs 2,300 m approved in 2017,
      // within the 15 % the department's forum may approve; approved at its own cost (the default).
      secondRevisionId = await revision(pcI.projectId, '2020-10-01', {
        forum: 'kp-pdwp',
        date: FIRST_REVISION_DECIDED,
      });
      const second = await decide(secondRevisionId, 'approve', {
        decision: { decisionDate: SECOND_REVISION_DECIDED, minutesReference: 'DDWP C&W 2020-21/14' },
      }).expect(200);
      expect(second.body).toMatchObject({
        forum: 'kp-ddwp',
        forumRule: 'kp-ddwp-revision-within-15',
        decision: {
          documentSequence: 2,
          decision: 'approved',
          documentCost: REVISED_COST,
          approvedCost: REVISED_COST,
          baselineCost: '2300.000',
          increasePct: '4.565',
          meetingNumber: null,
        },
      });
      // Approved within the permitted increase: the approved cost moves, the baseline stays where the PDWP set it.
      expect(await project(pcI.projectId)).toMatchObject({
        status: 'approved',
        approvedCost: REVISED_COST,
        approvedForum: 'kp-ddwp',
        approvedAt: PCI_DECIDED,
        baselineCost: '2300.000',
        approvedDocumentId: secondRevisionId,
      });

      // The history, oldest first, costs side by side.
      const history = (await api().get(`/api/projects/${pcI.projectId}/approvals`, t.viewer).expect(200))
        .body as Json[];
      expect(
        history.map((r) => [
          r.documentKind,
          r.documentSequence,
          r.decisionDate,
          r.decision,
          r.forum,
          r.forumRule,
          r.documentCost,
          r.approvedCost,
          r.increasePct,
        ]),
      ).toEqual([
        [
          'pc1',
          0,
          PCI_DECIDED,
          'approved-with-changes',
          'kp-pdwp',
          'spec-kp-pdwp-fy2014',
          '3128.200',
          '2000.000',
          null,
        ],
        [
          'pc1-revised',
          1,
          FIRST_REVISION_DECIDED,
          'approved',
          'kp-pdwp',
          'spec-kp-pdwp-fy2017',
          REVISED_COST,
          '2300.000',
          '20.250',
        ],
        [
          'pc1-revised',
          2,
          SECOND_REVISION_DECIDED,
          'approved',
          'kp-ddwp',
          'kp-ddwp-revision-within-15',
          REVISED_COST,
          REVISED_COST,
          '4.565',
        ],
      ]);
      const decisions = (await api().get(`/api/documents/${pcI.id}/decisions`, t.viewer).expect(200)).body;
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({
        conditions: expect.stringMatching(/^Scope limited/),
        letterAttachmentId: pcI.letterId,
      });
    },
  );

  test(
    'a return before the forum is a recorded decision; ' + 'a submission or a return in the department is not',
    async () => {
      const created = await api()
        .post('/api/projects', t.preparer)
        .send({ title: 'Kalam–Utror road', formKey: 'pc1-infrastructure' })
        .expect(201);
      const id = created.body.document.id as string;
      await api()
        .put(`/api/documents/${id}`, t.preparer)
        .send({ revision: 1, data: fixture('pc1-infrastructure') })
        .expect(200);
      await attach(id, 'feasibility-study', 'feasibility.pdf');
      await answerWarnings(id);
      const submit = await decide(id, 'submit', { decision: { decisionDate: '2025-10-01' } }, t.preparer).expect(400);
      expect(submit.body.message[0]).toMatch(/^decision: "submit" .* is not a forum decision/);
      expect((await act(h, kp.host, t.preparer, id, 'submit')).status).toBe(200);
      expect((await act(h, kp.host, t.reviewer, id, 'start-review')).status).toBe(200);
      await decide(
        id,
        'return',
        { comment: 'Incomplete annexures', decision: { meetingNumber: '1' } },
        t.reviewer,
      ).expect(400);
      expect((await act(h, kp.host, t.reviewer, id, 'return', 'Incomplete annexures')).status).toBe(200);
      expect((await api().get(`/api/documents/${id}/decisions`, t.viewer).expect(200)).body).toEqual([]);

      await answerWarnings(id);
      for (const [token, step] of [
        [t.preparer, 'submit'],
        [t.reviewer, 'start-review'],
        [t.reviewer, 'forward-to-pnd'],
        [t.reviewer, 'place-before-forum'],
      ]) {
        expect((await act(h, kp.host, token, id, step)).status).toBe(200);
      }
      const returned = await decide(id, 'return', {
        comment: 'Rates to be revised',
        decision: { meetingNumber: '7th PDWP meeting 2025-26', minutesReference: 'PDWP/2025-26/7' },
      }).expect(200);
      expect(returned.body.decision).toMatchObject({
        decision: 'returned',
        approvedCost: null,
        documentCost: '3128.200',
        meetingNumber: '7th PDWP meeting 2025-26',
        origin: 'workflow',
      });
      expect(await project(created.body.project.id)).toMatchObject({ status: 'preparation', approvedCost: null });
      utror = { id, projectId: created.body.project.id };
    },
  );

  test('the project list filters and sorts by approved cost, forum and approval date', async () => {
    await decide(recent.id, 'approve', {}).expect(200);
    const mine = [pcI.projectId, recent.projectId];
    const list = async (query: string) =>
      ((await api().get(`/api/projects?pageSize=100&${query}`, t.viewer).expect(200)).body.items as Json[]).filter(
        (p) => mine.includes(p.id),
      );

    expect((await list('approvedForum=kp-ddwp')).map((p) => p.id)).toEqual([pcI.projectId]);
    expect((await list('approvedForum=kp-pdwp')).map((p) => p.id)).toEqual([recent.projectId]);
    expect((await list('approvedFrom=2014-01-01&approvedTo=2014-12-31')).map((p) => p.id)).toEqual([pcI.projectId]);
    expect((await list('approvedFrom=2015-01-01')).map((p) => p.id)).toEqual([recent.projectId]);
    expect((await list('minApprovedCost=2405&maxApprovedCost=2405')).map((p) => p.id)).toEqual([pcI.projectId]);
    expect((await list('minApprovedCost=3000&status=approved')).map((p) => p.id)).toEqual([recent.projectId]);
    const byCost = await list('sort=-approvedCost');
    expect(byCost.map((p) => [p.id, p.approvedCost])).toEqual([
      [recent.projectId, '3128.200'],
      [pcI.projectId, REVISED_COST],
    ]);
    expect((await list('sort=approvedAt')).map((p) => p.id)).toEqual([pcI.projectId, recent.projectId]);
    expect((await list('sort=-approvedAt')).map((p) => p.id)).toEqual([recent.projectId, pcI.projectId]);
    // Approved today: its approval date is its record's decision date.
    const [today] = (await api().get(`/api/documents/${recent.id}/decisions`, t.viewer).expect(200)).body;
    expect(today).toMatchObject({
      origin: 'workflow',
      decision: 'approved',
      documentCost: '3128.200',
      approvedCost: '3128.200',
    });
    expect(await project(recent.projectId)).toMatchObject({
      approvedAt: today.decisionDate,
      approvedForum: 'kp-pdwp',
      approvedCost: '3128.200',
    });
    // Projects never approved come after the approved ones, whichever the direction.
    const all = (await api().get('/api/projects?pageSize=100&sort=approvedCost', t.viewer).expect(200)).body
      .items as Json[];
    const firstUnapproved = all.findIndex((p) => p.approvedCost === null);
    expect(all.slice(firstUnapproved).every((p) => p.approvedCost === null)).toBe(true);

    const bad = await api().get('/api/projects?approvedFrom=2014-02-30&minApprovedCost=lots', t.viewer).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['approvedFrom', 'minApprovedCost']);
    // GB's list knows nothing of KP's approvals.
    expect(
      (await h.on(gb.host).get('/api/projects?approvedForum=kp-pdwp', gbTeam.viewer).expect(200)).body.items,
    ).toEqual([]);
  });

  test('completion: an approved PC-IV dates the project completed', async () => {
    const pc4 = await api()
      .post(`/api/projects/${pcI.projectId}/documents`, t.preparer)
      .send({ formKey: 'pc4' })
      .expect(201);
    await api()
      .put(`/api/documents/${pc4.body.id}`, t.preparer)
      .send({ revision: pc4.body.revision, data: fixture('pc4') })
      .expect(200);
    await toForum(pc4.body.id);
    const done = await decide(pc4.body.id, 'approve', { decision: { decisionDate: '2023-06-30' } }).expect(200);
    expect(done.body.decision).toMatchObject({
      documentKind: 'pc4',
      decision: 'approved',
      approvedCost: null,
      forum: null,
    });
    expect(await project(pcI.projectId)).toMatchObject({
      status: 'completed',
      completedAt: '2023-06-30',
      approvedCost: REVISED_COST,
      approvedAt: PCI_DECIDED,
    });
    // The list filters and sorts by the completion date too.
    const listed = async (query: string) =>
      ((await api().get(`/api/projects?${query}`, t.viewer).expect(200)).body.items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await listed('completedFrom=2023-06-30&completedTo=2023-06-30')).toEqual([pcI.projectId]);
    expect(await listed('completedFrom=2023-07-01')).toEqual([]);
    expect((await listed('sort=-completedAt'))[0]).toBe(pcI.projectId);
    expect((await api().get('/api/projects?completedTo=2023-02-30', t.viewer).expect(400)).body.message).toEqual([
      'completedTo must be a real date (YYYY-MM-DD)',
    ]);
    const schema = schemaNameFor('kp');
    const [row] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM ${schema}.approval_records WHERE project_id = $1`,
      [pcI.projectId],
    );
    expect(row.n).toBe(4);
  });

  test(
    'a decision from a legacy import (GB): checked like any other, ' +
      'idempotent by its key, the project following it',
    async () => {
      const gbApi = h.on(gb.host);
      const created = await gbApi
        .post('/api/projects', gbTeam.preparer)
        .send({ title: 'Gilgit water supply, phase II', formKey: 'pc1-social' })
        .expect(201);
      const [projectId, documentId] = [created.body.project.id as string, created.body.document.id as string];
      const record = (input: Record<string, unknown>) =>
        h.api.get(ProvinceSchemas).inSchema(schemaNameFor('gb'), (em) =>
          h.api.get(ApprovalsService).recordImported(em, {
            projectId,
            documentId,
            forum: 'gbdwp',
            decisionDate: '2019-04-02',
            decision: 'approved',
            importKey: 'gilgit-water-2/pc1/2019-04-02',
            routingWarnings: [],
            ...input,
          }),
        );
      const refusal = async (input: Record<string, unknown>) =>
        ((await record(input).catch((e) => e)).getResponse() as { message: string[] }).message[0];
      // The draft has no cost of its own: an approval must say what it approved.
      expect(await refusal({})).toMatch(/^approvedCost: an approval must state the cost approved/);
      expect(await refusal({ approvedCost: '850', decisionDate: '2099-01-01' })).toMatch(
        /^decisionDate: 2099-01-01 is in the future/,
      );
      expect(await refusal({ approvedCost: '850', meetingDate: '2019-04-05' })).toMatch(/^meetingDate: /);
      expect(await refusal({ approvedCost: '-1' })).toMatch(/^approvedCost: must be an amount/);
      // KP's document, seen from GB
      expect(await refusal({ approvedCost: '850', documentId: pcI.id })).toMatch(/^documentId: no document/);

      const mismatch = {
        code: 'forum-mismatch',
        message: { en: 'The rules of 2019-04-02 name gb-ddwp', ur: '2019-04-02 کے قواعد gb-ddwp بتاتے ہیں' },
        params: { expected: 'gb-ddwp' },
      };
      const first = await record({
        approvedCost: '850',
        documentCost: '910.5',
        meetingNumber: 'GBDWP 2/2019',
        meetingDate: '2019-03-28',
        routingWarnings: [mismatch],
      });
      expect(first).toMatchObject({
        created: true,
        record: {
          origin: 'import',
          importKey: 'gilgit-water-2/pc1/2019-04-02',
          decision: 'approved',
          forum: 'gbdwp',
          documentCost: '910.500',
          approvedCost: '850.000',
          routingWarnings: [mismatch],
        },
      });
      const again = await record({ approvedCost: '850', documentCost: '910.5', routingWarnings: [mismatch] });
      expect(again).toMatchObject({ created: false, record: { id: first.record.id } });
      const history = (await gbApi.get(`/api/projects/${projectId}/approvals`, gbTeam.viewer).expect(200)).body;
      expect(history.map((r: Json) => r.id)).toEqual([first.record.id]);
      const page = (await gbApi.get(`/api/projects/${projectId}`, gbTeam.viewer).expect(200)).body;
      expect(page).toMatchObject({
        status: 'approved',
        approvedCost: '850.000',
        approvedForum: 'gbdwp',
        approvedAt: '2019-04-02',
        approvedDocumentId: documentId,
      });
      // The record is a fact about the past: the document's own workflow state is the importer's business.
      expect(page.documents[0].state).toBe('draft');
      await api().get(`/api/projects/${projectId}/approvals`, t.viewer).expect(404);
    },
  );

  /** A KP PC-I of the example project prepared on `prepared`, with its feasibility study, placed before its forum. */
  async function pcIBeforeForum(
    title: string,
    prepared: string,
  ): Promise<{ id: string; projectId: string; feasibilityId: string }> {
    const created = await api()
      .post('/api/projects', t.preparer)
      .send({ title, formKey: 'pc1-infrastructure' })
      .expect(201);
    const id = created.body.document.id as string;
    const data = fixture('pc1-infrastructure');
    data.cover.preparationDate = prepared;
    await api().put(`/api/documents/${id}`, t.preparer).send({ revision: 1, data }).expect(200);
    const feasibilityId = await attach(id, 'feasibility-study', 'feasibility.pdf');
    await toForum(id);
    return { id, projectId: created.body.project.id, feasibilityId };
  }

  const shiftDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  test(
    'a past decision with no forum rule in force is recorded with the forum it names and a no-rule warning; ' +
      'decisions stay in date order; the letter filed afterwards is linked',
    async () => {
      // A date before every rule the province has (seeded or added by this spec).
      const rules = (await api().get('/api/forum-rules', t.viewer).expect(200)).body as Json[];
      const earliest = rules.map((r) => r.effectiveFrom as string).sort()[0];
      const deferredOn = shiftDays(earliest, -300);
      const approvedOn = shiftDays(earliest, -200);
      const chitral = await pcIBeforeForum('Chitral–Garam Chashma road', shiftDays(earliest, -400));
      const approve = (decision: Json) => decide(chitral.id, 'approve', { decision });

      // The forum must be named, and be one of the province's forums; the letter must be an approval letter.
      const unnamed = await approve({ decisionDate: approvedOn }).expect(400);
      expect(unnamed.body.message).toEqual([
        expect.stringMatching(
          new RegExp(`^decision\\.forum: required: no forum rule of this province was in force on ${approvedOn}`),
        ),
      ]);
      expect((await approve({ decisionDate: approvedOn, forum: 'nowhere-dwp' }).expect(400)).body.message[0]).toMatch(
        /^decision\.forum: "nowhere-dwp" is not one of this province's approval forums/,
      );
      expect(
        Object.keys((await approve({ decisionDate: approvedOn, forum: 'KP PDWP' }).expect(400)).body.fields),
      ).toEqual(['decision.forum']);
      const notALetter = await approve({
        decisionDate: approvedOn,
        forum: 'kp-pdwp',
        letterAttachmentId: chitral.feasibilityId,
      }).expect(400);
      expect(notALetter.body.message).toEqual([
        expect.stringMatching(
          /^decision\.letterAttachmentId: .* is a feasibility-study attachment, not an approval letter/,
        ),
      ]);
      expect((await api().get(`/api/documents/${chitral.id}/decisions`, t.viewer).expect(200)).body).toEqual([]);

      // Deferred first, with the forum named: a fact, kept with the routing's remarks.
      const deferred = await decide(chitral.id, 'defer', {
        comment: 'Land cost to be verified',
        decision: { decisionDate: deferredOn, forum: 'kp-pdwp' },
      }).expect(200);
      expect(deferred.body).toMatchObject({
        state: 'deferred',
        forum: 'kp-pdwp',
        forumRule: null,
        decision: { decision: 'deferred', forum: 'kp-pdwp', forumRuleId: null, origin: 'recorded' },
      });
      const noRule = deferred.body.decision.routingWarnings.find((w: Json) => w.code === 'no-rule');
      expect(noRule).toMatchObject({
        message: { en: expect.stringContaining(deferredOn), ur: expect.stringMatching(/[\u0600-\u06FF]/) },
        params: { decisionDate: deferredOn, recordedForum: 'kp-pdwp' },
      });
      expect((await act(h, kp.host, t.reviewer, chitral.id, 'place-before-forum')).status).toBe(200);

      // Not dated before the document's latest decision.
      const early = await approve({ decisionDate: shiftDays(deferredOn, -1), forum: 'kp-pdwp' }).expect(400);
      expect(early.body.message).toEqual([
        `decision.decisionDate: ${shiftDays(deferredOn, -1)} is before this document's latest ` +
          `decision (${deferredOn}); decisions are recorded in the order they were taken`,
      ]);

      const approved = await approve({
        decisionDate: approvedOn,
        forum: 'kp-pdwp',
        meetingNumber: '2nd PDWP meeting',
      }).expect(200);
      expect(approved.body).toMatchObject({
        state: 'approved',
        forum: 'kp-pdwp',
        forumRule: null,
        decision: {
          decision: 'approved',
          forum: 'kp-pdwp',
          forumRuleId: null,
          letterAttachmentId: null,
          approvedCost: '3128.200',
        },
      });
      expect(approved.body.decision.routingWarnings.map((w: Json) => w.code)).toContain('no-rule');
      expect(await project(chitral.projectId)).toMatchObject({
        status: 'approved',
        approvedForum: 'kp-pdwp',
        approvedAt: approvedOn,
        approvedCost: '3128.200',
      });
      const doc = (await api().get(`/api/documents/${chitral.id}`, t.viewer).expect(200)).body;
      expect([doc.forum, new Date(doc.decidedAt).toISOString()]).toEqual([
        'kp-pdwp',
        instantOnDay(approvedOn).toISOString(),
      ]);

      // The letter arrives after the decision: filed, then linked to the record.
      const recordId = approved.body.decision.id as string;
      const letterId = (await fileLetter(chitral.id, t.approver).expect(201)).body.id as string;
      const link = (
        attachmentId: string,
        token = t.approver,
        documentId = chitral.id,
        record = recordId,
        host = kp.host,
      ) => h.on(host).put(`/api/documents/${documentId}/decisions/${record}/letter`, token).send({ attachmentId });
      expect((await link(chitral.feasibilityId).expect(400)).body.message).toEqual([
        expect.stringMatching(/^attachmentId: .* is a feasibility-study attachment, not an approval letter/),
      ]);
      expect((await link(pcI.letterId).expect(400)).body.message).toEqual([
        `attachmentId: ${pcI.letterId} is not an attachment of this document`,
      ]);
      expect(Object.keys((await link('not-a-uuid').expect(400)).body.fields)).toEqual(['attachmentId']);
      await link(letterId, t.preparer).expect(403);
      await link(letterId, t.approver, pcI.id).expect(404); // the record is not the other document's
      await link(letterId, gbTeam.approver, chitral.id, recordId, gb.host).expect(404);
      const linked = await link(letterId).expect(200);
      expect(linked.body).toMatchObject({ id: recordId, letterAttachmentId: letterId, decision: 'approved' });
      expect(
        (await api().get(`/api/documents/${chitral.id}/decisions`, t.viewer).expect(200)).body.map((r: Json) => [
          r.decision,
          r.letterAttachmentId,
        ]),
      ).toEqual([
        ['deferred', null],
        ['approved', letterId],
      ]);
      const audit = (await api().get('/api/audit?action=approval-record.letter-linked', kp.adminToken).expect(200)).body
        .items as Json[];
      expect(audit.filter((e) => e.targetId === chitral.id).map((e) => e.details)).toEqual([
        { recordId, attachmentId: letterId, previousAttachmentId: null },
      ]);
    },
  );

  test(
    'a forum other than the rules of the date name is recorded with a forum-mismatch warning; ' +
      'a revision is not dated before the approval it revises; a completed project stays completed',
    async () => {
      const mingora = await pcIBeforeForum('Mingora bypass', PCI_PREPARED);
      const approvedOn = '2014-05-01';
      // The spec's 2014 band names the PDWP; the record says the DDWP decided: kept as recorded, with the remark.
      const approved = await decide(mingora.id, 'approve', {
        decision: { decisionDate: approvedOn, forum: 'kp-ddwp' },
      }).expect(200);
      expect(approved.body).toMatchObject({
        forum: 'kp-ddwp',
        forumRule: null,
        decision: { forum: 'kp-ddwp', forumRuleId: null, forumRule: null },
      });
      expect(approved.body.decision.routingWarnings).toEqual([
        expect.objectContaining({
          code: 'forum-mismatch',
          message: { en: expect.stringContaining('spec-kp-pdwp-fy2014'), ur: expect.stringMatching(/[\u0600-\u06FF]/) },
          params: expect.objectContaining({
            expectedForum: 'kp-pdwp',
            recordedForum: 'kp-ddwp',
            rule: 'spec-kp-pdwp-fy2014',
          }),
        }),
      ]);
      expect(await project(mingora.projectId)).toMatchObject({ approvedForum: 'kp-ddwp', approvedAt: approvedOn });

      // Imported as completed (no PC-IV on record), as the legacy import leaves such a project.
      const completedOn = '2019-12-31';
      await h.dataSource.query(
        `UPDATE ${schemaNameFor('kp')}.projects SET status = 'completed', completed_at = $2 WHERE id = $1`,
        [mingora.projectId, completedOn],
      );

      const created = await api()
        .post(`/api/projects/${mingora.projectId}/documents`, t.preparer)
        .send({ formKey: 'pc1-revised' })
        .expect(201);
      const revisionId = created.body.id as string;
      const data = fixture('pc1-revised');
      data.cover = {
        ...data.cover,
        parentDocumentId: mingora.id,
        preparationDate: '2014-03-01',
        approvalForum: 'kp-ddwp',
        approvalDate: approvedOn,
      };
      await api()
        .put(`/api/documents/${revisionId}`, t.preparer)
        .send({ revision: created.body.revision, data })
        .expect(200);
      await attach(revisionId, 'feasibility-study', 'feasibility.pdf');
      await toForum(revisionId);
      const beforeRevised = await decide(revisionId, 'approve', {
        decision: { decisionDate: '2014-04-01', forum: 'kp-pdwp' },
      }).expect(400);
      expect(beforeRevised.body.message).toEqual([
        `decision.decisionDate: 2014-04-01 is before the approval this revision revises (${approvedOn})`,
      ]);

      const revised = await decide(revisionId, 'approve', {
        decision: { decisionDate: '2020-03-01', forum: 'kp-pdwp' },
      }).expect(200);
      expect(revised.body.decision).toMatchObject({
        documentKind: 'pc1-revised',
        forum: 'kp-pdwp',
        approvedCost: REVISED_COST,
      });
      expect(await project(mingora.projectId)).toMatchObject({
        status: 'completed',
        completedAt: completedOn,
        approvedCost: REVISED_COST,
        approvedForum: 'kp-pdwp',
        approvedAt: approvedOn,
      });
    },
  );

  test('imported decisions: dated in order, and two runs of the same row at once write one record', async () => {
    const schema = schemaNameFor('gb');
    const db = h.api.get(ProvinceSchemas);
    const approvals = h.api.get(ApprovalsService);
    const created = await h
      .on(gb.host)
      .post('/api/projects', gbTeam.preparer)
      .send({ title: 'Skardu water supply', formKey: 'pc1-social' })
      .expect(201);
    const [projectId, documentId] = [created.body.project.id as string, created.body.document.id as string];
    const input = (importKey: string, extra: Json) => ({
      projectId,
      documentId,
      forum: 'gbdwp',
      decision: 'approved' as const,
      approvedCost: '640',
      routingWarnings: [],
      importKey,
      decisionDate: '2018-05-02',
      ...extra,
    });
    await db.inSchema(schema, (em) =>
      approvals.recordImported(
        em,
        input('skardu/deferred', { decision: 'deferred', approvedCost: null, decisionDate: '2018-03-01' }),
      ),
    );
    const outOfOrder = await db
      .inSchema(schema, (em) =>
        approvals.recordImported(em, input('skardu/approved-early', { decisionDate: '2018-02-01' })),
      )
      .catch((e) => e);
    expect((outOfOrder.getResponse() as Json).message).toEqual([
      "decisionDate: 2018-02-01 is before this document's latest decision (2018-03-01); " +
        'decisions are recorded in the order they were taken',
    ]);

    // The first run has written the record and not committed yet when the second one checks the key.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => (written = resolve));
    const first = db.inSchema(schema, async (em) => {
      const result = await approvals.recordImported(em, input('skardu/approved', {}));
      written();
      await gate;
      return result;
    });
    await firstWritten;
    const second = db.inSchema(schema, (em) => approvals.recordImported(em, input('skardu/approved', {})));
    // The second waits on the first's key in the unique index before the first commits.
    const POLLS = 200;
    let waiting = 0;
    for (let poll = 0; poll < POLLS && waiting === 0; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      [{ waiting }] = await h.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' ` +
          `AND query LIKE 'INSERT INTO approval_records%'`,
      );
    }
    release();
    expect(waiting).toBe(1);
    const [a, b] = await Promise.all([first, second]);
    expect([a.created, b.created, b.record.id]).toEqual([true, false, a.record.id]);
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM ${schema}.approval_records WHERE project_id = $1`,
      [projectId],
    );
    expect(n).toBe(2);
  });

  test(
    'a calendar date is stored as an instant on that day in the province, ' + 'for the workflow and the import alike',
    () => {
      const calendar = h.api.get(Calendar);
      for (const day of [PCI_DECIDED, '2016-06-30', '2016-07-01', '2024-12-31'])
        expect(calendar.dateOf(instantOnDay(day))).toBe(day);
      expect(() => instantOnDay('2014-02-30')).toThrow(/not a calendar date/);
    },
  );

  test(
    'migration 0015 records the decisions taken through the workflow before it, ' + 'as the workflow records them',
    async () => {
      const schema = schemaNameFor('kp');
      const columns =
        `document_id, document_kind, decision, to_char(decision_date, 'YYYY-MM-DD') AS day, forum, ` +
        `forum_rule_id, document_cost::text, approved_cost::text, origin, transition_id::text`;
      const workflowRecords = () =>
        h.dataSource.query(
          `SELECT ${columns} FROM ${schema}.approval_records WHERE project_id = ANY($1) ORDER BY transition_id`,
          [[recent.projectId, utror.projectId]],
        );
      const before = await workflowRecords();
      expect(before.map((r: Json) => `${r.decision} ${r.origin}`)).toEqual(['returned workflow', 'approved workflow']);
      const [{ approved_document_id: approvedDocument }] = await h.dataSource.query(
        `SELECT approved_document_id FROM ${schema}.projects WHERE id = $1`,
        [pcI.projectId],
      );
      // An approval taken before 0015 on a document whose cost nothing records (an empty draft, a
      // project without an approved cost): the backfill has no cost to record and leaves it out.
      const costless = await api()
        .post('/api/projects', t.preparer)
        .send({ title: 'Dir–Chitral link road', formKey: 'pc1-infrastructure' })
        .expect(201);
      const costlessId = costless.body.document.id as string;
      // Back to how a province looked before 0015, with its projects, documents and transitions kept.
      await h.dataSource.transaction(async (em) => {
        await em.query(
          `INSERT INTO ${schema}.document_transitions (document_id, action, from_state, to_state, actor_id, ` +
            `actor_email, comment, workflow_version, forum, forum_rule_id)
         SELECT $1, 'approve', 'forum', 'approved', actor_id, actor_email, NULL, workflow_version, ` +
            `'kp-pdwp', NULL FROM ${schema}.document_transitions ORDER BY id DESC LIMIT 1`,
          [costlessId],
        );
        await em.query(`DROP TABLE ${schema}.approval_records`);
        await em.query(`ALTER TABLE ${schema}.projects DROP COLUMN approved_document_id`);
        for (const index of [
          'project_list_approved_cost_idx',
          'project_list_approved_at_idx',
          'project_list_completed_at_idx',
          'project_list_status_idx',
        ])
          await em.query(`DROP INDEX ${schema}.${index}`);
        await em.query(`DELETE FROM ${schema}.schema_migrations WHERE id = '0015-approval-records'`);
      });
      const outcome = await h.api.get(MigrationRunner).migrateAllTenants();
      expect(outcome.map((o) => `${o.slug}: ${o.applied.join()}${o.error ?? ''}`).sort()).toEqual([
        'gb: ',
        'kp: 0015-approval-records',
      ]);
      // The return inside the department stays out; the return before the forum and the approval are back as they were.
      expect(await workflowRecords()).toEqual(before);
      // Decisions entered for the past were taken through the workflow too: the backfill dates them on their
      // transition's day.
      const historical = await h.dataSource.query(
        `SELECT document_kind, decision, origin FROM ${schema}.approval_records ` +
          `WHERE project_id = $1 ORDER BY transition_id`,
        [pcI.projectId],
      );
      expect(historical.map((r: Json) => `${r.document_kind} ${r.decision} ${r.origin}`)).toEqual([
        'pc1 approved workflow',
        'pc1-revised approved workflow',
        'pc1-revised approved workflow',
        'pc4 approved workflow',
      ]);
      const [{ approved_document_id: backfilled }] = await h.dataSource.query(
        `SELECT approved_document_id FROM ${schema}.projects WHERE id = $1`,
        [pcI.projectId],
      );
      expect([backfilled, approvedDocument]).toEqual([secondRevisionId, secondRevisionId]);
      expect(
        await h.dataSource.query(`SELECT approved_cost::text FROM ${schema}.approval_records WHERE document_id = $1`, [
          costlessId,
        ]),
      ).toEqual([]);
    },
  );
});
