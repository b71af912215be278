import { Harness } from '../support/harness';
import { act, fixture, PDF, Province, startWithDemoProvinces, team, Team, toForum } from './support';

/*
 * Scrutiny warnings on a real PC-I (pc1-infrastructure, KP): a save with warnings succeeds and
 * returns them; submission waits until each open warning is answered, naming the unanswered ones;
 * only the document's preparers answer, only warnings that are open, only while it is editable,
 * never from another province; reviewers read warnings with their answers; every answer is
 * audited. Placeholders in a required narrative item are errors unless marked not applicable.
 */

const NEAR_COST = 'allocation-near-cost@/planProvision/currentYearProvision';
const DURATION = 'duration-matches-dates@/implementation/durationMonths';
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Warning = {
  key: string;
  item: string;
  check: string;
  pointer: string;
  message: string;
  answer: null | { text: string; by: string; byName: string; at: string };
};

/**
 * The example PC-I with two observations: nearly the whole cost provided this year (item 4), and a period of 36 months
 * for 33 months of dates (item 12(a)).
 */
function withWarnings(): Data {
  const data = fixture('pc1-infrastructure');
  data.planProvision.currentYearProvision = '3000.000'; // of Rs 3,128.2 million, phased over three years
  data.implementation.durationMonths = 36; // 1 Oct 2025 – 30 Jun 2028 is 33 months
  return data;
}

describe('scrutiny warnings and their answers (kp, gb)', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let t: Team;
  let g: Team;

  beforeAll(async () => {
    ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_warnings'));
    [t, g] = await Promise.all([team(h, kp), team(h, gb)]);
  });
  afterAll(() => h?.close());

  const api = () => h.on(kp.host);
  const answer = (id: string, token: string, key: string, text: string) =>
    api().post(`/api/documents/${id}/warning-answers`, token).send({ key, answer: text });
  const keys = (warnings: Warning[]) => warnings.map((w) => w.key).sort();

  /** A draft saved with the two warnings, its feasibility study attached. */
  async function draftWithWarnings() {
    const created = await api()
      .post('/api/projects', t.preparer)
      .send({ title: 'Bahrain–Kalam road', formKey: 'pc1-infrastructure' })
      .expect(201);
    const id = created.body.document.id as string;
    const saved = await api()
      .put(`/api/documents/${id}`, t.preparer)
      .send({ revision: 1, data: withWarnings() })
      .expect(200);
    await api()
      .post(`/api/documents/${id}/attachments`, t.preparer)
      .field('kind', 'feasibility-study')
      .attach('file', PDF, { filename: 'feasibility.pdf', contentType: 'application/pdf' })
      .expect(201);
    return { id, saved: saved.body };
  }

  test('a save with warnings succeeds and returns them; the document stays valid', async () => {
    const { id, saved } = await draftWithWarnings();
    expect(saved).toMatchObject({ valid: true, errors: [], errorCount: 0, warningCount: 2 });
    expect(keys(saved.warnings)).toEqual([NEAR_COST, DURATION].sort());
    const near = saved.warnings.find((w: Warning) => w.key === NEAR_COST);
    expect(near).toMatchObject({
      pointer: '/planProvision/currentYearProvision',
      item: '4',
      check: 'allocation-near-cost',
      answer: null,
    });
    // named once, not "Item 4: Item 4: …"
    expect(near.message).toMatch(/^Item 4: the current year's provision is 90 % or more/);
    expect(saved.warnings.find((w: Warning) => w.key === DURATION)).toMatchObject({
      item: '12(a)',
      check: 'duration-matches-dates',
      answer: null,
    });

    const doc = await api().get(`/api/documents/${id}?locale=ur`, t.preparer).expect(200);
    expect(doc.body).toMatchObject({ valid: true, warningCount: 2 });
    expect(doc.body.warnings.find((w: Warning) => w.key === NEAR_COST).message).toMatch(/^مد 4/);
  });

  test(
    'submission without answers is refused naming the warnings; ' +
      'with all answered it goes through and reviewers read them',
    async () => {
      const { id } = await draftWithWarnings();
      const refused = await act(h, kp.host, t.preparer, id, 'submit');
      expect(refused.status).toBe(422);
      expect(refused.body.message).toBe(
        '2 warning(s) need an answer before submission: ' +
          'item 4 (allocation-near-cost), item 12(a) (duration-matches-dates)',
      );
      expect(refused.body.messageUr).toBe(
        'جمع کرانے سے پہلے 2 انتباہ(ات) کا جواب ضروری ہے: ' +
          'مد 4 (allocation-near-cost)، مد 12(a) (duration-matches-dates)',
      );
      expect(keys(refused.body.warnings)).toEqual([NEAR_COST, DURATION].sort());

      const first = await answer(
        id,
        t.preparer,
        NEAR_COST,
        'Land compensation of Rs 2,900 million is paid this year; works follow in the next two years.',
      ).expect(200);
      expect(first.body).toMatchObject({
        key: NEAR_COST,
        item: '4',
        answer: { text: expect.stringMatching(/^Land compensation/), byName: 'Test preparer' },
      });
      expect(first.body.answer.by).toMatch(/^[0-9a-f-]{36}$/);

      const stillOne = await act(h, kp.host, t.preparer, id, 'submit');
      expect(stillOne.status).toBe(422);
      expect(stillOne.body.message).toBe(
        '1 warning(s) need an answer before submission: item 12(a) (duration-matches-dates)',
      );
      expect(keys(stillOne.body.warnings)).toEqual([DURATION]);

      await answer(id, t.preparer, DURATION, 'Three months of defects liability are included in the period.').expect(
        200,
      );
      // An answer may be replaced; the audit log keeps both.
      await answer(
        id,
        t.preparer,
        NEAR_COST,
        'Compensation for 41 kanal is paid in 2025-26 (DC Swat award of 12 Aug 2025); works follow.',
      ).expect(200);
      // A save keeps the answers of warnings that stay open.
      const doc = await api().get(`/api/documents/${id}`, t.preparer).expect(200);
      const resaved = await api()
        .put(`/api/documents/${id}`, t.preparer)
        .send({ revision: doc.body.revision, data: withWarnings() })
        .expect(200);
      expect(resaved.body.warnings.every((w: Warning) => w.answer !== null)).toBe(true);
      // An edit that changes a warning's figures reopens it: the answer was given for Rs 3,000 million.
      const raised = withWarnings();
      raised.planProvision.currentYearProvision = '3100.000';
      const reopened = await api()
        .put(`/api/documents/${id}`, t.preparer)
        .send({ revision: resaved.body.revision, data: raised })
        .expect(200);
      const near = reopened.body.warnings.find((w: Warning) => w.key === NEAR_COST);
      expect(near).toMatchObject({
        answer: null,
        previousAnswer: {
          text: expect.stringMatching(/^Compensation for 41 kanal/),
          figures: { left: '3000', right: expect.any(String) },
        },
      });
      expect(
        keys(
          (
            await act(h, kp.host, t.preparer, id, 'submit').then((r) => {
              expect(r.status).toBe(422);
              return r;
            })
          ).body.warnings,
        ),
      ).toEqual([NEAR_COST]);
      // Back to the figures it was answered for, the answer holds again.
      await api()
        .put(`/api/documents/${id}`, t.preparer)
        .send({ revision: reopened.body.revision, data: withWarnings() })
        .expect(200);

      expect((await act(h, kp.host, t.preparer, id, 'submit')).status).toBe(200);
      await act(h, kp.host, t.reviewer, id, 'start-review').then((r) => expect(r.status).toBe(200));
      const reviewed = await api().get(`/api/documents/${id}`, t.reviewer).expect(200);
      expect(reviewed.body.state).toBe('department-review');
      expect(reviewed.body.warnings.map((w: Warning) => [w.key, w.answer?.text])).toEqual(
        expect.arrayContaining([
          [NEAR_COST, 'Compensation for 41 kanal is paid in 2025-26 (DC Swat award of 12 Aug 2025); works follow.'],
          [DURATION, 'Three months of defects liability are included in the period.'],
        ]),
      );
      expect(
        reviewed.body.warnings.every(
          (w: Warning) => w.answer?.byName === 'Test preparer' && !Number.isNaN(Date.parse(w.answer.at)),
        ),
      ).toBe(true);

      // Once submitted, answers are closed like the data.
      await answer(id, t.preparer, NEAR_COST, 'A late change of mind about the answer.').expect(409);
      const audit = await api().get('/api/audit?action=document.warning-answered', kp.adminToken).expect(200);
      const entries = audit.body.items.filter((e: { targetId: string }) => e.targetId === id);
      expect(entries).toHaveLength(3);
      expect(
        entries.map((e: { details: { key: string; replaced?: string } }) => [
          e.details.key,
          e.details.replaced ?? null,
        ]),
      ).toEqual(
        expect.arrayContaining([
          [NEAR_COST, expect.stringMatching(/^Land compensation/)],
          [NEAR_COST, null],
          [DURATION, null],
        ]),
      );
    },
  );

  test('only an open warning can be answered, with a real answer', async () => {
    const { id } = await draftWithWarnings();
    const notOpen = await answer(
      id,
      t.preparer,
      'allocation-within-cost@/planProvision/currentYearProvision',
      'It is within the cost.',
    ).expect(400);
    expect(notOpen.body.message[0]).toMatch(
      new RegExp(
        '^key: "allocation-within-cost@/planProvision/currentYearProvision" ' +
          'is not a warning open on this document \\(open: ',
      ),
    );
    await answer(id, t.preparer, `${NEAR_COST}x`, 'Some answer.').expect(400);
    for (const bad of ['', ' leading space', 'x'.repeat(2001), 'a <script>'])
      await answer(id, t.preparer, NEAR_COST, bad).expect(400);
    await api().post(`/api/documents/${id}/warning-answers`, t.preparer).send({ key: NEAR_COST }).expect(400);

    // Once the figure is corrected the warning is gone, and so is the chance to answer it.
    const data = withWarnings();
    data.planProvision.currentYearProvision = '650.000';
    const doc = await api().get(`/api/documents/${id}`, t.preparer).expect(200);
    const fixed = await api()
      .put(`/api/documents/${id}`, t.preparer)
      .send({ revision: doc.body.revision, data })
      .expect(200);
    expect(keys(fixed.body.warnings)).toEqual([DURATION]);
    await answer(id, t.preparer, NEAR_COST, 'The provision is within limits now.').expect(400);
  });

  test('only those who may prepare the document answer; another province does not see it', async () => {
    const { id } = await draftWithWarnings();
    const text = 'Land compensation is paid this year in full.';
    // Another province: the document does not exist there.
    await h
      .on(gb.host)
      .post(`/api/documents/${id}/warning-answers`, g.preparer)
      .send({ key: NEAR_COST, answer: text })
      .expect(404);
    await h.on(gb.host).get(`/api/documents/${id}`, g.reviewer).expect(404);
    // A reviewer or viewer does not prepare; another preparer (not the author, no shared department) may not either.
    await answer(id, t.reviewer, NEAR_COST, text).expect(403);
    await answer(id, t.viewer, NEAR_COST, text).expect(403);
    const other = await h.userWithRole(kp, 'preparer');
    await answer(id, other.token, NEAR_COST, text).expect(403);
    const doc = await api().get(`/api/documents/${id}`, t.reviewer).expect(200);
    expect(doc.body.warnings.every((w: Warning) => w.answer === null)).toBe(true);
  });

  test(
    'a placeholder in a required narrative item is an error, ' + 'unless marked not applicable with a reason',
    async () => {
      const created = await api()
        .post('/api/projects', t.preparer)
        .send({ title: 'Kalam water supply', formKey: 'pc1-infrastructure' })
        .expect(201);
      const id = created.body.document.id as string;
      const data = fixture('pc1-infrastructure');
      data.description.justification = 'N/A';
      const refused = await api().put(`/api/documents/${id}`, t.preparer).send({ revision: 1, data }).expect(200);
      expect(refused.body.valid).toBe(false);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ pointer: '/description/justification', code: 'placeholder', severity: 'error' }),
      ]);
      expect(refused.body.errors[0].message).toMatch(/"N\/A" does not answer this item/);

      data.notApplicable = { 'description.justification': 'n/a' };
      const weak = await api().put(`/api/documents/${id}`, t.preparer).send({ revision: 2, data }).expect(200);
      expect(weak.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)).toEqual([
        '/notApplicable/description.justification notApplicableReason',
        '/description/justification placeholder',
      ]);
      data.notApplicable = {
        'description.justification': 'Justified in the approved umbrella PC-I of the Swat roads programme.',
      };
      const excused = await api().put(`/api/documents/${id}`, t.preparer).send({ revision: 3, data }).expect(200);
      expect(excused.body).toMatchObject({ valid: true, errors: [] });
      expect(excused.body.data.notApplicable).toEqual(data.notApplicable);
      await api()
        .post(`/api/documents/${id}/attachments`, t.preparer)
        .field('kind', 'feasibility-study')
        .attach('file', PDF, { filename: 'feasibility.pdf', contentType: 'application/pdf' })
        .expect(201);
      await toForum(h, t, id);
    },
  );
});
