import { planPortfolio, PortfolioReference } from '../../src/imports/portfolio-rows';
import { RawPortfolioRow } from '../../src/imports/portfolio-template';

/*
 * The row checks of the legacy portfolio import on their own (no database): each refusal names
 * its row and column, a project's rows are checked together and refused together.
 */

const reference: PortfolioReference = {
  departments: new Set(['CW', 'PHE']),
  sectors: new Set(['transport-communications']),
  districts: new Set(['swat', 'mardan']),
  forums: new Set(['kp-ddwp', 'kp-pdwp', 'ecnec']),
  today: '2026-11-30',
  formKeyOf: (kind, variant, edition) =>
    kind === 'pc1' && (edition === '2005' || edition === '2024')
      ? `pc1-${variant}${edition === '2005' ? '-2005' : ''}`
      : kind === 'pc1-revised' && edition === '2017'
        ? 'pc1-revised'
        : null,
};

const project: RawPortfolioRow = {
  projectKey: 'P-1',
  title: 'Road',
  departmentCode: 'CW',
  sector: 'transport-communications',
  districts: 'swat',
  status: 'approved',
};
const pcI: RawPortfolioRow = {
  ...project,
  documentKind: 'pc1',
  edition: '2005',
  preparationDate: '2015-01-10',
  documentCost: '100',
  forum: 'kp-ddwp',
  decisionDate: '2015-03-01',
  decision: 'approved',
  approvedCost: '95',
};
const revision = (n: number, date: string, extra: RawPortfolioRow = {}): RawPortfolioRow => ({
  ...project,
  documentKind: 'pc1-revised',
  revisionNumber: String(n),
  edition: '2017',
  documentCost: '130',
  forum: 'kp-ddwp',
  decisionDate: date,
  decision: 'approved',
  approvedCost: '120',
  ...extra,
});

const plan = (...rows: RawPortfolioRow[]) =>
  planPortfolio(
    rows.map((raw, i) => ({ row: i + 2, raw })),
    reference,
  );
const problems = (...rows: RawPortfolioRow[]) => plan(...rows).problems.map((p) => `${p.row} ${p.column}`);

describe('portfolio rows', () => {
  test('a sound history becomes one project: the PC-I first, revisions in order, amounts canonical', () => {
    const result = plan(
      revision(2, '2020-01-01', { documentCost: '150', approvedCost: '140' }),
      pcI,
      revision(1, '2018-01-01'),
    );
    expect(result.problems).toEqual([]);
    const [p] = result.projects;
    expect(p.documents.map((d) => [d.kind, d.revisionNumber, d.formKey, d.documentCost])).toEqual([
      ['pc1', 0, 'pc1-infrastructure-2005', '100.000'],
      ['pc1-revised', 1, 'pc1-revised', '130.000'],
      ['pc1-revised', 2, 'pc1-revised', '150.000'],
    ]);
    expect(p.rows).toEqual([2, 3, 4]);
  });

  test('every cell is checked: shape, codes, dates, money', () => {
    expect(
      problems({
        ...pcI,
        departmentCode: 'XX',
        sector: 'none',
        districts: 'swat, nowhere',
        forum: 'cdwp',
        documentCost: '-1',
        approvedCost: '1.2345',
      }),
    ).toEqual(['2 approvedCost', '2 departmentCode', '2 districts', '2 documentCost', '2 forum', '2 sector']);
    expect(
      problems({
        ...pcI,
        decisionDate: '2015-02-29',
        preparationDate: '15/01/2015',
        adpSerial: '12a',
        computerCode: '12/34',
      }),
    ).toEqual(['2 adpSerial', '2 computerCode', '2 decisionDate', '2 preparationDate']);
    expect(problems({ ...pcI, edition: '2017' })).toEqual(['2 edition']);
    expect(problems({ ...pcI, districts: 'province-wide,swat' })).toEqual(['2 districts']);
    expect(plan({ ...pcI, districts: 'province-wide' }).projects[0]).toMatchObject({
      provinceWide: true,
      districts: [],
    });
  });

  test('dates in order: preparation ≤ meeting ≤ decision ≤ today', () => {
    expect(problems({ ...pcI, meetingDate: '2015-01-01' })).toEqual(['2 meetingDate']);
    expect(problems({ ...pcI, meetingDate: '2015-03-05' })).toEqual(['2 decisionDate']);
    expect(problems({ ...pcI, decisionDate: '2027-01-01' })).toEqual(['2 decisionDate']);
  });

  test('what a decision must carry', () => {
    expect(problems({ ...pcI, approvedCost: '' })).toEqual(['2 approvedCost']);
    expect(problems({ ...pcI, decision: 'deferred' }, pcI)).toEqual(['2 approvedCost']);
    expect(problems({ ...pcI, decision: 'approved-with-changes' })).toEqual(['2 conditions']);
    expect(problems({ ...pcI, status: 'completed' })).toEqual(['2 completionDate']);
    expect(problems({ ...pcI, completionDate: '2020-01-01' })).toEqual(['2 completionDate']);
    expect(problems({ ...pcI, status: 'completed', completionDate: '2014-01-01' })).toEqual(['2 completionDate']);
  });

  test(
    "a project's rows agree and tell a possible history; " + 'one bad row refuses the whole project, others go in',
    () => {
      expect(problems(pcI, revision(1, '2018-01-01', { title: 'Another road' }))).toEqual(['3 title']);
      expect(
        problems(
          pcI,
          revision(1, '2018-01-01'),
          revision(1, '2017-12-01', { decision: 'deferred', approvedCost: '', documentCost: '131' }),
        ),
      ).toEqual(['4 documentCost']);
      expect(problems(pcI, revision(2, '2018-01-01'))).toEqual(['3 revisionNumber']);
      expect(problems(pcI, revision(1, '2014-01-01'))).toEqual(['3 decisionDate']);
      expect(problems(revision(1, '2018-01-01'))).toEqual(['2 documentKind']);
      // Deferred and so never final, and the project's PC-I never approved: two reasons at the one cell.
      expect(problems({ ...pcI, decision: 'deferred', approvedCost: '' })).toEqual(['2 decision', '2 decision']);
      expect(problems(pcI, pcI)).toEqual(['3 decision']);

      const mixed = plan(
        pcI,
        { ...pcI, projectKey: 'P-2', departmentCode: 'NOPE' },
        { ...pcI, projectKey: 'P-2', decisionDate: '2015-04-01' },
        { ...pcI, projectKey: '' },
      );
      expect(mixed.projects.map((p) => p.projectKey)).toEqual(['P-1']);
      expect(mixed.refused).toEqual([
        { projectKey: null, rows: [5] },
        { projectKey: 'P-2', rows: [3, 4] },
      ]);
      expect(mixed.problems.map((p) => `${p.row} ${p.column}`)).toEqual(['3 departmentCode', '5 projectKey']);
    },
  );

  test("a document's last decision must be final: returned or deferred documents are still before their forum", () => {
    const deferredAfter = revision(1, '2018-02-01', { decision: 'deferred', approvedCost: '' });
    const returnedLast = revision(2, '2019-06-01', { decision: 'returned', approvedCost: '' });
    const refused = plan(pcI, revision(1, '2018-01-01'), deferredAfter, returnedLast);
    expect(refused.projects).toEqual([]);
    expect(refused.problems.map((p) => `${p.row} ${p.column}`)).toEqual(['4 decision', '5 decision']);
    for (const p of refused.problems) {
      expect(p.reason).toMatch(/last decision on a document must be final/);
      expect(p.reason).toMatch(/entered through the workflow/);
      expect(p.reasonUr).toMatch(/آخری فیصلہ حتمی/);
      expect(p.reasonUr).toMatch(/ورک فلو/);
    }
    expect(refused.problems.find((p) => p.row === 5)!.reason).toContain('"returned"');

    // Earlier returns and deferrals of a document that was then decided are its history.
    const history = plan(
      { ...pcI, decision: 'returned', decisionDate: '2015-02-01', approvedCost: '' },
      { ...pcI, decision: 'deferred', decisionDate: '2015-02-15', approvedCost: '' },
      pcI,
      revision(1, '2018-01-01', { decision: 'deferred', approvedCost: '' }),
      revision(1, '2018-03-01', { decision: 'rejected', approvedCost: '' }),
    );
    expect(history.problems).toEqual([]);
    expect(history.projects[0].documents.map((d) => d.decisions.map((x) => x.decision))).toEqual([
      ['returned', 'deferred', 'approved'],
      ['deferred', 'rejected'],
    ]);
    // A revision recommended to a higher forum rests there (final), as does a rejected one.
    expect(problems(pcI, revision(1, '2018-01-01', { decision: 'recommended', approvedCost: '' }))).toEqual([]);
  });
});
