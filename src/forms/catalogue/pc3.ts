import { FormDefinition } from '../definition';
import {
  field,
  itemColumn,
  kebab,
  l,
  longText,
  money,
  pcField,
  projectIdentityFields,
  section,
  select,
  shortText,
  signatory,
} from './common';

/*
 * PC-III: progress monitoring after approval. PC-III(A) is the annual work plan and cash plan
 * (quarterly financial targets per item of expenditure, with the physical activities tied to
 * them); PC-III(B) the monthly progress report (financial and physical progress, bottlenecks).
 */

const PIFRA_CODE = '^[A-Z][0-9]{2,6}$';
const QUARTERS = [
  { value: 'q1', label: l('Q1 (July–September)', 'پہلی سہ ماہی (جولائی تا ستمبر)') },
  { value: 'q2', label: l('Q2 (October–December)', 'دوسری سہ ماہی (اکتوبر تا دسمبر)') },
  { value: 'q3', label: l('Q3 (January–March)', 'تیسری سہ ماہی (جنوری تا مارچ)') },
  { value: 'q4', label: l('Q4 (April–June)', 'چوتھی سہ ماہی (اپریل تا جون)') },
];
const quarterTarget = (id: string, n: string, ur: string) =>
  money(id, l(`Q${n} target (Rs million)`, `${ur} سہ ماہی کا ہدف (ملین روپے)`), { required: true });

/** PC-III(A)'s newest base version (1.0.0 is frozen in ./released). */
export const pc3a: FormDefinition = {
  key: 'pc3a',
  version: '1.1.0',
  family: 'PC-III-A',
  title: l('PC-III(A): Annual work plan and cash plan', 'پی سی تھری (اے): سالانہ ورک پلان اور کیش پلان'),
  source: {
    document: 'PC-III(A) annual work plan / cash plan (Planning Commission of Pakistan; Cash/Work Plan instructions)',
    urls: [
      'http://www.pndajk.gov.pk/resourcecentre.php?page=Important%2520Instructions',
      'https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/84',
    ],
    notes:
      '[verify] The name "PC-III(A)" for the annual plan side and ' +
      'the printed section numbering were not confirmed from an ' +
      'official copy; fields follow the AJK P&D Cash/Work Plan instructions: ' +
      'ministry, project, PSDP serial and allocation, ' +
      'PIFRA object classification, items of expenditure as in the PC-I, ' +
      'approved cost per item, cumulative expenditure to ' +
      'the end of the last financial year, quarterly financial targets, ' +
      'work plan activities tied to the cash items, and a ' +
      'separate work plan for unspent non-lapsable releases. ' +
      'Section numbers are sequential. Since 1.1.0 the provision ' +
      'shows the throw-forward (approved cost − cumulative expenditure to the end of the last financial year − this ' +
      "year's allocation, calculated), the amount left for later " +
      'years as provincial ADP books show it; [verify] a practice ' +
      'field, not confirmed as a printed PC-III(A) item.',
  },
  sections: [
    section('project', '1', l('Name of the project', 'منصوبے کا نام'), [
      ...projectIdentityFields({ reportsOnPcI: true }),
      shortText('executing', l('Executing agency', 'عمل درآمد کرنے والا ادارہ')),
      shortText('projectDirector', l('Project Director', 'پروجیکٹ ڈائریکٹر')),
    ]),
    section('provision', '2', l('PSDP / ADP provision for the year', 'سال کے لیے پی ایس ڈی پی / اے ڈی پی میں فراہمی'), [
      pcField('fiscalYear', 'fiscalYear', l('Financial year', 'مالی سال')),
      pcField('psdpSerial', 'text', l('Serial number in the PSDP / ADP', 'پی ایس ڈی پی / اے ڈی پی میں سیریل نمبر'), {
        constraints: { maxLength: 300 },
        help: l(
          "The project's serial number in this year's PSDP / ADP book.",
          'اس سال کی پی ایس ڈی پی / اے ڈی پی کتاب میں منصوبے کا سیریل نمبر۔',
        ),
      }),
      pcField('allocation', 'money', l('Allocation for the year (Rs million)', 'سال کے لیے مختص رقم (ملین روپے)')),
      money('allocationFec', l('of which foreign aid (Rs million)', 'جس میں غیر ملکی امداد (ملین روپے)')),
      pcField(
        'approvedCost',
        'money',
        l('Approved cost of the project (Rs million)', 'منصوبے کی منظور شدہ لاگت (ملین روپے)'),
        {
          help: l(
            'As per the latest approved PC-I (revised, if any).',
            'تازہ ترین منظور شدہ پی سی ون (اگر نظرِ ثانی شدہ ہو تو وہی) کے مطابق۔',
          ),
        },
      ),
      money(
        'throwForward',
        l('Throw-forward beyond this year (Rs million)', 'اس سال کے بعد کے لیے تھرو فارورڈ (ملین روپے)'),
        {
          constraints: { allowNegative: true },
          help: l(
            'Approved cost − cumulative expenditure to the end of the ' +
              "last financial year − this year's allocation (calculated).",
            'منظور شدہ لاگت − گزشتہ مالی سال کے اختتام تک مجموعی اخراجات − اس سال کی مختص رقم (خودکار حساب)۔',
          ),
        },
      ),
    ]),
    section(
      'cashPlan',
      '3',
      l(
        'Cash plan: items of expenditure and quarterly financial targets',
        'کیش پلان: مدات اخراجات اور سہ ماہی مالی اہداف',
      ),
      [
        field('items', 'table', l('Items of expenditure', 'مدات اخراجات'), {
          required: true,
          locked: true,
          help: l(
            'Items as in the approved PC-I; one row per item with its PIFRA object code. ' +
              'No column may be left blank: write 0 where nothing is planned.',
            'مدات منظور شدہ پی سی ون کے مطابق؛ ہر مد کی ایک قطار اس کے پیفرا آبجیکٹ ' +
              'کوڈ کے ساتھ۔ کوئی خانہ خالی نہ چھوڑیں: جہاں کچھ متوقع نہ ہو وہاں 0 لکھیں۔',
          ),
          constraints: { minItems: 1, maxItems: 500 },
          columns: [
            itemColumn(l('Item of expenditure', 'مدِ اخراجات')),
            field('objectCode', 'text', l('Object classification code (PIFRA)', 'آبجیکٹ کلاسیفکیشن کوڈ (پیفرا)'), {
              required: true,
              constraints: { maxLength: 300, pattern: PIFRA_CODE },
              help: l('E.g. A12401.', 'مثلاً A12401۔'),
            }),
            money('approvedCost', l('Approved cost (Rs million)', 'منظور شدہ لاگت (ملین روپے)'), { required: true }),
            money(
              'cumulativeExpenditure',
              l(
                'Cumulative expenditure to end of last financial year (Rs million)',
                'گزشتہ مالی سال کے اختتام تک مجموعی اخراجات (ملین روپے)',
              ),
              { required: true },
            ),
            quarterTarget('q1', '1', 'پہلی'),
            quarterTarget('q2', '2', 'دوسری'),
            quarterTarget('q3', '3', 'تیسری'),
            quarterTarget('q4', '4', 'چوتھی'),
            money('total', l('Total for the year (Rs million)', 'سال کا میزان (ملین روپے)')),
          ],
          totals: ['approvedCost', 'cumulativeExpenditure', 'q1', 'q2', 'q3', 'q4', 'total'],
        }),
      ],
    ),
    section('workPlan', '4', l('Work plan (physical activities)', 'ورک پلان (عملی سرگرمیاں)'), [
      field('activities', 'table', l('Activities', 'سرگرمیاں'), {
        required: true,
        locked: true,
        help: l(
          'Each activity is tied to an item of expenditure of the cash plan; the quarters give its bar chart.',
          'ہر سرگرمی کیش پلان کی کسی مدِ اخراجات سے منسلک ہے؛ سہ ماہیاں اس کا بار چارٹ ظاہر کرتی ہیں۔',
        ),
        constraints: { minItems: 1, maxItems: 500 },
        columns: [
          field('activity', 'text', l('Activity', 'سرگرمی'), { required: true, constraints: { maxLength: 300 } }),
          field('linkedItem', 'text', l('Linked item of expenditure', 'متعلقہ مدِ اخراجات'), {
            required: true,
            constraints: { maxLength: 300 },
            help: l('As named in the cash plan.', 'جیسا کہ کیش پلان میں درج ہے۔'),
          }),
          field('unit', 'text', l('Unit', 'اکائی'), { constraints: { maxLength: 300 } }),
          field('quantity', 'decimal', l('Quantity planned for the year', 'سال کے لیے منصوبہ بند مقدار')),
          select('startQuarter', l('Start quarter', 'آغاز کی سہ ماہی'), QUARTERS, {
            required: true,
            fixedOptions: true,
          }),
          select('endQuarter', l('End quarter', 'اختتام کی سہ ماہی'), QUARTERS, { required: true, fixedOptions: true }),
        ],
      }),
    ]),
    section(
      'unspentReleases',
      '5',
      l('Work plan for unspent non-lapsable releases', 'غیر منسوخ شدنی غیر خرچ شدہ اجراء کا ورک پلان'),
      [
        field(
          'hasUnspent',
          'boolean',
          l(
            'Are there unspent releases of earlier years in a non-lapsable account?',
            'کیا گزشتہ برسوں کی غیر خرچ شدہ رقم کسی غیر منسوخ شدنی کھاتے میں موجود ہے؟',
          ),
        ),
        money('unspentAmount', l('Unspent amount (Rs million)', 'غیر خرچ شدہ رقم (ملین روپے)')),
        longText('plan', l('Work plan for the unspent amount', 'غیر خرچ شدہ رقم کا ورک پلان')),
      ],
    ),
    section('certificate', '6', l('Signatures', 'دستخط'), [
      signatory('preparedBy', l('Prepared by (Project Director)', 'تیار کنندہ (پروجیکٹ ڈائریکٹر)')),
      signatory(
        'approvedBy',
        l('Approved by (head of the sponsoring department)', 'منظور کنندہ (سرپرست محکمے کے سربراہ)'),
      ),
    ]),
  ],
  rules: [
    {
      id: 'items-total',
      kind: 'calculate',
      target: 'cashPlan.items.rows.*.total',
      value: { dec_add: [{ var: 'row.q1' }, { var: 'row.q2' }, { var: 'row.q3' }, { var: 'row.q4' }] },
      description: 'Total for the year = Q1 + Q2 + Q3 + Q4, for every item',
    },
    {
      id: 'throw-forward',
      kind: 'calculate',
      target: 'provision.throwForward',
      value: {
        dec_sub: [
          { dec_sub: [{ var: 'provision.approvedCost' }, { var: 'cashPlan.items.totals.cumulativeExpenditure' }] },
          { var: 'provision.allocation' },
        ],
      },
      description:
        'Throw-forward = approved cost − cumulative expenditure to ' +
        "the end of the last financial year − this year's allocation",
    },
    {
      id: 'unspent-amount-visible',
      kind: 'visible',
      target: 'unspentReleases.unspentAmount',
      when: { '==': [{ var: 'unspentReleases.hasUnspent' }, true] },
    },
    {
      id: 'unspent-plan-visible',
      kind: 'visible',
      target: 'unspentReleases.plan',
      when: { '==': [{ var: 'unspentReleases.hasUnspent' }, true] },
    },
    {
      id: 'unspent-amount-required',
      kind: 'require',
      target: 'unspentReleases.unspentAmount',
      when: { '==': [{ var: 'unspentReleases.hasUnspent' }, true] },
    },
    {
      id: 'unspent-plan-required',
      kind: 'require',
      target: 'unspentReleases.plan',
      when: { '==': [{ var: 'unspentReleases.hasUnspent' }, true] },
    },
  ],
  checks: [
    {
      id: 'quarterly-total-within-allocation',
      op: 'lte',
      left: { var: 'cashPlan.items.totals.total' },
      right: { var: 'provision.allocation' },
      pointer: '/cashPlan/items/totals/total',
      message: l(
        'The quarterly targets may not exceed the allocation for the year.',
        'سہ ماہی اہداف کا میزان سال کے لیے مختص رقم سے زیادہ نہیں ہو سکتا۔',
      ),
    },
    {
      id: 'items-equal-approved-cost',
      op: 'eq',
      left: { var: 'cashPlan.items.totals.approvedCost' },
      right: { var: 'provision.approvedCost' },
      pointer: '/cashPlan/items/totals/approvedCost',
      message: l(
        'The approved cost of the items must add up to the approved cost of the project.',
        'مدات کی منظور شدہ لاگت کا میزان منصوبے کی منظور شدہ لاگت کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'plan-within-approved-cost',
      op: 'lte',
      left: {
        dec_add: [{ var: 'cashPlan.items.totals.cumulativeExpenditure' }, { var: 'cashPlan.items.totals.total' }],
      },
      right: { var: 'cashPlan.items.totals.approvedCost' },
      pointer: '/cashPlan/items/totals/total',
      message: l(
        "Expenditure to date plus this year's targets may not exceed the approved cost (a revised PC-I is needed).",
        'اب تک کے اخراجات اور اس سال کے اہداف کا مجموعہ منظور شدہ لاگت ' +
          'سے زیادہ نہیں ہو سکتا (نظرِ ثانی شدہ پی سی ون درکار ہے)۔',
      ),
    },
    {
      id: 'foreign-aid-within-allocation',
      op: 'lte',
      left: { var: 'provision.allocationFec' },
      right: { var: 'provision.allocation' },
      pointer: '/provision/allocationFec',
      message: l(
        'The foreign-aid part cannot exceed the allocation.',
        'غیر ملکی امداد کا حصہ مختص رقم سے زیادہ نہیں ہو سکتا۔',
      ),
    },
  ],
};

/** A local / foreign-exchange / total triple of the monthly report (the total is calculated). */
const lft = (id: string, en: string, ur: string, required = true) => [
  money(
    `${id}Local`,
    l(`${en}: local (Rs million)`, `${ur}: مقامی (ملین روپے)`),
    required ? { required: true, locked: true } : {},
  ),
  money(
    `${id}Fec`,
    l(`${en}: foreign exchange (Rs million)`, `${ur}: زرِ مبادلہ (ملین روپے)`),
    required ? { required: true, locked: true } : {},
  ),
  money(`${id}Total`, l(`${en}: total (Rs million)`, `${ur}: کل (ملین روپے)`)),
];
const lftTotal = (id: string) => ({
  id: `${kebab(id)}-total`,
  kind: 'calculate' as const,
  target: `financial.${id}Total`,
  value: { dec_add: [{ var: `financial.${id}Local` }, { var: `financial.${id}Fec` }] },
  description: 'Local + foreign exchange = total',
});

export const pc3b: FormDefinition = {
  key: 'pc3b',
  version: '1.0.0',
  family: 'PC-III-B',
  title: l('PC-III(B): Monthly progress report', 'پی سی تھری (بی): ماہانہ پیش رفت رپورٹ'),
  source: {
    document:
      'PC-III(B) periodic (monthly) progress report, Planning Commission of ' +
      'Pakistan (2006 guidelines for monitoring officers)',
    urls: [
      'https://www.scribd.com/document/442004509/Guidelines-for-the-Monitoring-Officers',
      'https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/84',
    ],
    notes:
      'Reported by the 5th day of each month (first report covering July–September). ' +
      '"No column should be left blank" and ' +
      'physical and financial achievements must correlate. ' +
      '[verify] The printed layout and numbering of the PC-III(B) ' +
      'were not retrieved; fields follow the domain notes (reporting period, ' +
      'allocation, releases, expenditure for the ' +
      'period and cumulative with local/FEC, item-wise physical targets vs achievements, issues, remedial action). ' +
      'Section numbers are sequential.',
  },
  sections: [
    section('project', '1', l('Name of the project', 'منصوبے کا نام'), [
      ...projectIdentityFields({ reportsOnPcI: true }),
      shortText('executing', l('Executing agency', 'عمل درآمد کرنے والا ادارہ')),
      shortText('projectDirector', l('Project Director', 'پروجیکٹ ڈائریکٹر')),
    ]),
    section('period', '2', l('Reporting period', 'رپورٹ کی مدت'), [
      pcField('month', 'text', l('Month reported on', 'زیرِ رپورٹ مہینہ'), {
        constraints: { maxLength: 300, pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$' },
        help: l('Year and month as YYYY-MM, e.g. 2025-12.', 'سال اور مہینہ YYYY-MM کی صورت میں، مثلاً 2025-12۔'),
        widget: 'month',
      }),
      pcField('fiscalYear', 'fiscalYear', l('Financial year', 'مالی سال')),
      field('reportDate', 'date', l('Date of the report', 'رپورٹ کی تاریخ'), {
        help: l('Due by the 5th day of the following month.', 'اگلے مہینے کی 5 تاریخ تک جمع کرانا لازمی ہے۔'),
      }),
    ]),
    section('financial', '3', l('Financial progress', 'مالی پیش رفت'), [
      pcField(
        'approvedCost',
        'money',
        l('Approved cost of the project (Rs million)', 'منصوبے کی منظور شدہ لاگت (ملین روپے)'),
      ),
      ...lft('allocation', 'Allocation for the year', 'سال کے لیے مختص رقم'),
      ...lft('releases', 'Releases to date in the year', 'سال میں اب تک جاری شدہ رقم'),
      ...lft('expenditurePeriod', 'Expenditure during the month', 'مہینے کے دوران اخراجات'),
      ...lft('expenditureCumulative', 'Cumulative expenditure in the year to date', 'سال میں اب تک مجموعی اخراجات'),
      money(
        'expenditureSinceInception',
        l(
          'Cumulative expenditure since the start of the project (Rs million)',
          'منصوبے کے آغاز سے اب تک مجموعی اخراجات (ملین روپے)',
        ),
      ),
    ]),
    section('physical', '4', l('Item-wise physical progress', 'مد وار عملی پیش رفت'), [
      field('items', 'table', l('Physical targets and achievements', 'عملی اہداف اور کامیابیاں'), {
        required: true,
        locked: true,
        constraints: { minItems: 1, maxItems: 500 },
        columns: [
          itemColumn(),
          field('unit', 'text', l('Unit', 'اکائی'), { required: true, constraints: { maxLength: 300 } }),
          field('target', 'decimal', l('Target for the year', 'سال کا ہدف'), { required: true }),
          field('achieved', 'decimal', l('Achieved to date in the year', 'سال میں اب تک حاصل شدہ'), { required: true }),
          field('percentAchieved', 'decimal', l('Achieved (% of target)', 'حصول (ہدف کا فیصد)')),
          field('remarks', 'text', l('Remarks', 'کیفیت'), { constraints: { maxLength: 300 } }),
        ],
      }),
      field(
        'overallPhysicalProgress',
        'decimal',
        l('Overall physical progress of the project (%)', 'منصوبے کی مجموعی عملی پیش رفت (%)'),
        {
          constraints: { minimum: '0', maximum: '100', scale: 2 },
        },
      ),
    ]),
    section('issues', '5', l('Issues and remedial action', 'مسائل اور اصلاحی اقدامات'), [
      pcField('issues', 'textarea', l('Issues / bottlenecks', 'مسائل / رکاوٹیں'), {
        constraints: { maxLength: 20000 },
      }),
      pcField(
        'remedialAction',
        'textarea',
        l('Remedial action taken or proposed', 'کیے گئے یا تجویز کردہ اصلاحی اقدامات'),
        { constraints: { maxLength: 20000 } },
      ),
      longText(
        'assistanceRequired',
        l(
          'Action required from the department / P&D / Planning Commission',
          'محکمہ / پی اینڈ ڈی / پلاننگ کمیشن سے درکار اقدام',
        ),
      ),
    ]),
    section('certificate', '6', l('Signatures', 'دستخط'), [
      signatory('preparedBy', l('Prepared by (Project Director)', 'تیار کنندہ (پروجیکٹ ڈائریکٹر)')),
      signatory('verifiedBy', l('Verified by', 'تصدیق کنندہ'), false),
    ]),
  ],
  rules: [
    lftTotal('allocation'),
    lftTotal('releases'),
    lftTotal('expenditurePeriod'),
    lftTotal('expenditureCumulative'),
    {
      id: 'percent-achieved',
      kind: 'calculate',
      target: 'physical.items.rows.*.percentAchieved',
      value: { dec_div: [{ dec_mul: [{ var: 'row.achieved' }, '100'] }, { var: 'row.target' }] },
      description: 'Achieved as a percentage of the target, for every item (empty when the target is 0)',
    },
  ],
  checks: [
    {
      id: 'cumulative-within-releases',
      op: 'lte',
      left: { var: 'financial.expenditureCumulativeTotal' },
      right: { var: 'financial.releasesTotal' },
      pointer: '/financial/expenditureCumulativeTotal',
      message: l(
        'Cumulative expenditure cannot exceed the releases.',
        'مجموعی اخراجات جاری شدہ رقم سے زیادہ نہیں ہو سکتے۔',
      ),
    },
    {
      id: 'releases-within-allocation',
      op: 'lte',
      left: { var: 'financial.releasesTotal' },
      right: { var: 'financial.allocationTotal' },
      pointer: '/financial/releasesTotal',
      message: l('Releases cannot exceed the allocation.', 'جاری شدہ رقم مختص رقم سے زیادہ نہیں ہو سکتی۔'),
    },
    {
      id: 'period-within-cumulative',
      op: 'lte',
      left: { var: 'financial.expenditurePeriodTotal' },
      right: { var: 'financial.expenditureCumulativeTotal' },
      pointer: '/financial/expenditurePeriodTotal',
      message: l(
        "The month's expenditure cannot exceed the cumulative expenditure of the year.",
        'مہینے کے اخراجات سال کے مجموعی اخراجات سے زیادہ نہیں ہو سکتے۔',
      ),
    },
    {
      id: 'inception-includes-year',
      op: 'gte',
      left: { var: 'financial.expenditureSinceInception' },
      right: { var: 'financial.expenditureCumulativeTotal' },
      when: { '!!': [{ var: 'financial.expenditureSinceInception' }] },
      pointer: '/financial/expenditureSinceInception',
      message: l(
        'Expenditure since the start of the project cannot be less than the expenditure of this year.',
        'منصوبے کے آغاز سے اب تک کے اخراجات اس سال کے اخراجات سے کم نہیں ہو سکتے۔',
      ),
    },
  ],
};
