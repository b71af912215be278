import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { field, l, localForeignTable, longText, money, section, select } from '../../src/forms/catalogue/common';
import {
  ALLOCATION_NEAR_COST_PCT,
  pc1ScrutinyChecks,
  revisedScrutinyChecks,
} from '../../src/forms/catalogue/scrutiny-checks';
import { compileForm, MasterSnapshot } from '../../src/forms/compile';
import { CheckDefinition, FormDefinition, MASTER_LISTS, MasterList } from '../../src/forms/definition';
import { definitionProblems } from '../../src/forms/definition-check';
import { FormValidator } from '../../src/forms/form-validator';
import { evaluate, rowConditionsOf, variablesOf } from '../../src/forms/rules';
import { seedFor } from '../../src/master-data/master-data-seed';

/*
 * The scrutiny checks (catalogue/scrutiny-checks.ts) and the rule operations they use. Every check
 * is run through the form engine (FormValidator) on data where it fires and data where it does not,
 * on both sides of each boundary; warnings are reported as warnings and errors as errors; and
 * the catalogue's PC-I and revised PC-I definitions carry them.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// --- the rule operations --------------------------------------------------------------------

describe('rule operations for scrutiny checks', () => {
  const run = (logic: unknown, data: unknown = {}) => evaluate(logic, data);

  test("fiscal_year: Pakistan's financial year runs 1 July to 30 June", () => {
    expect(run({ fiscal_year: ['2024-07-01'] })).toBe('2024-25');
    expect(run({ fiscal_year: ['2024-06-30'] })).toBe('2023-24');
    expect(run({ fiscal_year: ['2025-01-15'] })).toBe('2024-25');
    expect(run({ fiscal_year: ['1999-07-01'] })).toBe('1999-00');
    expect(run({ fiscal_year: ['2009-12-31'] })).toBe('2009-10');
    for (const bad of ['2024-02-30', '2024-13-01', '2024-7-1', '', null, 20240701])
      expect(run({ fiscal_year: [bad] })).toBeNull();
  });

  test('months_between counts whole months with the end day included', () => {
    const months = (a: unknown, b: unknown) => run({ months_between: [a, b] });
    expect(months('2024-07-01', '2025-06-30')).toBe(12);
    expect(months('2024-07-01', '2027-06-30')).toBe(36);
    expect(months('2025-10-01', '2028-06-30')).toBe(33);
    expect(months('2024-07-01', '2025-06-29')).toBe(11); // one day short of a year
    expect(months('2024-07-01', '2024-07-01')).toBe(0);
    expect(months('2023-01-31', '2023-02-26')).toBe(0);
    expect(months('2023-01-31', '2023-02-27')).toBe(1); // the day after is 28 February, a month after 31 January
    expect(months('2024-07-02', '2024-07-01')).toBeNull(); // end before start
    expect(months('2024-07-01', '2025-02-30')).toBeNull();
    expect(months(undefined, '2025-06-30')).toBeNull();
  });

  test('answered refuses blanks and placeholders', () => {
    expect(run({ answered: ['Market rates of 2023; scope unchanged.'] })).toBe(true);
    for (const v of ['-', ' n/a ', 'Same as above', '', '  ', null]) expect(run({ answered: [v] })).toBe(false);
  });

  test('is_date and filled guard checks against half-entered data', () => {
    expect(run({ is_date: ['2024-02-29'] })).toBe(true);
    expect(run({ is_date: ['2023-02-29'] })).toBe(false);
    expect(run({ is_date: [''] })).toBe(false);
    expect(run({ filled: [{ var: 'a' }, { var: 'b' }] }, { a: '0', b: 'x' })).toBe(true);
    for (const blank of [undefined, null, '', '   ', []])
      expect(run({ filled: [{ var: 'a' }, { var: 'b' }] }, { a: '1', b: blank })).toBe(false);
  });

  test('dec_sum_where sums a column over the rows with a given status', () => {
    const rows = [
      { cost: '100.500', status: 'committed' },
      { cost: '40', status: 'uncommitted' },
      { cost: '0.250', status: 'committed' },
      { status: 'committed' },
    ];
    expect(run({ dec_sum_where: [{ var: 'rows' }, 'cost', 'status', 'committed'] }, { rows })).toBe('100.75');
    expect(run({ dec_sum_where: [{ var: 'rows' }, 'cost', 'status', 'uncommitted'] }, { rows })).toBe('40');
    expect(run({ dec_sum_where: [{ var: 'none' }, 'cost', 'status', 'committed'] }, { rows })).toBe('0');
    expect(
      run(
        { dec_sum_where: [{ var: 'rows' }, 'cost', 'status', 'committed'] },
        { rows: [{ cost: '1.5.0', status: 'committed' }] },
      ),
    ).toBeNull();
  });

  test('dec_pct_of and dec_abs are exact', () => {
    expect(run({ dec_pct_of: ['90', '1000.001'] })).toBe('900.0009');
    expect(run({ dec_pct_of: ['1', '41.25'] })).toBe('0.4125');
    expect(run({ dec_abs: [{ dec_sub: ['196', '200'] }] })).toBe('4');
    expect(run({ dec_pct_of: ['x', '1'] })).toBeNull();
  });

  test('count_distinct, column_min and column_max read table columns', () => {
    const rows = [
      { year: '2025-26', total: '10' },
      { year: '2024-25', total: '5' },
      { year: '2025-26', total: '1' },
      { year: '2026-27', total: '0.000' },
      { year: '' },
    ];
    expect(run({ count_distinct: [{ var: 'rows' }, 'year'] }, { rows })).toBe(3);
    expect(run({ count_distinct: [{ var: 'rows' }, 'year', 'total'] }, { rows })).toBe(2); // 2026-27 has no amount
    expect(run({ column_min: [{ var: 'rows' }, 'year'] }, { rows })).toBe('2024-25');
    expect(run({ column_max: [{ var: 'rows' }, 'year'] }, { rows })).toBe('2026-27');
    expect(run({ column_min: [{ var: 'rows' }, 'year'] }, { rows: [] })).toBeNull();
  });

  test('row conditions read the row; `all` of no rows is false, which is why checks use `none`', () => {
    const negative = { dec_lt: [{ var: 'balance' }, '0'] };
    const data = (balances: string[]) => ({ t: { rows: balances.map((balance) => ({ balance })) } });
    expect(run({ none: [{ var: 't.rows' }, negative] }, data(['0', '5']))).toBe(true);
    expect(run({ none: [{ var: 't.rows' }, negative] }, data(['0', '-0.001']))).toBe(false);
    expect(run({ none: [{ var: 't.rows' }, negative] }, data([]))).toBe(true);
    expect(run({ all: [{ var: 't.rows' }, { dec_gte: [{ var: 'balance' }, '0'] }] }, data([]))).toBe(false);
    expect(run({ all: [{ var: 't.rows' }, { dec_gte: [{ var: 'balance' }, '0'] }] }, data(['1', '0']))).toBe(true);
    // The columns a row condition reads are not form fields.
    const logic = { and: [{ var: 'a.b' }, { some: [{ var: 't.rows' }, { '==': [{ var: 'imported' }, true] }] }] };
    expect(variablesOf(logic)).toEqual(['a.b', 't.rows']);
    expect(rowConditionsOf(logic)).toEqual([{ list: 't.rows', columns: ['imported'] }]);
  });
});

// --- a minimal PC-I and revised PC-I with the fields the checks read -------------------------

const fy = () => field('year', 'fiscalYear', l('Year', 'سال'), { required: true });
const text = (id: string) => field(id, 'text', l(id, 'متن'), { constraints: { maxLength: 300 } });
const item = () => text('item');
const date = (id: string) => field(id, 'date', l(id, 'تاریخ'));

function minimalPc1(): FormDefinition {
  const estimate = localForeignTable({ section: 'capitalCost', id: 'estimate' }, l('Estimate', 'تخمینہ'), [
    item(),
    fy(),
  ]);
  const phasing = localForeignTable({ section: 'capitalCost', id: 'phasing' }, l('Phasing', 'تقسیم'), [fy()]);
  return {
    key: 'pc1-minimal',
    version: '1.0.0',
    family: 'PC-I',
    title: l('Minimal PC-I', 'مختصر پی سی ون'),
    source: { document: 'test', urls: [] },
    sections: [
      section('cover', '0', l('Cover', 'سرورق'), [
        money('totalCost', l('Cover cost', 'لاگت')),
        date('preparationDate'),
      ]),
      section('planProvision', '4', l('Plan provision', 'گنجائش'), [
        money('currentYearProvision', l('Provision', 'گنجائش')),
        field('fromBlockProvision', 'boolean', l('From block', 'بلاک')),
        field('blockProvision', 'table', l('Block', 'بلاک'), {
          columns: [
            text('block'),
            money('totalBlock', l('Total', 'کل')),
            money('committed', l('Committed', 'مختص')),
            money('proposed', l('Proposed', 'تجویز')),
            money('balance', l('Balance', 'بقایا'), { constraints: { allowNegative: true } }),
          ],
          totals: ['totalBlock', 'committed', 'proposed', 'balance'],
        }),
        field('umbrella', 'boolean', l('Umbrella', 'امبریلا')),
        field('subSchemes', 'table', l('Sub-schemes', 'ذیلی اسکیمیں'), {
          columns: [
            text('name'),
            money('cost', l('Cost', 'لاگت')),
            select('status', l('Status', 'حیثیت'), [
              { value: 'committed', label: l('c', 'م') },
              { value: 'uncommitted', label: l('u', 'غ') },
            ]),
          ],
          totals: ['cost'],
        }),
      ]),
      section('description', '6', l('Description', 'تفصیل'), [
        field('components', 'table', l('Components', 'اجزاء'), {
          columns: [item(), text('category'), field('imported', 'boolean', l('Imported', 'درآمدی'))],
        }),
      ]),
      section('capitalCost', '7', l('Capital cost', 'لاگت'), [
        date('estimateDate'),
        money('dutiesAndTaxes', l('Duties', 'محصولات')),
        estimate.field,
        phasing.field,
      ]),
      section('financing', '10', l('Financing', 'مالیات'), [
        field('fecUsd', 'decimal', l('FEC US$', 'ڈالر'), { constraints: { scale: 3 } }),
        field('exchangeRate', 'decimal', l('Rate', 'شرح'), { constraints: { scale: 4 } }),
        date('exchangeRateDate'),
      ]),
      section('implementation', '12(a)', l('Implementation', 'عمل درآمد'), [
        date('commencementDate'),
        date('completionDate'),
        field('durationMonths', 'integer', l('Months', 'مہینے'), { constraints: { minimum: 1, maximum: 240 } }),
        field('schedule', 'table', l('Schedule', 'نظام الاوقات'), {
          columns: [text('activity'), date('start'), date('end')],
        }),
      ]),
    ],
    rules: [
      ...estimate.rules,
      ...phasing.rules,
      {
        id: 'block-balance',
        kind: 'calculate',
        target: 'planProvision.blockProvision.rows.*.balance',
        value: {
          dec_sub: [{ var: 'row.totalBlock' }, { dec_add: [{ var: 'row.committed' }, { var: 'row.proposed' }] }],
        },
      },
    ],
    checks: pc1ScrutinyChecks('2024'),
  };
}

function minimalRevised(): FormDefinition {
  const original = localForeignTable({ section: 'capitalCost', id: 'original' }, l('Original', 'اصل'), [item()]);
  const revised = localForeignTable({ section: 'capitalCost', id: 'revised' }, l('Revised', 'نظرِ ثانی'), [item()]);
  return {
    key: 'pc1-revised-minimal',
    version: '1.0.0',
    family: 'PC-I-revised',
    title: l('Minimal revised PC-I', 'مختصر نظرِ ثانی شدہ پی سی ون'),
    source: { document: 'test', urls: [] },
    sections: [
      section('cover', '0', l('Cover', 'سرورق'), [
        money('totalCost', l('Cover cost', 'لاگت')),
        date('approvalDate'),
        date('preparationDate'),
      ]),
      section('implementationPeriod', '6', l('Period', 'مدت'), [date('commencementDate'), date('completionDate')]),
      section('capitalCost', '8', l('Cost', 'لاگت'), [
        original.field,
        revised.field,
        longText('basisOfRevision', l('Basis', 'بنیاد')),
      ]),
    ],
    rules: [...original.rules, ...revised.rules],
    checks: revisedScrutinyChecks(),
  };
}

/** KP's seeded master data, for the catalogue's selects. */
function kpMaster(): MasterSnapshot {
  const seed = seedFor('kp');
  const snapshot: MasterSnapshot = {};
  for (const list of MASTER_LISTS) {
    const items = seed[list as MasterList & keyof typeof seed] ?? [];
    snapshot[list] = items.map((i) => ({
      value: i.code,
      label: { en: i.en, ur: i.ur },
      ...(i.parent ? { parent: i.parent } : {}),
    }));
  }
  return snapshot;
}

// --- data ------------------------------------------------------------------------------------

/** A PC-I whose figures pass every scrutiny check: cost Rs 1000 million over 2024-25 and 2025-26. */
function pc1Data(): Data {
  return {
    cover: { totalCost: '1000.000', preparationDate: '2024-06-15' },
    planProvision: {
      currentYearProvision: '300.000',
      fromBlockProvision: true,
      blockProvision: {
        rows: [{ block: 'District roads block', totalBlock: '5000.000', committed: '3000.000', proposed: '1000.000' }],
      },
      umbrella: true,
      subSchemes: {
        rows: [
          { name: 'Road A', cost: '600.000', status: 'committed' },
          { name: 'Road B', cost: '400.000', status: 'uncommitted' },
        ],
      },
    },
    description: { components: { rows: [{ item: 'Pumping sets', category: 'machinery', imported: true }] } },
    capitalCost: {
      estimateDate: '2024-05-30',
      dutiesAndTaxes: '50.000',
      estimate: {
        rows: [
          { item: 'Civil works', year: '2024-25', local: '600.000', fec: '0.000' },
          { item: 'Pumping sets', year: '2025-26', local: '200.000', fec: '200.000' },
        ],
      },
      phasing: {
        rows: [
          { year: '2024-25', local: '600.000', fec: '0.000' },
          { year: '2025-26', local: '200.000', fec: '200.000' },
        ],
      },
    },
    financing: { fecUsd: '1.000', exchangeRate: '200.0000', exchangeRateDate: '2024-05-30' },
    implementation: {
      commencementDate: '2024-07-01',
      completionDate: '2026-06-30',
      durationMonths: 24,
      schedule: { rows: [{ activity: 'Works', start: '2024-07-01', end: '2026-06-30' }] },
    },
  };
}

/** A revised PC-I: approved 1000, revised 1100 (+10 %), explained. */
function revisedData(): Data {
  return {
    cover: { totalCost: '1100.000', approvalDate: '2020-03-01', preparationDate: '2023-09-01' },
    implementationPeriod: { commencementDate: '2020-07-01', completionDate: '2024-06-30' },
    capitalCost: {
      original: { rows: [{ item: 'Works', local: '1000.000', fec: '0.000' }] },
      revised: { rows: [{ item: 'Works', local: '1100.000', fec: '0.000' }] },
      basisOfRevision: 'Rates of the 2023 Market Rate System; scope unchanged.',
    },
  };
}

// --- the checks ------------------------------------------------------------------------------

const PC1_SEVERITY: Record<string, 'error' | 'warning'> = {
  'cover-cost-equals-estimate': 'error',
  'allocation-within-cost': 'error',
  'allocation-near-cost': 'warning',
  'block-balance-non-negative': 'error',
  'umbrella-sub-schemes-within-cost': 'error',
  'duties-within-cost': 'error',
  'fec-for-imported-items': 'warning',
  'fec-usd-consistent': 'warning',
  'commencement-before-completion': 'error',
  'activity-dates-in-order': 'error',
  'duration-matches-dates': 'warning',
  'phasing-within-period': 'warning',
  'estimate-before-preparation': 'warning',
};
const REVISED_SEVERITY: Record<string, 'error' | 'warning'> = {
  'revision-increase-explained': 'warning',
  'cover-cost-equals-estimate': 'error',
  'commencement-before-completion': 'error',
  'approval-before-revision': 'warning',
};

describe('the scrutiny check definitions', () => {
  const sets: [string, CheckDefinition[], Record<string, string>][] = [
    ['PC-I 2005', pc1ScrutinyChecks('2005'), PC1_SEVERITY],
    ['PC-I 2024', pc1ScrutinyChecks('2024'), PC1_SEVERITY],
    ['revised PC-I', revisedScrutinyChecks(), REVISED_SEVERITY],
  ];
  test.each(sets)(
    '%s: the listed ids and severities, a guard, and a message in English and Urdu naming the item',
    (_name, checks, severities) => {
      expect(Object.fromEntries(checks.map((c) => [c.id, c.severity]))).toEqual(severities);
      for (const c of checks) {
        expect({ id: c.id, guarded: c.when !== undefined }).toEqual({ id: c.id, guarded: true });
        expect(c.message.en).toMatch(/^(Items? [1-9][0-9]*(\([a-z]+\))?|Items [0-9]+ and [1-9][0-9]*|Cover page): \S/);
        expect(c.message.ur).toMatch(
          /^(مد [1-9][0-9]*(\([a-z]+\))?|مدات [0-9]+ اور [1-9][0-9]*|سرورق): [\u0600-\u06FF]/,
        );
      }
    },
  );

  test('the allocation threshold is named in the message', () => {
    const near = pc1ScrutinyChecks('2024').find((c) => c.id === 'allocation-near-cost')!;
    expect(near.message.en).toContain(`${ALLOCATION_NEAR_COST_PCT} %`);
    expect(near.message.ur).toContain(`${ALLOCATION_NEAR_COST_PCT} فیصد`);
  });

  test('a definition using them is sound; a row condition reading a missing column is refused', () => {
    expect(definitionProblems(minimalPc1())).toEqual([]);
    expect(definitionProblems(minimalRevised())).toEqual([]);
    const broken = minimalPc1();
    const ghost = (left: unknown): CheckDefinition => ({
      id: 'ghost-column',
      op: 'holds',
      left,
      pointer: '/implementation/schedule',
      message: l('Item 12(a): x', 'مد 12: x'),
    });
    broken.checks = [ghost({ none: [{ var: 'implementation.schedule.rows' }, { var: 'finish' }] })];
    expect(definitionProblems(broken)).toEqual([
      'check ghost-column: reads "finish", which is not a column of implementation.schedule.rows',
    ]);
    broken.checks = [ghost({ none: [{ var: 'implementation.durationMonths' }, { var: 'end' }] })];
    expect(definitionProblems(broken)).toEqual([
      `check ghost-column: a row condition must run over a table's rows ` +
        `("section.table.rows"), not "implementation.durationMonths"`,
    ]);
  });
});

type Case = [string, (d: Data) => void, string[]];

/** The scrutiny checks that fail on the data, by id, each with where it was reported. */
function firedIn(validator: FormValidator, ids: string[], data: Data) {
  const result = validator.validate(data);
  const pick = (list: typeof result.errors, as: string) =>
    list
      .filter((e) => e.code === 'check' && ids.includes(String(e.params?.check)))
      .map((e) => `${String(e.params?.check)}:${as}`);
  return { fired: [...pick(result.errors, 'error'), ...pick(result.warnings, 'warning')].sort(), result };
}

/** [name, change to the passing data, the checks that then fire]. */
const PC1_CASES: Case[] = [
  ['the passing example', () => undefined, []],
  [
    'an empty draft',
    (d) => {
      for (const k of Object.keys(d)) d[k] = {};
    },
    [],
  ],
  // Items 0/7: cover cost against the estimate, with the rounding tolerance on both sides.
  [
    'cover cost 0.005 above the estimate (rounding)',
    (d) => {
      d.cover.totalCost = '1000.005';
    },
    [],
  ],
  [
    'cover cost 0.006 above the estimate',
    (d) => {
      d.cover.totalCost = '1000.006';
    },
    ['cover-cost-equals-estimate'],
  ],
  [
    'cover cost 0.005 below the estimate (rounding)',
    (d) => {
      d.cover.totalCost = '999.995';
    },
    [],
  ],
  [
    'cover cost 0.006 below the estimate',
    (d) => {
      d.cover.totalCost = '999.994';
    },
    ['cover-cost-equals-estimate'],
  ],
  [
    'no cover cost',
    (d) => {
      delete d.cover.totalCost;
    },
    [],
  ],
  // Item 4: allocation against the cost, and near it (90 %).
  [
    'provision equal to the cost',
    (d) => {
      d.planProvision.currentYearProvision = '1000.000';
    },
    ['allocation-near-cost'],
  ],
  [
    'provision above the cost',
    (d) => {
      d.planProvision.currentYearProvision = '1000.001';
    },
    ['allocation-within-cost'],
  ],
  [
    'provision 89.9999 % of the cost',
    (d) => {
      d.planProvision.currentYearProvision = '899.999';
    },
    [],
  ],
  [
    'provision 90 % of the cost',
    (d) => {
      d.planProvision.currentYearProvision = '900.000';
    },
    ['allocation-near-cost'],
  ],
  [
    'provision 90 % with the phasing in one year',
    (d) => {
      d.planProvision.currentYearProvision = '900.000';
      d.capitalCost.phasing.rows = [{ year: '2024-25', local: '800.000', fec: '200.000' }];
    },
    [],
  ],
  [
    'provision 90 % with a later year of the phasing at zero',
    (d) => {
      d.planProvision.currentYearProvision = '900.000';
      d.capitalCost.phasing.rows = [
        { year: '2024-25', local: '800.000', fec: '200.000' },
        { year: '2025-26', local: '0.000', fec: '0.000' },
      ];
    },
    [],
  ],
  [
    'no provision entered',
    (d) => {
      delete d.planProvision.currentYearProvision;
    },
    [],
  ],
  // Item 4: block balance = total − committed − proposed.
  [
    'block balance exactly zero',
    (d) => {
      d.planProvision.blockProvision.rows[0].proposed = '2000.000';
    },
    [],
  ],
  [
    'block balance negative',
    (d) => {
      d.planProvision.blockProvision.rows[0].proposed = '2000.001';
    },
    ['block-balance-non-negative'],
  ],
  [
    'negative balance but not financed from a block',
    (d) => {
      d.planProvision.blockProvision.rows[0].proposed = '2000.001';
      d.planProvision.fromBlockProvision = false;
    },
    [],
  ],
  // Item 4: umbrella sub-schemes within the cost.
  [
    'sub-schemes above the cost',
    (d) => {
      d.planProvision.subSchemes.rows[1].cost = '400.001';
    },
    ['umbrella-sub-schemes-within-cost'],
  ],
  [
    'sub-schemes above the cost, not an umbrella',
    (d) => {
      d.planProvision.subSchemes.rows[1].cost = '400.001';
      d.planProvision.umbrella = false;
    },
    [],
  ],
  // Item 7: duties and taxes.
  [
    'duties equal to the cost',
    (d) => {
      d.capitalCost.dutiesAndTaxes = '1000.000';
    },
    [],
  ],
  [
    'duties above the cost',
    (d) => {
      d.capitalCost.dutiesAndTaxes = '1000.001';
    },
    ['duties-within-cost'],
  ],
  // Items 6/7: imported items need FEC.
  [
    'imported item with no FEC',
    (d) => {
      d.capitalCost.estimate.rows[1] = { ...d.capitalCost.estimate.rows[1], local: '400.000', fec: '0.000' };
      d.capitalCost.phasing.rows[1] = { ...d.capitalCost.phasing.rows[1], local: '400.000', fec: '0.000' };
      delete d.financing.fecUsd;
    },
    ['fec-for-imported-items'],
  ],
  [
    'no FEC and nothing imported',
    (d) => {
      d.capitalCost.estimate.rows[1] = { ...d.capitalCost.estimate.rows[1], local: '400.000', fec: '0.000' };
      d.capitalCost.phasing.rows[1] = { ...d.capitalCost.phasing.rows[1], local: '400.000', fec: '0.000' };
      delete d.financing.fecUsd;
      d.description.components.rows[0].imported = false;
    },
    [],
  ],
  [
    'imported item, estimate not yet entered',
    (d) => {
      delete d.capitalCost.estimate;
    },
    [],
  ],
  // Item 10: US$ × rate against FEC in rupees (200), within 1 % (2).
  [
    'US$ figure 1 % low',
    (d) => {
      d.financing.fecUsd = '0.990';
    },
    [],
  ],
  [
    'US$ figure more than 1 % low',
    (d) => {
      d.financing.fecUsd = '0.989';
    },
    ['fec-usd-consistent'],
  ],
  [
    'US$ figure 1 % high',
    (d) => {
      d.financing.fecUsd = '1.010';
    },
    [],
  ],
  [
    'US$ figure more than 1 % high',
    (d) => {
      d.financing.fecUsd = '1.011';
    },
    ['fec-usd-consistent'],
  ],
  [
    'US$ figure without a rate',
    (d) => {
      d.financing.fecUsd = '3.000';
      delete d.financing.exchangeRate;
    },
    [],
  ],
  // Item 12(a): dates in order, activities, duration.
  [
    'completion on the day of commencement',
    (d) => {
      d.implementation.completionDate = '2024-07-01';
      d.implementation.durationMonths = 1;
      d.implementation.schedule.rows = [];
      d.capitalCost.phasing.rows = [{ year: '2024-25', local: '800.000', fec: '200.000' }];
    },
    [],
  ],
  [
    'completion before commencement',
    (d) => {
      d.implementation.completionDate = '2024-06-30';
    },
    ['commencement-before-completion'],
  ],
  [
    'completion not a real date',
    (d) => {
      d.implementation.completionDate = '2026-02-30';
    },
    [],
  ],
  [
    'an activity ending the day it starts',
    (d) => {
      d.implementation.schedule.rows.push({ activity: 'Handover', start: '2026-06-30', end: '2026-06-30' });
    },
    [],
  ],
  [
    'an activity ending before it starts',
    (d) => {
      d.implementation.schedule.rows.push({ activity: 'Handover', start: '2026-06-30', end: '2026-06-29' });
    },
    ['activity-dates-in-order'],
  ],
  [
    'an activity without an end',
    (d) => {
      d.implementation.schedule.rows.push({ activity: 'Handover', start: '2026-06-30' });
    },
    [],
  ],
  [
    'duration one month over',
    (d) => {
      d.implementation.durationMonths = 25;
    },
    [],
  ],
  [
    'duration one month under',
    (d) => {
      d.implementation.durationMonths = 23;
    },
    [],
  ],
  [
    'duration two months over',
    (d) => {
      d.implementation.durationMonths = 26;
    },
    ['duration-matches-dates'],
  ],
  [
    'duration two months under',
    (d) => {
      d.implementation.durationMonths = 22;
    },
    ['duration-matches-dates'],
  ],
  // Item 7: phasing within the financial years of the period (FY boundary 30 June / 1 July).
  [
    'phasing from the year before commencement (1 July)',
    (d) => {
      d.capitalCost.phasing.rows[0].year = '2023-24';
    },
    ['phasing-within-period'],
  ],
  [
    'phasing from the year of a 30 June commencement',
    (d) => {
      d.capitalCost.phasing.rows[0].year = '2023-24';
      d.implementation.commencementDate = '2024-06-30';
      d.implementation.schedule.rows[0].start = '2024-06-30';
    },
    [],
  ],
  [
    'phasing into the year after a 30 June completion',
    (d) => {
      d.capitalCost.phasing.rows[1].year = '2026-27';
    },
    ['phasing-within-period'],
  ],
  [
    'phasing into the year of a 1 July completion',
    (d) => {
      d.capitalCost.phasing.rows[1].year = '2026-27';
      d.implementation.completionDate = '2026-07-01';
      d.implementation.schedule.rows[0].end = '2026-07-01';
    },
    [],
  ],
  // Items 0/7: estimate dated by the preparation.
  [
    'estimate dated on the day of preparation',
    (d) => {
      d.capitalCost.estimateDate = '2024-06-15';
    },
    [],
  ],
  [
    'estimate dated after preparation',
    (d) => {
      d.capitalCost.estimateDate = '2024-06-16';
    },
    ['estimate-before-preparation'],
  ],
];

const REVISED_CASES: Case[] = [
  ['the passing example', () => undefined, []],
  [
    'an empty draft',
    (d) => {
      for (const k of Object.keys(d)) d[k] = {};
    },
    [],
  ],
  [
    'an increase without its basis',
    (d) => {
      delete d.capitalCost.basisOfRevision;
    },
    ['revision-increase-explained'],
  ],
  [
    'an increase with a blank basis',
    (d) => {
      d.capitalCost.basisOfRevision = '   ';
    },
    ['revision-increase-explained'],
  ],
  [
    'an increase with a placeholder for its basis',
    (d) => {
      d.capitalCost.basisOfRevision = 'N/A';
    },
    ['revision-increase-explained'],
  ],
  [
    'exactly 15 % more without its basis',
    (d) => {
      delete d.capitalCost.basisOfRevision;
      d.capitalCost.revised.rows[0].local = '1150.000';
      d.cover.totalCost = '1150.000';
    },
    ['revision-increase-explained'],
  ],
  [
    'no increase, no basis',
    (d) => {
      delete d.capitalCost.basisOfRevision;
      d.capitalCost.revised.rows[0].local = '1000.000';
      d.cover.totalCost = '1000.000';
    },
    [],
  ],
  [
    'cover cost differs from the revised cost',
    (d) => {
      d.cover.totalCost = '1000.000';
    },
    ['cover-cost-equals-estimate'],
  ],
  [
    'planned completion before commencement',
    (d) => {
      d.implementationPeriod.completionDate = '2020-06-30';
    },
    ['commencement-before-completion'],
  ],
  [
    'revision dated before the approval',
    (d) => {
      d.cover.preparationDate = '2020-02-29';
    },
    ['approval-before-revision'],
  ],
  [
    'revision dated the day of the approval',
    (d) => {
      d.cover.preparationDate = '2020-03-01';
    },
    [],
  ],
];

function runCases(
  name: string,
  definition: () => FormDefinition,
  master: MasterSnapshot,
  base: () => Data,
  cases: Case[],
  severities: Record<string, string>,
) {
  describe(name, () => {
    let validator: FormValidator;
    const ids = Object.keys(severities);
    beforeAll(() => {
      const def = definition();
      validator = new FormValidator(compileForm(def, { baseVersion: def.version, operations: [] }, master).compiled);
    });
    test.each(cases)('%s', (_name, change, expected) => {
      const data = base();
      change(data);
      const { fired, result } = firedIn(validator, ids, data);
      expect(fired).toEqual(expected.map((id) => `${id}:${severities[id]}`).sort());
      for (const w of result.warnings) expect(result.errors).not.toContainEqual(w);
    });
  });
}

runCases('PC-I scrutiny checks (minimal definition)', minimalPc1, {}, pc1Data, PC1_CASES, PC1_SEVERITY);
runCases(
  'revised PC-I scrutiny checks (minimal definition)',
  minimalRevised,
  {},
  revisedData,
  REVISED_CASES,
  REVISED_SEVERITY,
);

describe('severity', () => {
  test('a form whose only failures are warnings is valid, and each warning names its check, item and figures', () => {
    const def = minimalPc1();
    const validator = new FormValidator(compileForm(def, { baseVersion: def.version, operations: [] }, {}).compiled);
    const data = pc1Data();
    data.planProvision.currentYearProvision = '950.000';
    const result = validator.validate(data);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.warningCount).toBe(1);
    const [warning] = result.warnings;
    expect(warning).toMatchObject({
      pointer: '/planProvision/currentYearProvision',
      severity: 'warning',
      params: { check: 'allocation-near-cost', left: '950', right: '900' },
    });
    expect(warning.message).toContain('Item 4:');
    expect(validator.validate(data, 'ur').warnings[0].message).toContain('مد 4:');
    data.planProvision.currentYearProvision = '1000.001';
    const failed = validator.validate(data);
    expect(failed.valid).toBe(false);
    expect(failed.errors.map((e) => [e.params?.check, e.severity])).toEqual([['allocation-within-cost', 'error']]);
  });
});

// --- the catalogue -----------------------------------------------------------------------------

const PC1_KEYS = [
  'pc1-infrastructure',
  'pc1-production',
  'pc1-social',
  'pc1-infrastructure-2005',
  'pc1-production-2005',
  'pc1-social-2005',
];
const newest = (key: string) =>
  BASE_CATALOGUE.filter((d) => d.key === key).sort((a, b) =>
    b.version.localeCompare(a.version, undefined, { numeric: true }),
  )[0];

describe('the catalogue carries the scrutiny checks', () => {
  test.each([...PC1_KEYS, 'pc1-revised'])('%s', (key) => {
    const def = newest(key);
    expect(def).toBeDefined();
    const expected =
      key === 'pc1-revised' ? revisedScrutinyChecks() : pc1ScrutinyChecks(key.endsWith('-2005') ? '2005' : '2024');
    for (const check of expected) {
      expect(def.checks.find((c) => c.id === check.id)).toEqual(check);
      // The message names the item its pointer falls in, as the definition numbers it.
      const number = def.sections.find((s) => s.id === check.pointer.split('/')[1])!.number;
      const prefix = check.message.en.slice(0, check.message.en.indexOf(':'));
      expect({
        id: check.id,
        names:
          number === '0'
            ? /^(Cover page|Items 0 )/.test(prefix)
            : prefix.split(/,| and /).some((p) => p.trim().endsWith(` ${number}`) || p.trim() === number),
      }).toEqual({ id: check.id, names: true });
    }
    expect(definitionProblems(def)).toEqual([]);
  });
});

const master = kpMaster();
for (const key of ['pc1-infrastructure', 'pc1-social-2005']) {
  runCases(
    `PC-I scrutiny checks on the catalogue's ${key}`,
    () => newest(key),
    master,
    pc1Data,
    PC1_CASES,
    PC1_SEVERITY,
  );
}
runCases(
  "revised PC-I scrutiny checks on the catalogue's pc1-revised",
  () => newest('pc1-revised'),
  master,
  revisedData,
  REVISED_CASES,
  REVISED_SEVERITY,
);
