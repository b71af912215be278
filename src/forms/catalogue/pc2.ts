import { FormDefinition } from '../definition';
import {
  field,
  fiscalYearColumn,
  l,
  locationFields,
  localForeignTable,
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
 * PC-II: proforma for survey and feasibility studies. The Planning Commission's own PC-II text was
 * not retrieved; the sections follow the fields used in practice (domain notes, marked [verify]).
 */

const estimate = localForeignTable(
  { section: 'cost', id: 'estimate' },
  l('Cost estimate by head', 'مد وار تخمینۂ لاگت'),
  [
    select(
      'head',
      l('Head of expenditure', 'مدِ اخراجات'),
      [
        { value: 'consultancy', label: l('Consultancy', 'مشاورتی خدمات (کنسلٹنسی)') },
        { value: 'staff', label: l('Staff (pay and allowances)', 'عملہ (تنخواہ و الاؤنسز)') },
        { value: 'equipment', label: l('Equipment', 'آلات و سامان') },
        { value: 'surveys', label: l('Surveys and investigations', 'سروے و تحقیقات') },
        { value: 'miscellaneous', label: l('Miscellaneous', 'متفرق') },
      ],
      { required: true },
    ),
    shortText('description', l('Description', 'تفصیل')),
  ],
  { required: true, locked: true },
);

const schedule = localForeignTable(
  { section: 'phasing', id: 'schedule' },
  l('Year-wise phasing of the cost', 'لاگت کی سال وار تقسیم'),
  [fiscalYearColumn()],
  { required: true, locked: true },
);

const sources = localForeignTable(
  { section: 'financing', id: 'sources' },
  l('Sources of financing', 'مالی وسائل کے ذرائع'),
  [
    select('source', l('Source', 'ذریعہ'), { master: 'funding-sources' }, { required: true }),
    shortText('donor', l('Donor / lender (foreign aid)', 'عطیہ دہندہ / قرض دہندہ (غیر ملکی امداد)')),
  ],
  { required: true, locked: true },
);

const consultantModes = ['consultants', 'in-house-and-consultants'];

export const pc2: FormDefinition = {
  key: 'pc2',
  version: '1.0.0',
  family: 'PC-II',
  title: l('PC-II: Proforma for survey and feasibility studies', 'پی سی ٹو: سروے اور فزیبلٹی اسٹڈی کا پروفارما'),
  source: {
    document:
      'PC-II proforma for survey and feasibility studies, ' +
      'Planning Commission of Pakistan (Manual for Development Projects)',
    urls: [
      'https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/84',
      'http://pndpunjab.gov.pk/dev_projects',
    ],
    notes:
      '[verify] The full PC-II section list was not retrieved ' +
      'from an official copy of the proforma (neither the 2005 ' +
      'Manual nor the 2024 Manual, Appendix-B). Sections and their order ' +
      'follow the fields expected from practice: name ' +
      'of study; location; sponsoring/executing agencies; ' +
      'objectives and justification; scope/ToR; methodology (in-house ' +
      'vs consultants); cost estimate by head with local/FEC; ' +
      'phasing; financing; study period; manpower; expected output; ' +
      'certificate. Section numbers are sequential, ' +
      'not confirmed as printed. Heads of the cost estimate (consultancy, ' +
      'staff, equipment, surveys, miscellaneous) are not fixed: ' +
      'a province may extend the list. Punjab PDWP approves any ' +
      'PC-II irrespective of cost (province routing, not part of this form).',
  },
  sections: [
    section('project', '1', l('Name of the study', 'مطالعے کا نام'), [
      ...projectIdentityFields({
        titleLabel: l('Name of the survey / feasibility study', 'سروے / فزیبلٹی اسٹڈی کا نام'),
        adpRequired: false,
      }),
      select('sector', l('Sector', 'شعبہ'), { master: 'sectors' }, { required: true, locked: true }),
      select('subSector', l('Sub-sector', 'ذیلی شعبہ'), { master: 'sub-sectors' }),
      field('preparedOn', 'date', l('Date of preparation', 'تاریخِ تیاری')),
    ]),
    section('location', '2', l('Location', 'محلِ وقوع'), locationFields()),
    section('authorities', '3', l('Authorities responsible', 'ذمہ دار ادارے'), [
      pcField('executing', 'text', l('Executing agency', 'عمل درآمد کرنے والا ادارہ'), {
        constraints: { maxLength: 300 },
      }),
      shortText('supervising', l('Agency supervising the study', 'مطالعے کی نگرانی کرنے والا ادارہ')),
      shortText(
        'federalMinistry',
        l('Concerned federal ministry (provincial projects)', 'متعلقہ وفاقی وزارت (صوبائی منصوبے)'),
      ),
    ]),
    section('objectives', '4', l('Objectives and justification of the study', 'مطالعے کے مقاصد اور جواز'), [
      pcField('objectives', 'textarea', l('Objectives of the study', 'مطالعے کے مقاصد'), {
        constraints: { maxLength: 20000 },
      }),
      pcField('justification', 'textarea', l('Justification', 'جواز'), {
        constraints: { maxLength: 20000 },
        help: l(
          'Why the study is needed before a PC-I can be prepared: the problem, ' +
            'the information missing and the options to be examined.',
          'پی سی ون کی تیاری سے پہلے اس مطالعے کی ضرورت کیوں ہے: ' +
            'مسئلہ، درکار معلومات اور جن متبادل صورتوں کا جائزہ لیا جائے گا۔',
        ),
      }),
      longText('planLinkage', l('Relation to sector / plan objectives', 'شعبہ جاتی / منصوبہ بندی کے مقاصد سے تعلق')),
    ]),
    section('scope', '5', l('Scope of work and terms of reference', 'کام کا دائرہ اور ٹرمز آف ریفرنس'), [
      pcField('scopeOfWork', 'textarea', l('Scope of the study', 'مطالعے کا دائرۂ کار'), {
        constraints: { maxLength: 20000 },
      }),
      pcField('termsOfReference', 'textarea', l('Terms of reference (ToR)', 'ٹرمز آف ریفرنس (ٹی او آر)'), {
        constraints: { maxLength: 20000 },
      }),
      field('torDocument', 'attachment', l('Detailed ToR (document)', 'تفصیلی ٹی او آر (دستاویز)')),
    ]),
    section('methodology', '6', l('Methodology', 'طریقۂ کار'), [
      select(
        'mode',
        l('Study to be carried out', 'مطالعہ کس کے ذریعے ہوگا'),
        [
          { value: 'in-house', label: l('In-house (own staff)', 'ادارے کا اپنا عملہ') },
          { value: 'consultants', label: l('Consultants', 'کنسلٹنٹس') },
          { value: 'in-house-and-consultants', label: l('In-house staff with consultants', 'اپنا عملہ مع کنسلٹنٹس') },
        ],
        { required: true, locked: true, widget: 'radio' },
      ),
      pcField('methodology', 'textarea', l('Methodology of the study', 'مطالعے کا طریقۂ کار'), {
        constraints: { maxLength: 20000 },
      }),
      select(
        'consultantSelection',
        l('Method of selecting consultants', 'کنسلٹنٹس کے انتخاب کا طریقہ'),
        [
          { value: 'qcbs', label: l('Quality and cost based selection', 'معیار اور لاگت کی بنیاد پر انتخاب') },
          { value: 'qbs', label: l('Quality based selection', 'معیار کی بنیاد پر انتخاب') },
          { value: 'fixed-budget', label: l('Selection under a fixed budget', 'مقررہ بجٹ کے تحت انتخاب') },
          { value: 'least-cost', label: l('Least cost selection', 'کم ترین لاگت کی بنیاد پر انتخاب') },
          { value: 'single-source', label: l('Single source selection', 'واحد ذریعہ سے انتخاب') },
        ],
        { help: l('As allowed by the procurement rules (PPRA).', 'پروکیورمنٹ قواعد (پیپرا) کے مطابق۔') },
      ),
      shortText('consultants', l('Consultants (if already identified)', 'کنسلٹنٹس (اگر پہلے سے طے ہوں)')),
    ]),
    section('cost', '7', l('Cost estimate', 'تخمینۂ لاگت'), [
      estimate.field,
      longText('basisOfEstimate', l('Basis of the estimate', 'تخمینے کی بنیاد')),
      field('dateOfEstimate', 'date', l('Date of the estimate', 'تخمینے کی تاریخ')),
      field('exchangeRate', 'decimal', l('Exchange rate (Rs per US$)', 'شرحِ مبادلہ (روپے فی امریکی ڈالر)'), {
        constraints: { scale: 4, minimum: '0' },
        help: l(
          'Required when the estimate has a foreign-exchange component.',
          'اگر تخمینے میں زرِ مبادلہ کا حصہ ہو تو لازمی ہے۔',
        ),
      }),
    ]),
    section('phasing', '8', l('Phasing of expenditure', 'اخراجات کی مرحلہ وار تقسیم'), [schedule.field]),
    section('financing', '9', l('Financing', 'مالی وسائل'), [sources.field]),
    section('studyPeriod', '10', l('Study period', 'مطالعے کی مدت'), [
      pcField('startDate', 'date', l('Expected start', 'متوقع آغاز')),
      pcField('endDate', 'date', l('Expected completion', 'متوقع تکمیل')),
      pcField('durationMonths', 'integer', l('Duration (months)', 'دورانیہ (مہینے)'), {
        constraints: { minimum: 1, maximum: 120 },
      }),
      field('activities', 'table', l('Schedule of activities', 'سرگرمیوں کا نظام الاوقات'), {
        constraints: { maxItems: 100 },
        columns: [
          field('activity', 'text', l('Activity', 'سرگرمی'), { required: true, constraints: { maxLength: 300 } }),
          field('start', 'date', l('Start', 'آغاز'), { required: true }),
          field('end', 'date', l('End', 'اختتام'), { required: true }),
        ],
      }),
    ]),
    section('manpower', '11', l('Manpower requirement', 'افرادی قوت کی ضرورت'), [
      field('posts', 'table', l('Staff and consultants for the study', 'مطالعے کے لیے عملہ اور کنسلٹنٹس'), {
        required: true,
        locked: true,
        constraints: { minItems: 1, maxItems: 200 },
        columns: [
          field('post', 'text', l('Position / expertise', 'عہدہ / مہارت'), {
            required: true,
            constraints: { maxLength: 300 },
          }),
          select(
            'provider',
            l('In-house or consultant', 'ادارے کا عملہ یا کنسلٹنٹ'),
            [
              { value: 'in-house', label: l('In-house', 'ادارے کا عملہ') },
              { value: 'consultant', label: l('Consultant', 'کنسلٹنٹ') },
            ],
            { required: true },
          ),
          field('number', 'integer', l('Number', 'تعداد'), {
            required: true,
            constraints: { minimum: 1, maximum: 10000 },
          }),
          field('personMonths', 'decimal', l('Person-months', 'افرادی مہینے'), { constraints: { scale: 1 } }),
        ],
        totals: ['personMonths'],
      }),
    ]),
    section('output', '12', l('Expected output', 'متوقع نتائج'), [
      pcField('expectedOutput', 'textarea', l('Expected output of the study', 'مطالعے کے متوقع نتائج'), {
        constraints: { maxLength: 20000 },
        help: l(
          'E.g. feasibility report, detailed design and drawings, cost estimates, bidding documents, PC-I.',
          'مثلاً فزیبلٹی رپورٹ، تفصیلی ڈیزائن و نقشے، تخمینۂ لاگت، بولی کی دستاویزات، پی سی ون۔',
        ),
      }),
      field('deliverables', 'table', l('Deliverables', 'فراہم کی جانے والی دستاویزات'), {
        constraints: { maxItems: 100 },
        columns: [
          field('deliverable', 'text', l('Deliverable', 'دستاویز / نتیجہ'), {
            required: true,
            constraints: { maxLength: 300 },
          }),
          field('due', 'date', l('Due date', 'مقررہ تاریخ')),
        ],
      }),
      field(
        'leadsToPcI',
        'boolean',
        l('Will the study lead to a PC-I?', 'کیا اس مطالعے کے نتیجے میں پی سی ون تیار ہوگا؟'),
      ),
      money(
        'estimatedProjectCost',
        l('Indicative cost of the resulting project (Rs million)', 'متوقع منصوبے کی اندازاً لاگت (ملین روپے)'),
      ),
    ]),
    section('certificate', '13', l('Certificate', 'تصدیق نامہ'), [
      pcField(
        'certified',
        'boolean',
        l(
          'Certified that this PC-II has been prepared on the basis of the instructions of the Planning Commission',
          'تصدیق کی جاتی ہے کہ یہ پی سی ٹو پلاننگ کمیشن کی ہدایات کے مطابق تیار کیا گیا ہے',
        ),
      ),
      signatory('preparedBy', l('Prepared by', 'تیار کنندہ')),
      signatory('checkedBy', l('Checked by', 'جانچ کنندہ')),
      signatory('approvedBy', l('Approved by', 'منظور کنندہ')),
    ]),
  ],
  rules: [
    ...estimate.rules,
    ...schedule.rules,
    ...sources.rules,
    {
      id: 'consultant-selection-visible',
      kind: 'visible',
      target: 'methodology.consultantSelection',
      when: { in: [{ var: 'methodology.mode' }, consultantModes] },
      description: 'The selection method is asked only when consultants are engaged',
    },
    {
      id: 'consultant-selection-required',
      kind: 'require',
      target: 'methodology.consultantSelection',
      when: { in: [{ var: 'methodology.mode' }, consultantModes] },
      description: 'Consultants engaged: the selection method must be given',
    },
    {
      id: 'consultants-visible',
      kind: 'visible',
      target: 'methodology.consultants',
      when: { in: [{ var: 'methodology.mode' }, consultantModes] },
    },
    {
      id: 'exchange-rate-required',
      kind: 'require',
      target: 'cost.exchangeRate',
      when: { dec_gt: [{ var: 'cost.estimate.totals.fec' }, '0'] },
      description: 'A foreign-exchange component needs the exchange rate used',
    },
  ],
  checks: [
    {
      id: 'phasing-equals-cost',
      op: 'eq',
      left: { var: 'phasing.schedule.totals.total' },
      right: { var: 'cost.estimate.totals.total' },
      pointer: '/phasing/schedule/totals/total',
      message: l(
        'The phasing total must equal the total cost estimate.',
        'مرحلہ وار تقسیم کا میزان کل تخمینۂ لاگت کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'phasing-fec-equals-cost-fec',
      op: 'eq',
      left: { var: 'phasing.schedule.totals.fec' },
      right: { var: 'cost.estimate.totals.fec' },
      pointer: '/phasing/schedule/totals/fec',
      message: l(
        'The foreign-exchange total of the phasing must equal that of the cost estimate.',
        'مرحلہ وار تقسیم میں زرِ مبادلہ کا میزان تخمینۂ لاگت کے زرِ مبادلہ کے برابر ہونا چاہیے۔',
      ),
    },
    {
      id: 'financing-equals-cost',
      op: 'eq',
      left: { var: 'financing.sources.totals.total' },
      right: { var: 'cost.estimate.totals.total' },
      pointer: '/financing/sources/totals/total',
      message: l(
        'The financing total must equal the total cost estimate.',
        'مالی وسائل کا میزان کل تخمینۂ لاگت کے برابر ہونا چاہیے۔',
      ),
    },
  ],
};
