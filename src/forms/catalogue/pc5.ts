import { FormDefinition } from '../definition';
import {
  field,
  itemColumn,
  l,
  longText,
  money,
  pcField,
  plannedActualTable,
  projectIdentityFields,
  section,
  select,
  signatory,
} from './common';

/*
 * PC-V: annual report on the operation of a completed project, furnished by 31 July each year
 * for five years after completion (items 1–15). Planned figures come from the approved PC-I.
 */

const recurring = plannedActualTable(
  { section: 'recurringCost', id: 'heads' },
  l('Annual recurring cost by head', 'مد وار سالانہ جاری اخراجات'),
  [itemColumn(l('Head of recurring cost', 'جاری اخراجات کی مد'))],
  { type: 'money' },
  { required: true, locked: true },
);

const manpower = plannedActualTable(
  { section: 'manpower', id: 'posts' },
  l('Posts: planned and filled', 'اسامیاں: منصوبہ بند اور پُر شدہ'),
  [
    field('post', 'text', l('Post / category', 'اسامی / زمرہ'), { required: true, constraints: { maxLength: 300 } }),
    field('bps', 'integer', l('Grade (BPS)', 'گریڈ (بی پی ایس)'), { constraints: { minimum: 1, maximum: 22 } }),
  ],
  { type: 'decimal', scale: 0 },
  { required: true, locked: true },
);

const output = plannedActualTable(
  { section: 'output', id: 'items' },
  l('Physical output', 'عملی پیداوار'),
  [
    itemColumn(l('Output / service', 'پیداوار / خدمت')),
    field('unit', 'text', l('Unit', 'اکائی'), { required: true, constraints: { maxLength: 300 } }),
  ],
  { type: 'decimal', totals: false },
  { required: true, locked: true },
);

const income = plannedActualTable(
  { section: 'income', id: 'sources' },
  l('Income by head', 'مد وار آمدنی'),
  [itemColumn(l('Source of income', 'آمدنی کا ذریعہ'))],
  { type: 'money' },
  {
    help: l(
      'Sales, fees, tolls or other receipts of the year; leave empty if the project earns none.',
      'سال کی فروخت، فیس، ٹول یا دیگر وصولیاں؛ اگر منصوبے کی کوئی آمدنی نہ ہو تو خالی چھوڑیں۔',
    ),
  },
);

const MANAGEMENT_CHANGED = { '==': [{ var: 'management.changed' }, true] };

export const pc5: FormDefinition = {
  key: 'pc5',
  version: '1.0.0',
  family: 'PC-V',
  title: l(
    'PC-V: Annual report on operation of a completed project',
    'پی سی فائیو: تکمیل شدہ منصوبے کی کارکردگی کی سالانہ رپورٹ',
  ),
  source: {
    document: 'PC-V annual report on completed projects, Planning Commission of Pakistan (items 1–15)',
    urls: ['https://docest.com/doc/440486/government-of-pakistan-s6'],
    notes:
      'To be furnished by 31st July each year for 5 years after completion. ' +
      'Items 1–15 as printed; the reporting year and the ' +
      'year after completion are asked in item 1. [verify] ' +
      'Section 16 (signatures) is not a numbered item of the proforma; ' +
      'it is numbered here only so that every section has a number.',
  },
  sections: [
    section('project', '1', l('Name of the project', 'منصوبے کا نام'), [
      ...projectIdentityFields({ reportsOnPcI: true }),
      pcField('reportingYear', 'fiscalYear', l('Year reported on', 'زیرِ رپورٹ سال'), {
        help: l(
          'Due by 31 July after the end of the financial year.',
          'مالی سال ختم ہونے کے بعد 31 جولائی تک جمع کرانا لازمی ہے۔',
        ),
      }),
      pcField('yearAfterCompletion', 'integer', l('Year after completion (1–5)', 'تکمیل کے بعد کا سال (1 تا 5)'), {
        constraints: { minimum: 1, maximum: 5 },
      }),
      field('completedOn', 'date', l('Date of completion', 'تکمیل کی تاریخ')),
    ]),
    section(
      'objectives',
      '2',
      l('Objectives and scope, and the extent to which they were met', 'مقاصد اور دائرۂ کار، اور ان کے حصول کی حد'),
      [
        pcField(
          'objectives',
          'textarea',
          l('Objectives as per the approved PC-I', 'منظور شدہ پی سی ون کے مطابق مقاصد'),
          { constraints: { maxLength: 20000 } },
        ),
        pcField('scope', 'textarea', l('Scope as per the approved PC-I', 'منظور شدہ پی سی ون کے مطابق دائرۂ کار'), {
          constraints: { maxLength: 20000 },
        }),
        pcField(
          'extentMet',
          'textarea',
          l('Extent to which objectives and scope have been met', 'مقاصد اور دائرۂ کار کس حد تک پورے ہوئے'),
          { constraints: { maxLength: 20000 } },
        ),
      ],
    ),
    section(
      'recurringCost',
      '3',
      l('Annual recurring cost: planned and actual', 'سالانہ جاری اخراجات: منصوبہ بند اور اصل'),
      [recurring.field, longText('reasons', l('Reasons for the difference', 'فرق کی وجوہات'))],
    ),
    section('manpower', '4', l('Manpower: planned and actual', 'افرادی قوت: منصوبہ بند اور اصل'), [manpower.field]),
    section('output', '5', l('Physical output', 'عملی پیداوار'), [output.field]),
    section('income', '6', l('Income', 'آمدنی'), [income.field]),
    section('economy', '7', l('Benefits to the economy', 'معیشت کو فوائد'), [
      pcField('benefits', 'textarea', l('Benefits to the economy', 'معیشت کو حاصل ہونے والے فوائد'), {
        constraints: { maxLength: 20000 },
      }),
    ]),
    section('social', '8', l('Social benefits', 'سماجی فوائد'), [
      pcField('benefits', 'textarea', l('Social benefits', 'سماجی فوائد'), { constraints: { maxLength: 20000 } }),
      field('beneficiaries', 'integer', l('Beneficiaries (persons)', 'مستفیدین (افراد)'), {
        constraints: { maximum: 1000000000 },
      }),
    ]),
    section('unitCost', '9', l('Cost per unit produced / sold', 'فی اکائی پیداوار / فروخت لاگت'), [
      pcField('unit', 'text', l('Unit', 'اکائی'), {
        constraints: { maxLength: 300 },
        help: l(
          'E.g. per km maintained, per patient treated, per cubic metre of water supplied.',
          'مثلاً فی کلومیٹر دیکھ بھال، فی مریض علاج، فی مکعب میٹر پانی کی فراہمی۔',
        ),
      }),
      field('planned', 'decimal', l('Planned cost per unit (Rs)', 'منصوبہ بند فی اکائی لاگت (روپے)'), {
        constraints: { scale: 2 },
      }),
      pcField('actual', 'decimal', l('Actual cost per unit (Rs)', 'اصل فی اکائی لاگت (روپے)'), {
        constraints: { scale: 2 },
      }),
      field('variance', 'decimal', l('Variance (actual − planned) (Rs)', 'فرق (اصل − منصوبہ بند) (روپے)'), {
        constraints: { scale: 2, allowNegative: true },
      }),
    ]),
    section('marketing', '10', l('Marketing mechanism', 'مارکیٹنگ کا طریقۂ کار'), [
      longText('mechanism', l('Arrangements for marketing the output', 'پیداوار کی فروخت کے انتظامات'), {
        help: l(
          'Write "not applicable" for projects whose output is not sold.',
          'جن منصوبوں کی پیداوار فروخت نہیں ہوتی ان کے لیے "لاگو نہیں" لکھیں۔',
        ),
      }),
    ]),
    section('maintenance', '11', l('Maintenance arrangements', 'دیکھ بھال کے انتظامات'), [
      pcField('buildings', 'textarea', l('Buildings and civil works', 'عمارات اور تعمیراتی کام'), {
        constraints: { maxLength: 20000 },
      }),
      pcField('equipment', 'textarea', l('Equipment and machinery', 'آلات اور مشینری'), {
        constraints: { maxLength: 20000 },
      }),
      money('budget', l('Maintenance budget for the year (Rs million)', 'سال کے لیے دیکھ بھال کا بجٹ (ملین روپے)')),
    ]),
    section('targets', '12', l('Achievement of output targets', 'پیداواری اہداف کا حصول'), [
      select(
        'achieved',
        l('Were the output targets achieved?', 'کیا پیداواری اہداف حاصل ہوئے؟'),
        [
          { value: 'yes', label: l('Yes', 'جی ہاں') },
          { value: 'partly', label: l('Partly', 'جزوی طور پر') },
          { value: 'no', label: l('No', 'نہیں') },
        ],
        { required: true, locked: true, widget: 'radio' },
      ),
      longText('reasons', l('If not, reasons', 'اگر نہیں تو وجوہات')),
    ]),
    section('lessons', '13', l('Lessons learnt', 'حاصل شدہ اسباق'), [
      pcField('operation', 'textarea', l('Operation', 'آپریشن'), { constraints: { maxLength: 20000 } }),
      pcField('maintenance', 'textarea', l('Maintenance', 'دیکھ بھال'), { constraints: { maxLength: 20000 } }),
      longText('marketing', l('Marketing', 'مارکیٹنگ')),
      pcField('management', 'textarea', l('Management', 'انتظام'), { constraints: { maxLength: 20000 } }),
    ]),
    section('management', '14', l('Change in management', 'انتظامیہ میں تبدیلی'), [
      field(
        'changed',
        'boolean',
        l(
          'Has the management of the project changed since completion?',
          'کیا تکمیل کے بعد منصوبے کی انتظامیہ تبدیل ہوئی؟',
        ),
        {
          required: true,
          locked: true,
          widget: 'radio',
        },
      ),
      longText('details', l('Details of the change and its effect', 'تبدیلی کی تفصیل اور اس کے اثرات')),
    ]),
    section('suggestions', '15', l('Suggestions', 'تجاویز'), [
      pcField('suggestions', 'textarea', l('Suggestions for better operation', 'بہتر کارکردگی کے لیے تجاویز'), {
        constraints: { maxLength: 20000 },
      }),
    ]),
    section('certificate', '16', l('Signatures', 'دستخط'), [
      signatory('preparedBy', l('Prepared by (officer in charge of operation)', 'تیار کنندہ (آپریشن کا انچارج افسر)')),
      signatory(
        'approvedBy',
        l('Approved by (head of the sponsoring department)', 'منظور کنندہ (سرپرست محکمے کے سربراہ)'),
      ),
    ]),
  ],
  rules: [
    ...recurring.rules,
    {
      id: 'recurring-reasons-required',
      kind: 'require',
      target: 'recurringCost.reasons',
      when: { dec_gt: [{ var: 'recurringCost.heads.totals.actual' }, { var: 'recurringCost.heads.totals.planned' }] },
      description: 'Recurring cost above plan: the reasons must be given',
    },
    ...manpower.rules,
    ...output.rules,
    ...income.rules,
    {
      id: 'unit-cost-variance',
      kind: 'calculate',
      target: 'unitCost.variance',
      value: {
        if: [{ var: 'unitCost.planned' }, { dec_sub: [{ var: 'unitCost.actual' }, { var: 'unitCost.planned' }] }, null],
      },
      description: 'Actual − planned cost per unit (empty when no planned figure is given)',
    },
    {
      id: 'target-reasons-required',
      kind: 'require',
      target: 'targets.reasons',
      when: { in: [{ var: 'targets.achieved' }, ['partly', 'no']] },
      description: 'Targets not fully achieved: the reasons must be given',
    },
    {
      id: 'target-reasons-visible',
      kind: 'visible',
      target: 'targets.reasons',
      when: { in: [{ var: 'targets.achieved' }, ['partly', 'no']] },
    },
    { id: 'management-details-visible', kind: 'visible', target: 'management.details', when: MANAGEMENT_CHANGED },
    { id: 'management-details-required', kind: 'require', target: 'management.details', when: MANAGEMENT_CHANGED },
  ],
  // No cross-check between figures is implied by the PC-V beyond the calculated variances.
  checks: [],
};
