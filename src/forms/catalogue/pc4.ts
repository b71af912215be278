import { FormDefinition } from '../definition';
import {
  authorityFields,
  field,
  fiscalYearColumn,
  itemColumn,
  l,
  localForeignTable,
  longText,
  money,
  pcField,
  plannedActualTable,
  projectIdentityFields,
  section,
  select,
  shortText,
  signatory,
} from './common';

/*
 * PC-IV: project completion report, furnished immediately after completion whether or not the
 * accounts are closed. Items 1–12 of the 2005 proforma, with the 2010 "PCR-01" additions
 * (approval forum and dates, extensions, original/revised cost, financing, project accounts,
 * phasing vs allocation vs releases) and the "ES-001" additions (achievement of objectives,
 * year-wise income, RBM indicators, ownership of assets, sustainability).
 */

/** The latest approved cost: the revised PC-I's when there is one, else the original. */
const LATEST_APPROVED_COST = {
  if: [
    { dec_gt: [{ var: 'capitalCost.cost.totals.revised' }, '0'] },
    { var: 'capitalCost.cost.totals.revised' },
    { var: 'capitalCost.cost.totals.original' },
  ],
};
const REVISED = { '==': [{ var: 'approval.revised' }, true] };

const financing = localForeignTable(
  { section: 'financing', id: 'sources' },
  l('Sources of financing of the actual cost', 'اصل لاگت کے مالی وسائل کے ذرائع'),
  [
    select(
      'source',
      l('Source (federal, provincial, donor)', 'ذریعہ (وفاقی، صوبائی، عطیہ دہندہ)'),
      { master: 'funding-sources' },
      { required: true },
    ),
    shortText('donor', l('Donor / lender (foreign aid)', 'عطیہ دہندہ / قرض دہندہ (غیر ملکی امداد)')),
  ],
  { required: true, locked: true },
);

const physical = plannedActualTable(
  { section: 'physical', id: 'targets' },
  l('Item-wise physical targets and achievements', 'مد وار عملی اہداف اور کامیابیاں'),
  [itemColumn(), field('unit', 'text', l('Unit', 'اکائی'), { required: true, constraints: { maxLength: 300 } })],
  { type: 'decimal', totals: false },
  { required: true, locked: true },
);

const income = plannedActualTable(
  { section: 'income', id: 'yearly' },
  l('Year-wise income', 'سال وار آمدنی'),
  [fiscalYearColumn()],
  { type: 'money' },
  {
    help: l(
      'For projects that earn income (fees, tolls, sales); leave empty otherwise.',
      'آمدنی والے منصوبوں (فیس، ٹول، فروخت) کے لیے؛ بصورتِ دیگر خالی چھوڑیں۔',
    ),
  },
);

export const pc4: FormDefinition = {
  key: 'pc4',
  version: '1.0.0',
  family: 'PC-IV',
  title: l('PC-IV: Project completion report', 'پی سی فور: منصوبے کی تکمیل کی رپورٹ'),
  source: {
    document: 'PC-IV project completion report, Planning Commission of Pakistan (2005; 2010 PCR-01; ES-001 variant)',
    urls: [
      'https://www.scribd.com/document/521609913/From-PC-IV',
      'https://pt.slideshare.net/hayatalishaw/pc-ivnew-90524911',
      'https://ro.scribd.com/document/393882659/PC-IV-Form-New',
      'https://docsbay.net/government-of-nwfp-s1',
    ],
    notes:
      'Items 1–12 follow the 2005 PC-IV numbering. ' +
      'The 2010 PCR-01 and ES-001 additions are placed beside the item they ' +
      'belong to as lettered sub-items (1(a) agencies, 1(b) approval, ' +
      '3(a) financing, 3(b) project accounts, 7(a) year-wise ' +
      'income) or after item 12 (13 RBM indicators, 14 ownership of assets, ' +
      '15 sustainability, 16 signatures). [verify] This ' +
      'numbering of the additions is ours, not the printed PCR-01 / ES-001 numbering, ' +
      'which was not retrieved. "Social sectors: ' +
      'unit cost only" in item 8. The NWFP P&D PC-IV is identical to the federal one.',
  },
  sections: [
    section('project', '1', l('Name of the project', 'منصوبے کا نام'), [
      ...projectIdentityFields({ reportsOnPcI: true }),
      select('sector', l('Sector', 'شعبہ'), { master: 'sectors' }, { required: true, locked: true }),
      select('subSector', l('Sub-sector', 'ذیلی شعبہ'), { master: 'sub-sectors' }),
    ]),
    section('authorities', '1(a)', l('Agencies responsible', 'ذمہ دار ادارے'), authorityFields()),
    section('approval', '1(b)', l('Approval', 'منظوری'), [
      select(
        'forum',
        l('Approving forum (original PC-I)', 'منظوری دینے والا فورم (اصل پی سی ون)'),
        { master: 'approval-forums' },
        { required: true, locked: true },
      ),
      pcField('approvedOn', 'date', l('Date of approval (original PC-I)', 'منظوری کی تاریخ (اصل پی سی ون)')),
      field('revised', 'boolean', l('Was the PC-I revised?', 'کیا پی سی ون پر نظرِ ثانی ہوئی؟'), {
        required: true,
        locked: true,
        widget: 'radio',
      }),
      select('revisedForum', l('Approving forum (revised PC-I)', 'منظوری دینے والا فورم (نظرِ ثانی شدہ پی سی ون)'), {
        master: 'approval-forums',
      }),
      field('revisedOn', 'date', l('Date of approval (revised PC-I)', 'منظوری کی تاریخ (نظرِ ثانی شدہ پی سی ون)')),
    ]),
    section('implementation', '2', l('Implementation period', 'عمل درآمد کی مدت'), [
      pcField('plannedStart', 'date', l('Commencement as per PC-I', 'پی سی ون کے مطابق آغاز')),
      pcField('plannedCompletion', 'date', l('Completion as per PC-I', 'پی سی ون کے مطابق تکمیل')),
      pcField('actualStart', 'date', l('Actual commencement', 'اصل آغاز')),
      pcField('actualCompletion', 'date', l('Actual completion', 'اصل تکمیل')),
      field('extensions', 'table', l('Extensions granted', 'دی گئی توسیعات'), {
        constraints: { maxItems: 50 },
        columns: [
          field('date', 'date', l('Date of extension', 'توسیع کی تاریخ'), { required: true }),
          field('months', 'integer', l('Period (months)', 'مدت (مہینے)'), {
            required: true,
            constraints: { minimum: 1, maximum: 240 },
          }),
          select('forum', l('Granted by', 'منظور کنندہ'), { master: 'approval-forums' }),
          field('reason', 'text', l('Reason', 'وجہ'), { constraints: { maxLength: 300 } }),
        ],
      }),
      longText(
        'delayReasons',
        l('Reasons for delay beyond the PC-I completion date', 'پی سی ون کی تاریخِ تکمیل سے تاخیر کی وجوہات'),
      ),
    ]),
    section('capitalCost', '3', l('Capital cost: approved and actual', 'سرمایہ جاتی لاگت: منظور شدہ اور اصل'), [
      field('cost', 'table', l('Cost original / revised / actual', 'لاگت: اصل منظور شدہ / نظرِ ثانی شدہ / حقیقی'), {
        required: true,
        locked: true,
        help: l(
          'Fill the revised column for every row when the PC-I was revised (0 where ' +
            'a component has none); variance is against the latest approved cost.',
          'اگر پی سی ون پر نظرِ ثانی ہوئی ہو تو ہر قطار میں نظرِ ثانی شدہ لاگت درج ' +
            'کریں (جہاں نہ ہو وہاں 0)؛ فرق تازہ ترین منظور شدہ لاگت کے مقابلے میں ہے۔',
        ),
        constraints: { minItems: 1, maxItems: 3 },
        columns: [
          select(
            'component',
            l('Component', 'جزو'),
            [
              { value: 'local', label: l('Local', 'مقامی') },
              { value: 'fec-loan', label: l('Foreign exchange: loan', 'زرِ مبادلہ: قرض') },
              { value: 'fec-grant', label: l('Foreign exchange: grant', 'زرِ مبادلہ: گرانٹ') },
            ],
            { required: true, fixedOptions: true },
          ),
          money('original', l('Original approved (Rs million)', 'اصل منظور شدہ (ملین روپے)'), { required: true }),
          money('revised', l('Revised approved (Rs million)', 'نظرِ ثانی شدہ منظور شدہ (ملین روپے)')),
          money('actual', l('Actual (Rs million)', 'حقیقی (ملین روپے)'), { required: true }),
          money(
            'variance',
            l('Variance: actual − latest approved (Rs million)', 'فرق: حقیقی − تازہ ترین منظور شدہ (ملین روپے)'),
            { constraints: { allowNegative: true } },
          ),
        ],
        totals: ['original', 'revised', 'actual', 'variance'],
      }),
      field(
        'exchangeRate',
        'decimal',
        l('Exchange rate used (Rs per US$)', 'استعمال شدہ شرحِ مبادلہ (روپے فی امریکی ڈالر)'),
        { constraints: { scale: 4, minimum: '0' } },
      ),
      longText('variationReasons', l('Reasons for variation in cost', 'لاگت میں فرق کی وجوہات')),
    ]),
    section('financing', '3(a)', l('Financing', 'مالی وسائل'), [financing.field]),
    section('accounts', '3(b)', l('Project accounts', 'منصوبے کے کھاتے'), [
      field('accounts', 'table', l('Accounts operated by the project', 'منصوبے کے زیرِ استعمال کھاتے'), {
        constraints: { maxItems: 20 },
        columns: [
          select(
            'type',
            l('Type of account', 'کھاتے کی قسم'),
            [
              { value: 'pla', label: l('Personal Ledger Account (PLA)', 'پرسنل لیجر اکاؤنٹ (پی ایل اے)') },
              { value: 'assignment', label: l('Assignment account', 'اسائنمنٹ اکاؤنٹ') },
              { value: 'current', label: l('Current account', 'کرنٹ اکاؤنٹ') },
              { value: 'savings', label: l('Savings account', 'سیونگ اکاؤنٹ') },
            ],
            { required: true, fixedOptions: true },
          ),
          field('title', 'text', l('Title and bank / treasury', 'کھاتے کا عنوان اور بینک / خزانہ'), {
            constraints: { maxLength: 300 },
          }),
          field('lapsable', 'boolean', l('Lapsable?', 'کیا رقم منسوخ (لیپس) ہو جاتی ہے؟'), { required: true }),
          field('closedOn', 'date', l('Date closed', 'بند ہونے کی تاریخ')),
          field('reasonsNotClosed', 'text', l('If not closed, reasons', 'اگر بند نہیں ہوا تو وجوہات'), {
            constraints: { maxLength: 300 },
          }),
        ],
      }),
    ]),
    section(
      'phasing',
      '4',
      l('Phasing, allocations, releases and expenditure', 'مرحلہ وار تقسیم، مختص رقم، اجراء اور اخراجات'),
      [
        field('years', 'table', l('Year-wise financial progress (Rs million)', 'سال وار مالی پیش رفت (ملین روپے)'), {
          required: true,
          locked: true,
          constraints: { minItems: 1, maxItems: 50 },
          columns: [
            fiscalYearColumn(),
            money('pcIPhasing', l('Phasing as per approved PC-I', 'منظور شدہ پی سی ون کے مطابق تقسیم')),
            money('allocation', l('PSDP / ADP allocation', 'پی ایس ڈی پی / اے ڈی پی میں مختص رقم'), { required: true }),
            money('releases', l('Releases', 'جاری شدہ رقم'), { required: true }),
            money('expenditure', l('Expenditure', 'اخراجات'), { required: true }),
          ],
          totals: ['pcIPhasing', 'allocation', 'releases', 'expenditure'],
        }),
      ],
    ),
    section('physical', '5', l('Physical targets and achievements', 'عملی اہداف اور کامیابیاں'), [physical.field]),
    section(
      'itemExpenditure',
      '6',
      l('Item-wise planned and actual expenditure', 'مد وار منصوبہ بند اور اصل اخراجات'),
      [
        field('items', 'table', l('Expenditure by item (Rs million)', 'مد وار اخراجات (ملین روپے)'), {
          required: true,
          locked: true,
          constraints: { minItems: 1, maxItems: 500 },
          columns: [
            itemColumn(),
            money('plannedLocal', l('Planned: local', 'منصوبہ بند: مقامی'), { required: true }),
            money('plannedFec', l('Planned: foreign exchange', 'منصوبہ بند: زرِ مبادلہ'), { required: true }),
            money('planned', l('Planned: total', 'منصوبہ بند: کل')),
            money('actualLocal', l('Actual: local', 'اصل: مقامی'), { required: true }),
            money('actualFec', l('Actual: foreign exchange', 'اصل: زرِ مبادلہ'), { required: true }),
            money('actual', l('Actual: total', 'اصل: کل')),
            money('variance', l('Variance (actual − planned)', 'فرق (اصل − منصوبہ بند)'), {
              constraints: { allowNegative: true },
            }),
          ],
          totals: ['plannedLocal', 'plannedFec', 'planned', 'actualLocal', 'actualFec', 'actual', 'variance'],
        }),
      ],
    ),
    section('benefits', '7', l('Quantifiable benefits', 'قابلِ پیمائش فوائد'), [
      longText('financial', l('Financial benefits', 'مالی فوائد')),
      longText('economic', l('Economic benefits', 'معاشی فوائد')),
      pcField('social', 'textarea', l('Social benefits', 'سماجی فوائد'), { constraints: { maxLength: 20000 } }),
      field(
        'jobsConstruction',
        'integer',
        l('Employment generated during implementation (persons)', 'عمل درآمد کے دوران پیدا شدہ روزگار (افراد)'),
        { constraints: { maximum: 10000000 } },
      ),
      field(
        'jobsOperation',
        'integer',
        l('Permanent employment after completion (persons)', 'تکمیل کے بعد مستقل روزگار (افراد)'),
        { constraints: { maximum: 10000000 } },
      ),
      longText('employment', l('Employment: details', 'روزگار: تفصیل')),
    ]),
    section('income', '7(a)', l('Year-wise income', 'سال وار آمدنی'), [income.field]),
    section('results', '8', l('Results on actual cost', 'اصل لاگت پر نتائج'), [
      field(
        'financialNpv',
        'decimal',
        l('Financial net present value (Rs million)', 'مالی خالص موجودہ قدر (ملین روپے)'),
        { constraints: { scale: 3, allowNegative: true } },
      ),
      field('financialBcr', 'decimal', l('Financial benefit–cost ratio', 'مالی فائدہ و لاگت کا تناسب'), {
        constraints: { scale: 2 },
      }),
      field('firr', 'decimal', l('Financial internal rate of return, FIRR (%)', 'مالی داخلی شرحِ منافع (%)'), {
        constraints: { scale: 2, allowNegative: true },
      }),
      field(
        'economicNpv',
        'decimal',
        l('Economic net present value (Rs million)', 'معاشی خالص موجودہ قدر (ملین روپے)'),
        { constraints: { scale: 3, allowNegative: true } },
      ),
      field('economicBcr', 'decimal', l('Economic benefit–cost ratio', 'معاشی فائدہ و لاگت کا تناسب'), {
        constraints: { scale: 2 },
      }),
      field('eirr', 'decimal', l('Economic internal rate of return, EIRR (%)', 'معاشی داخلی شرحِ منافع (%)'), {
        constraints: { scale: 2, allowNegative: true },
      }),
      pcField('unitCost', 'decimal', l('Unit cost (Rs million per unit)', 'فی اکائی لاگت (ملین روپے فی اکائی)'), {
        constraints: { scale: 3 },
        help: l(
          'Social sector projects report the unit cost only.',
          'سماجی شعبے کے منصوبے صرف فی اکائی لاگت درج کریں۔',
        ),
      }),
      pcField('unit', 'text', l('Unit of the unit cost', 'فی اکائی لاگت کی اکائی'), {
        constraints: { maxLength: 300 },
        help: l('E.g. per km of road, per classroom, per bed.', 'مثلاً فی کلومیٹر سڑک، فی کمرۂ جماعت، فی بستر۔'),
      }),
      field('discountRate', 'decimal', l('Discount rate used (%)', 'استعمال شدہ شرحِ رعایت (%)'), {
        constraints: { scale: 2 },
      }),
    ]),
    section(
      'scope',
      '9',
      l('Implementation according to the approved scope', 'منظور شدہ دائرۂ کار کے مطابق عمل درآمد'),
      [
        field(
          'asApproved',
          'boolean',
          l(
            'Was the project implemented according to the approved scope?',
            'کیا منصوبے پر منظور شدہ دائرۂ کار کے مطابق عمل ہوا؟',
          ),
          {
            required: true,
            locked: true,
            widget: 'radio',
          },
        ),
        longText(
          'variations',
          l('Variations from the approved scope and reasons', 'منظور شدہ دائرۂ کار سے انحراف اور اس کی وجوہات'),
        ),
        pcField('objectivesAchieved', 'textarea', l('Achievement of objectives', 'مقاصد کا حصول'), {
          constraints: { maxLength: 20000 },
        }),
      ],
    ),
    section('impact', '10', l('Impact on the target group', 'ہدف گروہ پر اثرات'), [
      pcField('impact', 'textarea', l('Impact of the project on the target group', 'ہدف گروہ پر منصوبے کے اثرات'), {
        constraints: { maxLength: 20000 },
      }),
      field('beneficiariesMale', 'integer', l('Beneficiaries: male', 'مستفیدین: مرد'), {
        constraints: { maximum: 1000000000 },
      }),
      field('beneficiariesFemale', 'integer', l('Beneficiaries: female', 'مستفیدین: خواتین'), {
        constraints: { maximum: 1000000000 },
      }),
    ]),
    section('lessons', '11', l('Lessons learnt', 'حاصل شدہ اسباق'), [
      pcField('identification', 'textarea', l('Project identification', 'منصوبے کی نشاندہی'), {
        constraints: { maxLength: 20000 },
      }),
      pcField('preparation', 'textarea', l('Project preparation', 'منصوبے کی تیاری'), {
        constraints: { maxLength: 20000 },
      }),
      pcField('approval', 'textarea', l('Approval', 'منظوری'), { constraints: { maxLength: 20000 } }),
      pcField('financing', 'textarea', l('Financing', 'مالی وسائل کی فراہمی'), { constraints: { maxLength: 20000 } }),
      pcField('implementation', 'textarea', l('Implementation', 'عمل درآمد'), { constraints: { maxLength: 20000 } }),
    ]),
    section('suggestions', '12', l('Suggestions', 'تجاویز'), [
      pcField('suggestions', 'textarea', l('Suggestions for future projects', 'آئندہ منصوبوں کے لیے تجاویز'), {
        constraints: { maxLength: 20000 },
      }),
    ]),
    section('rbm', '13', l('Results-based monitoring indicators', 'نتائج پر مبنی نگرانی کے اشاریے'), [
      field(
        'indicators',
        'table',
        l('RBM indicators: targets and achievements', 'آر بی ایم اشاریے: اہداف اور کامیابیاں'),
        {
          required: true,
          locked: true,
          constraints: { minItems: 1, maxItems: 100 },
          columns: [
            field('input', 'text', l('Input', 'ان پٹ'), { required: true, constraints: { maxLength: 300 } }),
            field('output', 'text', l('Output', 'آؤٹ پٹ'), { required: true, constraints: { maxLength: 300 } }),
            field('outcome', 'text', l('Outcome', 'نتیجہ (آؤٹ کم)'), { constraints: { maxLength: 300 } }),
            field('impact', 'text', l('Impact', 'اثر'), { constraints: { maxLength: 300 } }),
            field('baseline', 'text', l('Baseline', 'ابتدائی صورتحال (بیس لائن)'), { constraints: { maxLength: 300 } }),
            field('target', 'text', l('Target', 'ہدف'), { required: true, constraints: { maxLength: 300 } }),
            field('achieved', 'text', l('Achieved', 'حاصل شدہ'), { required: true, constraints: { maxLength: 300 } }),
          ],
        },
      ),
    ]),
    section('assets', '14', l('Ownership of assets after completion', 'تکمیل کے بعد اثاثوں کی ملکیت'), [
      select(
        'owner',
        l('Department owning the assets', 'اثاثوں کا مالک محکمہ'),
        { master: 'departments' },
        { required: true, locked: true },
      ),
      pcField('custodian', 'text', l('Office responsible for the assets', 'اثاثوں کا ذمہ دار دفتر'), {
        constraints: { maxLength: 300 },
      }),
      field('handedOverOn', 'date', l('Date of handing over', 'حوالگی کی تاریخ')),
      field('register', 'table', l('Assets handed over', 'حوالے کیے گئے اثاثے'), {
        constraints: { maxItems: 500 },
        columns: [
          field('asset', 'text', l('Asset', 'اثاثہ'), { required: true, constraints: { maxLength: 300 } }),
          field('quantity', 'text', l('Quantity', 'مقدار'), { constraints: { maxLength: 300 } }),
          money('value', l('Value (Rs million)', 'مالیت (ملین روپے)')),
        ],
        totals: ['value'],
      }),
    ]),
    section('sustainability', '15', l('Sustainability', 'پائیداری'), [
      pcField(
        'mechanism',
        'textarea',
        l('Mechanism for sustaining the project', 'منصوبے کو برقرار رکھنے کا طریقۂ کار'),
        { constraints: { maxLength: 20000 } },
      ),
      shortText('omAgency', l('Agency responsible for operation & maintenance', 'آپریشن و دیکھ بھال کا ذمہ دار ادارہ')),
      money(
        'annualOmCost',
        l('Annual operation & maintenance cost (Rs million)', 'آپریشن و دیکھ بھال کی سالانہ لاگت (ملین روپے)'),
      ),
      shortText('omFunding', l('Source of operation & maintenance funds', 'آپریشن و دیکھ بھال کے فنڈز کا ذریعہ')),
    ]),
    section('certificate', '16', l('Signatures', 'دستخط'), [
      signatory('preparedBy', l('Prepared by (Project Director)', 'تیار کنندہ (پروجیکٹ ڈائریکٹر)')),
      signatory(
        'approvedBy',
        l(
          'Approved by (head of the executing agency / sponsoring department)',
          'منظور کنندہ (عمل درآمد کرنے والے ادارے / سرپرست محکمے کے سربراہ)',
        ),
      ),
    ]),
  ],
  rules: [
    { id: 'revised-forum-visible', kind: 'visible', target: 'approval.revisedForum', when: REVISED },
    { id: 'revised-date-visible', kind: 'visible', target: 'approval.revisedOn', when: REVISED },
    { id: 'revised-forum-required', kind: 'require', target: 'approval.revisedForum', when: REVISED },
    { id: 'revised-date-required', kind: 'require', target: 'approval.revisedOn', when: REVISED },
    {
      id: 'delay-reasons-required',
      kind: 'require',
      target: 'implementation.delayReasons',
      when: { '>': [{ var: 'implementation.actualCompletion' }, { var: 'implementation.plannedCompletion' }] },
      description: 'Completed after the PC-I completion date: the reasons must be given (ISO dates compare as text)',
    },
    {
      id: 'cost-variance',
      kind: 'calculate',
      target: 'capitalCost.cost.rows.*.variance',
      value: {
        dec_sub: [
          { var: 'row.actual' },
          { if: [{ var: 'row.revised' }, { var: 'row.revised' }, { var: 'row.original' }] },
        ],
      },
      description: 'Actual − latest approved cost (revised when filled, else original), for every component',
    },
    {
      id: 'variation-reasons-required',
      kind: 'require',
      target: 'capitalCost.variationReasons',
      when: { dec_gt: [{ var: 'capitalCost.cost.totals.actual' }, LATEST_APPROVED_COST] },
      description: 'Actual cost above the latest approved cost: the reasons must be given',
    },
    {
      id: 'revised-cost-required',
      kind: 'require',
      target: 'capitalCost.cost.rows.*.revised',
      when: REVISED,
      description: 'A revised PC-I: the revised cost of every component must be given',
    },
    ...financing.rules,
    {
      id: 'account-not-closed-reasons',
      kind: 'require',
      target: 'accounts.accounts.rows.*.reasonsNotClosed',
      when: { '!': [{ var: 'row.closedOn' }] },
      description: 'An account that is not closed needs the reasons',
    },
    ...physical.rules,
    {
      id: 'item-planned',
      kind: 'calculate',
      target: 'itemExpenditure.items.rows.*.planned',
      value: { dec_add: [{ var: 'row.plannedLocal' }, { var: 'row.plannedFec' }] },
    },
    {
      id: 'item-actual',
      kind: 'calculate',
      target: 'itemExpenditure.items.rows.*.actual',
      value: { dec_add: [{ var: 'row.actualLocal' }, { var: 'row.actualFec' }] },
    },
    {
      id: 'item-variance',
      kind: 'calculate',
      target: 'itemExpenditure.items.rows.*.variance',
      value: {
        dec_sub: [
          { dec_add: [{ var: 'row.actualLocal' }, { var: 'row.actualFec' }] },
          { dec_add: [{ var: 'row.plannedLocal' }, { var: 'row.plannedFec' }] },
        ],
      },
      description: 'Actual total − planned total, for every item',
    },
    ...income.rules,
    {
      id: 'variations-required',
      kind: 'require',
      target: 'scope.variations',
      when: { '==': [{ var: 'scope.asApproved' }, false] },
      description: 'Not implemented as approved: the variations must be described',
    },
    {
      id: 'variations-visible',
      kind: 'visible',
      target: 'scope.variations',
      when: { '==': [{ var: 'scope.asApproved' }, false] },
    },
  ],
  checks: [
    {
      id: 'financing-equals-actual-cost',
      op: 'eq',
      left: { var: 'financing.sources.totals.total' },
      right: { var: 'capitalCost.cost.totals.actual' },
      pointer: '/financing/sources/totals/total',
      message: l(
        'The financing total must equal the actual cost.',
        'مالی وسائل کا میزان اصل لاگت کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'expenditure-equals-actual-cost',
      op: 'eq',
      left: { var: 'phasing.years.totals.expenditure' },
      right: { var: 'capitalCost.cost.totals.actual' },
      pointer: '/phasing/years/totals/expenditure',
      message: l(
        'Total expenditure over the years must equal the actual cost.',
        'تمام برسوں کے اخراجات کا میزان اصل لاگت کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'expenditure-within-releases',
      op: 'lte',
      left: { var: 'phasing.years.totals.expenditure' },
      right: { var: 'phasing.years.totals.releases' },
      pointer: '/phasing/years/totals/expenditure',
      message: l('Expenditure cannot exceed the releases.', 'اخراجات جاری شدہ رقم سے زیادہ نہیں ہو سکتے۔'),
    },
    {
      id: 'releases-within-allocation',
      op: 'lte',
      left: { var: 'phasing.years.totals.releases' },
      right: { var: 'phasing.years.totals.allocation' },
      pointer: '/phasing/years/totals/releases',
      message: l('Releases cannot exceed the allocations.', 'جاری شدہ رقم مختص رقم سے زیادہ نہیں ہو سکتی۔'),
    },
    {
      id: 'pc1-phasing-equals-approved-cost',
      op: 'eq',
      left: { var: 'phasing.years.totals.pcIPhasing' },
      right: LATEST_APPROVED_COST,
      when: { dec_gt: [{ var: 'phasing.years.totals.pcIPhasing' }, '0'] },
      pointer: '/phasing/years/totals/pcIPhasing',
      message: l(
        'The PC-I phasing must add up to the latest approved cost.',
        'پی سی ون کی مرحلہ وار تقسیم کا میزان تازہ ترین منظور شدہ لاگت کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'item-actual-equals-actual-cost',
      op: 'eq',
      left: { var: 'itemExpenditure.items.totals.actual' },
      right: { var: 'capitalCost.cost.totals.actual' },
      pointer: '/itemExpenditure/items/totals/actual',
      message: l(
        'Item-wise actual expenditure must add up to the actual cost.',
        'مد وار اصل اخراجات کا میزان اصل لاگت کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'item-planned-equals-approved-cost',
      op: 'eq',
      left: { var: 'itemExpenditure.items.totals.planned' },
      right: LATEST_APPROVED_COST,
      pointer: '/itemExpenditure/items/totals/planned',
      message: l(
        'Item-wise planned expenditure must add up to the latest approved cost.',
        'مد وار منصوبہ بند اخراجات کا میزان تازہ ترین منظور شدہ لاگت کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'unrevised-cost-within-15-percent',
      op: 'lte',
      left: { var: 'capitalCost.cost.totals.actual' },
      right: { dec_mul: [{ var: 'capitalCost.cost.totals.original' }, '1.15'] },
      when: { '!': [{ dec_gt: [{ var: 'capitalCost.cost.totals.revised' }, '0'] }] },
      pointer: '/capitalCost/cost/totals/actual',
      message: l(
        'Without a revised PC-I the actual cost may not exceed the original approved cost by more than 15 %.',
        'نظرِ ثانی شدہ پی سی ون کے بغیر اصل لاگت منظور شدہ لاگت سے 15 فیصد سے زیادہ نہیں ہو سکتی۔',
      ),
    },
  ],
};
