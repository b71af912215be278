import {
  CheckDefinition,
  FieldDefinition,
  FormDefinition,
  Localized,
  OptionItem,
  RuleDefinition,
  SectionDefinition,
} from '../definition';
import {
  authorityFields,
  field,
  fiscalYearColumn,
  itemColumn,
  kebab,
  l,
  localForeignTable,
  locationFields,
  locationScope,
  longText,
  money,
  pcField,
  ADP_SERIAL_PATTERN,
  COMPUTER_CODE_PATTERN,
  ROW_LIMIT,
  section,
  select,
  shortText,
  signatory,
} from './common';
import { pc1ScrutinyChecks, revisedScrutinyChecks } from './scrutiny-checks';

/*
 * PC-I, the proforma for development projects: the three sector variants (Infrastructure,
 * Production, Social) in two editions, the 2005 revision as printed and the 2024 revision with its
 * climate content and operation and maintenance as an item of its own, and the 2017 "PC-I for
 * Revised Projects".
 *
 * The three variants share their fifteen items; they are built once, below, by functions that
 * take the differences as parameters (Pc1Variant): the sub-sector list on the cover, whether
 * item 6 covers technology transfer and item 11 an economic analysis, the social variant's
 * beneficiaries and gender fields, and the production variant's sector specifics. The same
 * functions take the edition (Pc1Edition) and add the 2024 content only to the 2024 edition.
 *
 * Released base versions are frozen in ./released (1.0.0 of the 2024 keys, from before the
 * editions were split); these builders make the newest base version of each key.
 */

// --- option lists ---------------------------------------------------------------------------

const opt = (value: string, en: string, ur: string): OptionItem => ({ value, label: l(en, ur) });

const PROVINCES: OptionItem[] = [
  opt('khyber-pakhtunkhwa', 'Khyber Pakhtunkhwa', 'خیبر پختونخوا'),
  opt('punjab', 'Punjab', 'پنجاب'),
  opt('sindh', 'Sindh', 'سندھ'),
  opt('balochistan', 'Balochistan', 'بلوچستان'),
  opt('gilgit-baltistan', 'Gilgit-Baltistan', 'گلگت بلتستان'),
  opt('azad-jammu-kashmir', 'Azad Jammu & Kashmir', 'آزاد جموں و کشمیر'),
  opt('islamabad-capital-territory', 'Islamabad Capital Territory', 'اسلام آباد دارالحکومت علاقہ'),
];

/** Pakistan's ten agro-ecological zones (PARC classification), for the 2024 item 2. */
const AGRO_ECOLOGICAL_ZONES: OptionItem[] = [
  opt('indus-delta', 'I. Indus Delta', 'I۔ سندھ ڈیلٹا'),
  opt('southern-irrigated-plain', 'II. Southern Irrigated Plain', 'II۔ جنوبی سیراب میدان'),
  opt('sandy-desert', 'III. Sandy Desert', 'III۔ ریتلا صحرا'),
  opt('northern-irrigated-plain', 'IV. Northern Irrigated Plain', 'IV۔ شمالی سیراب میدان'),
  opt('barani-lands', 'V. Barani (rain-fed) Lands', 'V۔ بارانی علاقے'),
  opt('wet-mountains', 'VI. Wet Mountains', 'VI۔ مرطوب پہاڑی علاقے'),
  opt('northern-dry-mountains', 'VII. Northern Dry Mountains', 'VII۔ شمالی خشک پہاڑی علاقے'),
  opt('western-dry-mountains', 'VIII. Western Dry Mountains', 'VIII۔ مغربی خشک پہاڑی علاقے'),
  opt('dry-western-plateau', 'IX. Dry Western Plateau', 'IX۔ خشک مغربی سطح مرتفع'),
  opt('sulaiman-piedmont', 'X. Sulaiman Piedmont', 'X۔ کوہِ سلیمان کا دامنی علاقہ'),
];

const SDGS: OptionItem[] = [
  opt('sdg-1', 'SDG 1: No poverty', 'ہدف 1: غربت کا خاتمہ'),
  opt('sdg-2', 'SDG 2: Zero hunger', 'ہدف 2: بھوک کا خاتمہ'),
  opt('sdg-3', 'SDG 3: Good health and well-being', 'ہدف 3: اچھی صحت اور بہبود'),
  opt('sdg-4', 'SDG 4: Quality education', 'ہدف 4: معیاری تعلیم'),
  opt('sdg-5', 'SDG 5: Gender equality', 'ہدف 5: صنفی مساوات'),
  opt('sdg-6', 'SDG 6: Clean water and sanitation', 'ہدف 6: صاف پانی اور صفائی ستھرائی'),
  opt('sdg-7', 'SDG 7: Affordable and clean energy', 'ہدف 7: سستی اور صاف توانائی'),
  opt('sdg-8', 'SDG 8: Decent work and economic growth', 'ہدف 8: باوقار روزگار اور معاشی ترقی'),
  opt('sdg-9', 'SDG 9: Industry, innovation and infrastructure', 'ہدف 9: صنعت، جدت اور بنیادی ڈھانچہ'),
  opt('sdg-10', 'SDG 10: Reduced inequalities', 'ہدف 10: عدم مساوات میں کمی'),
  opt('sdg-11', 'SDG 11: Sustainable cities and communities', 'ہدف 11: پائیدار شہر اور آبادیاں'),
  opt('sdg-12', 'SDG 12: Responsible consumption and production', 'ہدف 12: ذمہ دارانہ صرف اور پیداوار'),
  opt('sdg-13', 'SDG 13: Climate action', 'ہدف 13: موسمیاتی اقدامات'),
  opt('sdg-14', 'SDG 14: Life below water', 'ہدف 14: آبی حیات'),
  opt('sdg-15', 'SDG 15: Life on land', 'ہدف 15: خشکی پر حیات'),
  opt('sdg-16', 'SDG 16: Peace, justice and strong institutions', 'ہدف 16: امن، انصاف اور مضبوط ادارے'),
  opt('sdg-17', 'SDG 17: Partnerships for the goals', 'ہدف 17: اہداف کے لیے شراکت داری'),
];

const FUNDING_MODES: OptionItem[] = [
  opt('grant', 'Grant', 'گرانٹ'),
  opt('loan', 'Loan', 'قرض'),
  opt('equity', 'Equity', 'ایکویٹی'),
  opt('own-resources', "Executing agency's own resources", 'عمل درآمد کرنے والے ادارے کے اپنے وسائل'),
  opt('public-private-partnership', 'Public-private partnership', 'سرکاری و نجی شراکت داری'),
];

const SIGNATORY_HELP = l(
  'Name, designation and phone number, as on the signed copy.',
  'نام، عہدہ اور فون نمبر، دستخط شدہ نقل کے مطابق۔',
);

// --- editions and variant parameters ----------------------------------------------------------

/** The PC-I proforma editions this catalogue builds (the year of the Planning Commission's revision). */
export type Pc1Edition = '2005' | '2024';

/** Base version of each edition's newest definition (the 2024 keys' 1.0.0 is frozen in ./released). */
const PC1_VERSION: Record<Pc1Edition, string> = { '2005': '1.0.0', '2024': '2.0.0' };

const climateEdition = (e: Pc1Edition) => e === '2024';

type Pc1VariantId = 'infrastructure' | 'production' | 'social';

interface Pc1Variant {
  variant: Pc1VariantId;
  key: string;
  /** "Infrastructure" as it appears in the title and certificate. */
  sectorName: Localized;
  document: string;
  urls: string[];
  notes: string;
  /** The sub-sectors printed on the variant's cover page (the Planning Commission's list). */
  subSectors: OptionItem[];
  /** Item 6 covers technology transfer (not in the social variant). */
  technologyTransfer: boolean;
  /** Item 11 has an economic analysis and NPV/BCR/IRR (not in the social variant: unit cost only). */
  economicAnalysis: boolean;
  /** Extra fields of item 5 (the social variant's gender/MDG alignment). */
  objectiveExtras: () => FieldDefinition[];
  /** Sector specifics at the end of item 6. */
  descriptionExtras: () => FieldDefinition[];
  extraRules: RuleDefinition[];
}

// --- shared sections of the three variants --------------------------------------------------

/** The ADP serial number, computer code and cover-page cost, shared by the PC-I and the revised PC-I. */
function adpIdentityFields(): FieldDefinition[] {
  return [
    shortText('adpNumber', l('ADP / PSDP serial number', 'اے ڈی پی / پی ایس ڈی پی سلسلہ وار نمبر'), {
      constraints: { maxLength: 5, pattern: ADP_SERIAL_PATTERN },
      help: l(
        'Serial number of the project in the Annual Development Programme (or PSDP), ' +
          'if already included: digits only (e.g. 957).',
        'سالانہ ترقیاتی پروگرام (یا پی ایس ڈی پی) میں منصوبے کا سلسلہ وار ' +
          'نمبر، اگر پہلے سے شامل ہو: صرف ہندسے (مثلاً 957)۔',
      ),
    }),
    shortText('computerCode', l('Computer code / scheme ID', 'کمپیوٹر کوڈ / اسکیم آئی ڈی'), {
      constraints: { maxLength: 40, pattern: COMPUTER_CODE_PATTERN },
      help: l(
        'The computer code of the scheme in the ADP/PSDP: digits, in groups joined by hyphens where ' +
          'the province prints them so (e.g. 190571 in "ADP No. 957/190571"; Punjab: 33-1407143-010).',
        'اے ڈی پی / پی ایس ڈی پی میں اسکیم کا کمپیوٹر کوڈ: ہندسے، جہاں صوبہ انہیں اس طرح لکھتا ہو وہاں ' +
          'خطِ فاصل سے جڑے گروہوں میں (مثلاً "ADP No. 957/190571" میں 190571؛ پنجاب: 33-1407143-010)۔',
      ),
    }),
    money(
      'totalCost',
      l(
        'Total cost as stated on the cover page, or in item 4 where the cover has none (Rs million)',
        'سرورق پر درج کل لاگت، یا جہاں سرورق پر نہ ہو وہاں مد 4 میں درج (ملین روپے)',
      ),
      {
        help: l(
          'As the document states it; it must agree with the cost estimate of item 7, ' +
            "and the current year's provision is checked against it when item 7 is not filled in.",
          'جیسا کہ دستاویز میں درج ہے؛ یہ مد 7 کے لاگت کے تخمینے کے مطابق ہونی ' +
            'چاہیے، اور جب مد 7 پُر نہ ہو تو رواں سال کی گنجائش اسی سے جانچی جاتی ہے۔',
        ),
      },
    ),
  ];
}

function coverSection(v: Pc1Variant): SectionDefinition {
  return section(
    'cover',
    '0',
    l('Cover page', 'سرورق'),
    [
      select('sector', l('Sector', 'شعبہ'), { master: 'sectors' }, { required: true, locked: true }),
      select(
        'proformaSubSector',
        l(
          `Sub-sector as listed on the PC-I (${v.sectorName.en} sectors)`,
          `پی سی ون (${v.sectorName.ur} شعبے) میں درج ذیلی شعبہ`,
        ),
        v.subSectors,
        { required: true, locked: true, fixedOptions: true },
      ),
      select('subSector', l('Sub-sector', 'ذیلی شعبہ'), { master: 'sub-sectors' }, { required: true, locked: true }),
      pcField('preparationDate', 'date', l('Date of preparation', 'تاریخِ تیاری')),
      ...adpIdentityFields(),
      field('adpYear', 'fiscalYear', l('ADP / PSDP year', 'اے ڈی پی / پی ایس ڈی پی کا سال')),
      select(
        'sponsoringDepartment',
        l('Sponsoring department', 'سرپرست محکمہ'),
        { master: 'departments' },
        { required: true, locked: true },
      ),
    ],
    l(
      `Government of Pakistan, Planning Commission: PC-I form (${v.sectorName.en} sectors).`,
      `حکومتِ پاکستان، پلاننگ کمیشن: پی سی ون فارم (${v.sectorName.ur} شعبے)۔`,
    ),
  );
}

function nameSection(): SectionDefinition {
  return section('name', '1', l('Name of the project', 'منصوبے کا نام'), [
    pcField('title', 'text', l('Name of the project', 'منصوبے کا نام'), {
      constraints: { maxLength: 300 },
      help: l('As it will appear in the ADP/PSDP.', 'جیسا کہ اے ڈی پی / پی ایس ڈی پی میں درج ہوگا۔'),
    }),
    shortText('projectCode', l('Project code (if allotted)', 'منصوبے کا کوڈ (اگر الاٹ ہو)')),
  ]);
}

function locationSection(e: Pc1Edition): SectionDefinition {
  return section('location', '2', l('Location', 'محلِ وقوع'), [
    select('province', l('Province / region', 'صوبہ / علاقہ'), PROVINCES, {
      required: true,
      locked: true,
      fixedOptions: true,
    }),
    locationScope('location').field,
    ...locationFields({ scoped: true }),
    ...(climateEdition(e) ? climateLocationFields() : []),
  ]);
}

/** PC-I 2024 item 2(iii): environmental and biophysical conditions of the project area. */
function climateLocationFields(): FieldDefinition[] {
  return [
    field('agroEcologicalZones', 'multiselect', l('Agro-ecological zone(s)', 'زرعی ماحولیاتی خطہ / خطے'), {
      options: AGRO_ECOLOGICAL_ZONES,
      constraints: { maxItems: 10 },
    }),
    longText(
      'biophysicalConditions',
      l(
        'Environmental and biophysical conditions of the project area',
        'منصوبے کے علاقے کے ماحولیاتی اور حیاتیاتی و طبعی حالات',
      ),
      {
        required: true,
        locked: true,
        help: l(
          'PC-I 2024: terrain, climate, hydrology, soils and exposure to ' +
            'climate hazards (floods, droughts, heat waves, landslides).',
          'پی سی ون 2024: زمینی ساخت، آب و ہوا، آبی نظام، مٹی اور موسمیاتی ' +
            'خطرات (سیلاب، خشک سالی، گرمی کی لہر، لینڈ سلائیڈنگ) سے واسطہ۔',
        ),
      },
    ),
    longText(
      'ecosystems',
      l('Ecosystems in and around the project area', 'منصوبے کے علاقے اور گرد و نواح کے ماحولیاتی نظام'),
    ),
    longText(
      'naturalResources',
      l('Natural resources (water, forests, land, biodiversity)', 'قدرتی وسائل (پانی، جنگلات، زمین، حیاتیاتی تنوع)'),
    ),
  ];
}

function authoritiesSection(e: Pc1Edition): SectionDefinition {
  return section('authorities', '3', l('Authorities responsible for', 'ذمہ دار ادارے'), [
    ...authorityFields(),
    ...(climateEdition(e) ? [maintenanceAgencyField()] : []),
    ...componentResponsibilityFields(),
    ...(climateEdition(e) ? climateAuthorityFields() : []),
  ]);
}

/** PC-I 2024 item 3: operation and maintenance named separately (i c, d). */
function maintenanceAgencyField(): FieldDefinition {
  return shortText(
    'maintenanceAgency',
    l(
      'Agency responsible for maintenance (if not the operating agency)',
      'دیکھ بھال کا ذمہ دار ادارہ (اگر آپریشن والے ادارے سے مختلف ہو)',
    ),
  );
}

/**
 * Item 3's "in case of more than one agency, give their component-wise responsibility": in the 2005
 * instructions already (PC-Is of 2015-16 and 2017-18 on the 2005 form print and answer it), kept
 * as item 3(ii) in 2024.
 */
function componentResponsibilityFields(): FieldDefinition[] {
  return [
    field(
      'multipleAgencies',
      'boolean',
      l('Is more than one agency involved in execution?', 'کیا عمل درآمد میں ایک سے زیادہ ادارے شامل ہیں؟'),
    ),
    field('componentResponsibility', 'table', l('Component-wise responsibility', 'اجزاء کے لحاظ سے ذمہ داری'), {
      help: l(
        'Where more than one agency is involved, name the agency responsible for each component.',
        'ایک سے زیادہ اداروں کی صورت میں ہر جزو کا ذمہ دار ادارہ بتائیں۔',
      ),
      constraints: { maxItems: 50 },
      columns: [
        field('component', 'text', l('Component', 'جزو'), { required: true, constraints: { maxLength: 300 } }),
        field('agency', 'text', l('Responsible agency', 'ذمہ دار ادارہ'), {
          required: true,
          constraints: { maxLength: 300 },
        }),
      ],
    }),
  ];
}

/** PC-I 2024 item 3(iii): agencies supporting climate action. */
function climateAuthorityFields(): FieldDefinition[] {
  return [
    field(
      'climateAgencies',
      'table',
      l('Agencies supporting climate adaptation / mitigation', 'موسمیاتی موافقت / تخفیف میں معاون ادارے'),
      {
        help: l(
          'PC-I 2024: agencies that support the climate adaptation or mitigation measures of the project.',
          'پی سی ون 2024: وہ ادارے جو منصوبے کے موسمیاتی موافقت یا تخفیف کے اقدامات میں معاونت کرتے ہیں۔',
        ),
        constraints: { maxItems: 20 },
        columns: [
          field('agency', 'text', l('Agency', 'ادارہ'), { required: true, constraints: { maxLength: 300 } }),
          select(
            'role',
            l('Role', 'کردار'),
            [
              opt('adaptation', 'Adaptation', 'موافقت'),
              opt('mitigation', 'Mitigation', 'تخفیف'),
              opt('both', 'Adaptation and mitigation', 'موافقت اور تخفیف'),
            ],
            { required: true },
          ),
          field('support', 'text', l('Nature of support', 'معاونت کی نوعیت'), { constraints: { maxLength: 300 } }),
        ],
      },
    ),
  ];
}

const SUB_SCHEME_STATUS: OptionItem[] = [
  opt('committed', 'Committed (approved / ongoing)', 'مختص شدہ (منظور شدہ / جاری)'),
  opt('uncommitted', 'Uncommitted (yet to be identified or approved)', 'غیر مختص (ابھی شناخت یا منظوری باقی)'),
];

function planProvisionSection(): SectionDefinition {
  return section('planProvision', '4', l('Plan provision', 'پلان میں گنجائش'), [
    pcField(
      'inPlan',
      'boolean',
      l(
        '(a) Is the project included in the medium-term / five-year plan?',
        '(الف) کیا منصوبہ وسط مدتی / پنج سالہ منصوبے میں شامل ہے؟',
      ),
    ),
    shortText('planReference', l('Plan document and reference', 'منصوبہ دستاویز اور حوالہ')),
    money('planAllocation', l('Allocation in the plan (Rs million)', 'منصوبے میں مختص رقم (ملین روپے)')),
    longText(
      'inclusionJustification',
      l(
        'If not included: what warrants its inclusion and how it will be accommodated',
        'اگر شامل نہیں: اس کی شمولیت کا جواز اور اسے کیسے سمویا جائے گا',
      ),
    ),
    field(
      'fromBlockProvision',
      'boolean',
      l(
        'Is the project to be financed from a block provision?',
        'کیا منصوبے کی مالی اعانت بلاک پروویژن سے کی جائے گی؟',
      ),
    ),
    field('blockProvision', 'table', l('Block provision (Rs million)', 'بلاک پروویژن (ملین روپے)'), {
      help: l(
        'Balance = total block provision − amount already committed − amount proposed ' +
          'for this project (what remains after this project); it cannot be negative.',
        'بقایا = کل بلاک پروویژن − پہلے سے مختص رقم − اس منصوبے کے لیے ' +
          'تجویز کردہ رقم (اس منصوبے کے بعد باقی رقم)؛ یہ منفی نہیں ہو سکتا۔',
      ),
      constraints: { maxItems: 10 },
      columns: [
        field('block', 'text', l('Block provision (name)', 'بلاک پروویژن (نام)'), {
          required: true,
          constraints: { maxLength: 300 },
        }),
        money('totalBlock', l('Total block provision', 'کل بلاک پروویژن'), { required: true }),
        money('committed', l('Amount already committed', 'پہلے سے مختص رقم'), { required: true }),
        money('proposed', l('Amount proposed for this project', 'اس منصوبے کے لیے تجویز کردہ رقم'), { required: true }),
        money('balance', l('Balance', 'بقایا'), { constraints: { allowNegative: true } }),
      ],
      totals: ['totalBlock', 'committed', 'proposed', 'balance'],
    }),
    field(
      'umbrella',
      'boolean',
      l(
        'Is this an umbrella PC-I (a block provision with sub-schemes)?',
        'کیا یہ امبریلا پی سی ون ہے (ذیلی اسکیموں کے ساتھ بلاک پروویژن)؟',
      ),
    ),
    field(
      'subSchemes',
      'table',
      l('Sub-schemes of the umbrella PC-I (Rs million)', 'امبریلا پی سی ون کی ذیلی اسکیمیں (ملین روپے)'),
      {
        help: l(
          'Committed sub-schemes are identified and approved; uncommitted amounts are ' +
            'yet to be identified. Their total cannot exceed the total cost.',
          'مختص شدہ ذیلی اسکیمیں شناخت شدہ اور منظور شدہ ہیں؛ غیر مختص رقم کی ' +
            'اسکیمیں ابھی شناخت ہونی ہیں۔ ان کا میزان کل لاگت سے زیادہ نہیں ہو سکتا۔',
        ),
        constraints: { maxItems: ROW_LIMIT },
        columns: [
          field('name', 'text', l('Sub-scheme', 'ذیلی اسکیم'), { required: true, constraints: { maxLength: 300 } }),
          select('district', l('District', 'ضلع'), { master: 'districts' }),
          money('cost', l('Cost (Rs million)', 'لاگت (ملین روپے)'), { required: true }),
          select('status', l('Status', 'حیثیت'), SUB_SCHEME_STATUS, { required: true, fixedOptions: true }),
          money('committedCost', l('Committed (Rs million)', 'مختص شدہ (ملین روپے)')),
          money('uncommittedCost', l('Uncommitted (Rs million)', 'غیر مختص (ملین روپے)')),
        ],
        totals: ['cost', 'committedCost', 'uncommittedCost'],
      },
    ),
    money('committedAmount', l('Committed amount (Rs million)', 'مختص شدہ رقم (ملین روپے)')),
    money('uncommittedAmount', l('Uncommitted amount (Rs million)', 'غیر مختص رقم (ملین روپے)')),
    pcField('currentYear', 'fiscalYear', l('(b) Current financial year', '(ب) رواں مالی سال')),
    pcField(
      'currentYearProvision',
      'money',
      l(
        '(b) Provision in the current year PSDP / ADP (Rs million)',
        '(ب) رواں سال کے پی ایس ڈی پی / اے ڈی پی میں گنجائش (ملین روپے)',
      ),
      {
        help: l('Enter 0 if the project has no allocation this year.', 'اگر اس سال کوئی رقم مختص نہیں تو 0 درج کریں۔'),
      },
    ),
    field('ongoing', 'boolean', l('Is this the PC-I of an ongoing scheme?', 'کیا یہ کسی جاری اسکیم کا پی سی ون ہے؟')),
    money('expenditureToDate', l('Expenditure to date (Rs million)', 'اب تک کے اخراجات (ملین روپے)')),
    field('expenditureAsOf', 'date', l('Expenditure as of (date)', 'اخراجات بتاریخ')),
    money(
      'throwForward',
      l(
        'Throw-forward: total cost − expenditure to date (Rs million)',
        'تھرو فارورڈ: کل لاگت − اب تک کے اخراجات (ملین روپے)',
      ),
      {
        constraints: { allowNegative: true },
        help: l('The amount still needed to complete the scheme.', 'اسکیم کی تکمیل کے لیے درکار باقی رقم۔'),
      },
    ),
  ]);
}

/** Up to three measurable objectives of one type, each linked to the SDGs (and NDCs) — PC-I 2024. */
function objectiveTable(id: string, label: Localized): FieldDefinition {
  return field(id, 'table', label, {
    required: true,
    locked: true,
    help: l(
      'PC-I 2024: up to three measurable objectives, each with an indicator and target, ' +
        "linked to the SDGs and, where relevant, to Pakistan's NDCs.",
      'پی سی ون 2024: زیادہ سے زیادہ تین قابلِ پیمائش مقاصد، ہر ایک اشاریے اور ہدف کے ' +
        'ساتھ، پائیدار ترقیاتی اہداف اور جہاں متعلق ہو پاکستان کی این ڈی سیز سے منسلک۔',
    ),
    constraints: { minItems: 1, maxItems: 3 },
    columns: [
      field('objective', 'text', l('Objective', 'مقصد'), { required: true, constraints: { maxLength: 300 } }),
      field('indicator', 'text', l('Measurable indicator', 'قابلِ پیمائش اشاریہ'), {
        required: true,
        constraints: { maxLength: 300 },
      }),
      field('baseline', 'text', l('Baseline', 'ابتدائی سطح'), { constraints: { maxLength: 300 } }),
      field('target', 'text', l('Target', 'ہدف'), { required: true, constraints: { maxLength: 300 } }),
      field('sdgs', 'multiselect', l('Linked SDGs', 'منسلک پائیدار ترقیاتی اہداف'), {
        required: true,
        options: SDGS,
        fixedOptions: true,
        constraints: { maxItems: 17 },
      }),
      field('ndc', 'text', l('Linked NDC commitment', 'منسلک این ڈی سی (قومی سطح پر طے شدہ شراکت) عہد'), {
        constraints: { maxLength: 300 },
      }),
    ],
  });
}

function objectivesSection(v: Pc1Variant, e: Pc1Edition): SectionDefinition {
  return section(
    'objectives',
    '5',
    l(
      'Project objectives and their relationship with sector objectives',
      'منصوبے کے مقاصد اور شعبہ جاتی مقاصد سے ان کا تعلق',
    ),
    [
      longText('sectorObjectives', l('Sector objectives (as in the plan)', 'شعبہ جاتی مقاصد (منصوبے کے مطابق)'), {
        required: true,
        locked: true,
      }),
      longText('projectObjectives', l('Project objectives', 'منصوبے کے مقاصد'), { required: true, locked: true }),
      longText(
        'relationship',
        l(
          'Relationship of the project objectives with the sector objectives',
          'منصوبے کے مقاصد کا شعبہ جاتی مقاصد سے تعلق',
        ),
        { required: true, locked: true },
      ),
      ...(climateEdition(e)
        ? [
            objectiveTable('sectoralObjectives', l('Sectoral objectives', 'شعبہ جاتی مقاصد')),
            objectiveTable('economicObjectives', l('Economic objectives', 'معاشی مقاصد')),
            objectiveTable('socialObjectives', l('Social objectives', 'سماجی مقاصد')),
            objectiveTable('climateObjectives', l('Climate (environment) objectives', 'موسمیاتی (ماحولیاتی) مقاصد')),
          ]
        : []),
      ...v.objectiveExtras(),
    ],
  );
}

function descriptionSection(v: Pc1Variant): SectionDefinition {
  const label = v.technologyTransfer
    ? l(
        'Description, justification, technical parameters and technology transfer aspects',
        'تفصیل، جواز، تکنیکی پیمانے اور ٹیکنالوجی کی منتقلی کے پہلو',
      )
    : l('Description, justification and technical parameters', 'تفصیل، جواز اور تکنیکی پیمانے');
  return section(
    'description',
    '6',
    label,
    [
      longText('background', l('Description and background', 'تفصیل اور پس منظر'), { required: true, locked: true }),
      longText('justification', l('Justification (problem addressed and rationale)', 'جواز (حل طلب مسئلہ اور منطق)'), {
        required: true,
        locked: true,
      }),
      longText(
        'existingFacilities',
        l('Existing facilities and their utilisation', 'موجودہ سہولیات اور ان کا استعمال'),
      ),
      longText(
        'technicalParameters',
        l(
          'Technical parameters (capacity, design standards, specifications)',
          'تکنیکی پیمانے (گنجائش، ڈیزائن کے معیارات، تفصیلات)',
        ),
        { required: true, locked: true },
      ),
      field(
        'components',
        'table',
        l('Physical components: civil works, equipment and machinery', 'طبعی اجزاء: تعمیراتی کام، آلات اور مشینری'),
        {
          constraints: { maxItems: ROW_LIMIT },
          columns: [
            itemColumn(),
            select(
              'category',
              l('Category', 'زمرہ'),
              [
                opt('civil-works', 'Civil works', 'تعمیراتی کام'),
                opt('equipment', 'Equipment', 'آلات'),
                opt('machinery', 'Machinery', 'مشینری'),
                opt('vehicles', 'Vehicles', 'گاڑیاں'),
                opt('consultancy', 'Consultancy', 'مشاورتی خدمات'),
                opt('other', 'Other', 'دیگر'),
              ],
              { required: true },
            ),
            field('specification', 'text', l('Specification', 'تفصیلات'), { constraints: { maxLength: 300 } }),
            field('unit', 'text', l('Unit', 'اکائی'), { constraints: { maxLength: 50 } }),
            field('quantity', 'decimal', l('Quantity', 'مقدار')),
            field('imported', 'boolean', l('Imported item', 'درآمدی مد'), {
              help: l(
                'An imported item needs a foreign-exchange component in the cost estimate (item 7).',
                'درآمدی مد کے لیے لاگت کے تخمینے (مد 7) میں زرِ مبادلہ کا جزو ضروری ہے۔',
              ),
            }),
          ],
        },
      ),
      longText('inputs', l('Inputs', 'مداخل')),
      longText('outputs', l('Outputs', 'حاصلات'), { required: true, locked: true }),
      longText(
        'governance',
        l('Governance issues and how they will be addressed', 'طرزِ حکمرانی کے مسائل اور ان کا حل'),
      ),
      ...(v.technologyTransfer
        ? [
            longText('technologyTransfer', l('Technology transfer aspects', 'ٹیکنالوجی کی منتقلی کے پہلو'), {
              required: true,
              locked: true,
              help: l(
                'Compare the available technologies, give the reasons for ' +
                  'the one selected and how it will be absorbed locally.',
                'دستیاب ٹیکنالوجیز کا موازنہ کریں، منتخب ٹیکنالوجی کی ' +
                  'وجوہات اور مقامی سطح پر اسے اپنانے کا طریقہ بتائیں۔',
              ),
            }),
          ]
        : []),
      select(
        'designStatus',
        l('Status of design', 'ڈیزائن کی صورتِ حال'),
        [
          opt('detailed-design', 'Detailed design and costing complete', 'تفصیلی ڈیزائن اور لاگت مکمل'),
          opt('preliminary-design', 'Preliminary design', 'ابتدائی ڈیزائن'),
          opt('concept', 'Concept only', 'صرف تصوراتی خاکہ'),
        ],
        {
          help: l(
            'NEC decision of 4-7-1988: detailed design and costing must be finalised within six months of approval.',
            'قومی اقتصادی کونسل کا فیصلہ مورخہ 4-7-1988: منظوری کے چھ ماہ کے اندر ' +
              'تفصیلی ڈیزائن اور لاگت کو حتمی شکل دی جائے۔',
          ),
        },
      ),
      field('feasibilityStudy', 'attachment', l('Feasibility study', 'فزیبلٹی اسٹڈی'), {
        help: l(
          'Required for projects costing Rs 300 million and above.',
          '300 ملین روپے یا اس سے زائد لاگت کے منصوبوں کے لیے لازمی۔',
        ),
      }),
      longText('feasibilityConclusions', l('Conclusions of the feasibility study', 'فزیبلٹی اسٹڈی کے نتائج')),
      ...v.descriptionExtras(),
    ],
    l(
      'Enclose the feasibility study for projects costing Rs 300 million and above.',
      '300 ملین روپے یا اس سے زائد لاگت کے منصوبوں کے لیے فزیبلٹی اسٹڈی منسلک کریں۔',
    ),
  );
}

function capitalCostSection(): { section: SectionDefinition; rules: RuleDefinition[] } {
  const estimate = localForeignTable(
    { section: 'capitalCost', id: 'estimate' },
    l('Item-wise and year-wise capital cost (Rs million)', 'مد وار اور سال وار سرمایہ جاتی لاگت (ملین روپے)'),
    [itemColumn(), fiscalYearColumn()],
    {
      required: true,
      locked: true,
      help: l(
        'One row per item and financial year; foreign exchange (FEC) ' +
          'in rupees at the exchange rate of item 10. Include contingencies as an item.',
        'ہر مد اور مالی سال کے لیے ایک سطر؛ زرِ مبادلہ (ایف ای سی) ' +
          'مد 10 کی شرحِ مبادلہ پر روپوں میں۔ ہنگامی اخراجات کو بطور مد شامل کریں۔',
      ),
    },
  );
  const phasing = localForeignTable(
    { section: 'capitalCost', id: 'phasing' },
    l('Year-wise phasing of the capital cost (Rs million)', 'سرمایہ جاتی لاگت کی سال وار تقسیم (ملین روپے)'),
    [fiscalYearColumn()],
    {
      required: true,
      locked: true,
      help: l(
        'The phasing must add up to the total capital cost.',
        'سال وار تقسیم کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے۔',
      ),
    },
  );
  return {
    section: section('capitalCost', '7', l('Capital cost estimates', 'سرمایہ جاتی لاگت کے تخمینے'), [
      select(
        'basis',
        l('Basis of the estimate', 'تخمینے کی بنیاد'),
        [
          opt('csr', 'Composite Schedule of Rates (CSR)', 'کمپوزٹ شیڈول آف ریٹس (سی ایس آر)'),
          opt('mrs', 'Market Rate System (MRS)', 'مارکیٹ ریٹ سسٹم (ایم آر ایس)'),
          opt('quotations', 'Market quotations', 'بازار کی کوٹیشنز'),
          opt('engineers-estimate', "Engineer's estimate", 'انجینئر کا تخمینہ'),
          opt('recent-contracts', 'Rates of recently awarded contracts', 'حال ہی میں دیے گئے ٹھیکوں کے نرخ'),
          opt('other', 'Other', 'دیگر'),
        ],
        { required: true, locked: true },
      ),
      shortText(
        'basisDetails',
        l('Details of the basis (schedule, year, district)', 'بنیاد کی تفصیل (شیڈول، سال، ضلع)'),
      ),
      pcField('estimateDate', 'date', l('Date of the estimate', 'تخمینے کی تاریخ')),
      estimate.field,
      field(
        'physicalContingencyPct',
        'decimal',
        l('Physical contingencies (% of base cost)', 'طبعی ہنگامی اخراجات (بنیادی لاگت کا فیصد)'),
        { constraints: { maximum: '100', scale: 2 } },
      ),
      field(
        'priceContingencyPct',
        'decimal',
        l('Price contingencies (% of base cost)', 'قیمتوں کے ہنگامی اخراجات (بنیادی لاگت کا فیصد)'),
        { constraints: { maximum: '100', scale: 2 } },
      ),
      money(
        'contingencyAmount',
        l('Contingencies included in the estimate (Rs million)', 'تخمینے میں شامل ہنگامی اخراجات (ملین روپے)'),
      ),
      money(
        'dutiesAndTaxes',
        l('Duties and taxes included in the estimate (Rs million)', 'تخمینے میں شامل محصولات اور ٹیکس (ملین روپے)'),
        {
          help: l(
            'The 2005 instructions ask for custom duties and taxes to be shown separately.',
            '2005 کی ہدایات کے مطابق کسٹم ڈیوٹی اور ٹیکس الگ دکھائے جائیں۔',
          ),
        },
      ),
      phasing.field,
      field('detailedEstimate', 'attachment', l('Detailed cost estimate', 'لاگت کا تفصیلی تخمینہ')),
    ]),
    rules: [...estimate.rules, ...phasing.rules],
  };
}

/**
 * Item 8. The 2005 proforma asks for the annual operating and maintenance cost after completion;
 * the 2024 edition makes operation and maintenance an item of its own: who operates and maintains
 * the assets and how (arrangements, cost recovery, climate-resilient upkeep) beside the cost.
 */
function operatingCostSection(e: Pc1Edition): SectionDefinition {
  const costFields = operatingCostFields(climateEdition(e));
  if (!climateEdition(e)) {
    return section(
      'operatingCost',
      '8',
      l(
        'Annual operating and maintenance cost after completion of the project',
        'منصوبے کی تکمیل کے بعد سالانہ آپریشن اور دیکھ بھال کی لاگت',
      ),
      costFields,
    );
  }
  return section(
    'operatingCost',
    '8',
    l('Operation and maintenance after completion of the project', 'منصوبے کی تکمیل کے بعد آپریشن اور دیکھ بھال'),
    [
      longText(
        'arrangements',
        l('(i) Operation and maintenance arrangements', '(i) آپریشن اور دیکھ بھال کے انتظامات'),
        {
          help: l(
            'Who will operate and maintain each asset after completion, ' +
              'with what staff and equipment, and how handover from the executing agency takes place.',
            'تکمیل کے بعد ہر اثاثے کو کون چلائے گا اور اس کی دیکھ بھال کرے گا، کس عملے ' +
              'اور سازوسامان کے ساتھ، اور عمل درآمد کرنے والے ادارے سے حوالگی کیسے ہوگی۔',
          ),
        },
      ),
      ...costFields,
      longText(
        'costRecovery',
        l('(iv) Cost recovery (user charges, fees, revenue)', '(iv) لاگت کی وصولی (صارفین سے وصولی، فیس، آمدنی)'),
      ),
      longText(
        'climateResilience',
        l(
          '(v) Climate-resilient maintenance (upkeep against floods, heat and other hazards)',
          '(v) موسمیاتی لحاظ سے پائیدار دیکھ بھال (سیلاب، گرمی اور دیگر خطرات کے مقابلے میں)',
        ),
      ),
    ],
    l(
      'PC-I 2024: operation and maintenance is an item of its own; ' +
        'the annual cost and its source of funds are required as in the 2005 proforma.',
      'پی سی ون 2024: آپریشن اور دیکھ بھال الگ مد ہے؛ سالانہ لاگت اور فنڈز کا ذریعہ 2005 کے پروفارما کی طرح لازمی ہیں۔',
    ),
  );
}

/** The annual O&M cost and its source of funds; numbered (ii), (iii) within the 2024 item 8. */
function operatingCostFields(numbered: boolean): FieldDefinition[] {
  const n = (roman: string, label: Localized) =>
    numbered ? l(`(${roman}) ${label.en}`, `(${roman}) ${label.ur}`) : label;
  return [
    field(
      'annual',
      'table',
      n('ii', l('Recurring cost by head and year (Rs million)', 'مد وار اور سال وار جاری اخراجات (ملین روپے)')),
      {
        required: true,
        locked: true,
        constraints: { minItems: 1, maxItems: ROW_LIMIT },
        columns: [
          field('head', 'text', l('Head of expenditure', 'مدِ اخراجات'), {
            required: true,
            constraints: { maxLength: 300 },
          }),
          fiscalYearColumn(),
          money('amount', l('Amount (Rs million)', 'رقم (ملین روپے)'), { required: true }),
        ],
        totals: ['amount'],
      },
    ),
    longText(
      'financing',
      n('iii', l('Source of funds for operation and maintenance', 'آپریشن اور دیکھ بھال کے لیے فنڈز کا ذریعہ')),
      {
        required: true,
        locked: true,
        help: l(
          'Say which budget will bear the recurring cost once the project is complete.',
          'بتائیں کہ منصوبے کی تکمیل کے بعد جاری اخراجات کس بجٹ سے ادا ہوں گے۔',
        ),
      },
    ),
  ];
}

function demandSupplySection(): SectionDefinition {
  return section('demandSupply', '9', l('Demand and supply analysis', 'طلب و رسد کا تجزیہ'), [
    longText(
      'assessment',
      l('Existing capacity, current and projected demand', 'موجودہ گنجائش، موجودہ اور متوقع طلب'),
      { required: true, locked: true },
    ),
    pcField('unit', 'text', l('Unit of measurement', 'پیمائش کی اکائی'), { constraints: { maxLength: 300 } }),
    field('projection', 'table', l('Demand, supply and gap by year', 'سال وار طلب، رسد اور فرق'), {
      required: true,
      locked: true,
      constraints: { minItems: 1, maxItems: 60 },
      columns: [
        fiscalYearColumn(),
        field('demand', 'decimal', l('Demand', 'طلب'), { required: true, constraints: { scale: 2 } }),
        field('supply', 'decimal', l('Supply', 'رسد'), { required: true, constraints: { scale: 2 } }),
        field('gap', 'decimal', l('Gap (demand − supply)', 'فرق (طلب − رسد)'), {
          constraints: { allowNegative: true, scale: 2 },
        }),
      ],
    }),
    longText('methodology', l('Basis and method of the projections', 'تخمینوں کی بنیاد اور طریقۂ کار')),
  ]);
}

function financingSection(): { section: SectionDefinition; rules: RuleDefinition[] } {
  const plan = localForeignTable(
    { section: 'financing', id: 'plan' },
    l('Financing plan (Rs million)', 'مالیاتی منصوبہ (ملین روپے)'),
    [
      select(
        'source',
        l('Source of financing', 'مالی وسائل کا ذریعہ'),
        { master: 'funding-sources' },
        { required: true },
      ),
      field('donor', 'text', l('Donor / lender (foreign aid)', 'عطیہ دہندہ / قرض دہندہ (غیر ملکی امداد)'), {
        constraints: { maxLength: 300 },
      }),
      select('mode', l('Mode of financing', 'طریقۂ سرمایہ کاری'), FUNDING_MODES, { required: true }),
    ],
    {
      required: true,
      locked: true,
      help: l(
        'The financing plan must add up to the total capital cost.',
        'مالیاتی منصوبے کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے۔',
      ),
    },
  );
  return {
    section: section(
      'financing',
      '10',
      l('Financial plan and mode of financing', 'مالیاتی منصوبہ اور طریقۂ سرمایہ کاری'),
      [
        plan.field,
        field('exchangeRate', 'decimal', l('Exchange rate (Rs per US$)', 'شرحِ مبادلہ (روپے فی امریکی ڈالر)'), {
          constraints: { minimum: '1', scale: 4 },
          help: l(
            'Required when the cost has a foreign-exchange ' + 'component.',
            'لاگت میں زرِ مبادلہ ' + 'کا جزو ہو تو لازمی۔',
          ),
        }),
        field('exchangeRateDate', 'date', l('Date of the exchange rate', 'شرحِ مبادلہ کی تاریخ')),
        field(
          'fecUsd',
          'decimal',
          l('Foreign exchange component (US$ million)', 'زرِ مبادلہ کا جزو (ملین امریکی ڈالر)'),
          {
            constraints: { scale: 3 },
            help: l(
              'The FEC of the cost estimate in US dollars; with the exchange rate it gives the FEC in rupees.',
              'لاگت کے تخمینے کا زرِ مبادلہ جزو امریکی ڈالر میں؛ شرحِ مبادلہ سے ضرب دینے پر روپوں میں زرِ مبادلہ جزو۔',
            ),
          },
        ),
        longText(
          'arrangements',
          l(
            'Financing arrangements (loan terms, counterpart funds, conditions)',
            'مالیاتی انتظامات (قرض کی شرائط، ہم منصب فنڈز، شرائط)',
          ),
        ),
      ],
    ),
    rules: plan.rules,
  };
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'];

function benefitsSection(v: Pc1Variant, e: Pc1Edition): SectionDefinition {
  // Sub-items are numbered as printed: the social variant has no "Economic" sub-item.
  let n = 0;
  const next = (en: string, ur: string) => {
    const r = ROMAN[n++];
    return l(`(${r}) ${en}`, `(${r}) ${ur}`);
  };
  const pct = (id: string, label: Localized) =>
    field(id, 'decimal', label, { constraints: { allowNegative: true, scale: 2 } });
  const fields: FieldDefinition[] = [
    longText('financial', next('Financial analysis', 'مالیاتی تجزیہ'), {
      required: true,
      locked: true,
      help: v.economicAnalysis
        ? l(
            'Revenue, cost recovery and financial returns on the total cost.',
            'کل لاگت پر آمدنی، لاگت کی وصولی اور مالیاتی منافع۔',
          )
        : l(
            'Social sector projects give the unit cost; state any revenue or cost recovery.',
            'سماجی شعبے کے منصوبے فی اکائی لاگت بتائیں؛ کوئی آمدنی یا لاگت کی وصولی ہو تو بیان کریں۔',
          ),
    }),
  ];
  if (v.economicAnalysis) {
    fields.push(
      money('financialNpv', l('Financial net present value (Rs million)', 'مالیاتی خالص موجودہ قدر (ملین روپے)'), {
        constraints: { allowNegative: true },
      }),
      field('financialBcr', 'decimal', l('Financial benefit-cost ratio', 'مالیاتی فائدہ و لاگت تناسب'), {
        constraints: { scale: 2 },
      }),
      pct('firr', l('Financial internal rate of return (FIRR, %)', 'مالیاتی اندرونی شرحِ منافع (ایف آئی آر آر، فیصد)')),
    );
  }
  fields.push(
    shortText('unitOfOutput', l('Unit of output (for the unit cost)', 'حاصل کی اکائی (فی اکائی لاگت کے لیے)')),
    money('unitCost', l('Unit cost (Rs million per unit)', 'فی اکائی لاگت (ملین روپے فی اکائی)')),
  );
  if (v.economicAnalysis) {
    fields.push(
      longText('economic', next('Economic analysis', 'معاشی تجزیہ'), { required: true, locked: true }),
      money('economicNpv', l('Economic net present value (Rs million)', 'معاشی خالص موجودہ قدر (ملین روپے)'), {
        constraints: { allowNegative: true },
      }),
      field('economicBcr', 'decimal', l('Economic benefit-cost ratio', 'معاشی فائدہ و لاگت تناسب'), {
        constraints: { scale: 2 },
      }),
      pct('eirr', l('Economic internal rate of return (EIRR, %)', 'معاشی اندرونی شرحِ منافع (ای آئی آر آر، فیصد)')),
    );
  }
  fields.push(
    longText('social', next('Social benefits with indicators', 'سماجی فوائد بمعہ اشاریے'), {
      required: true,
      locked: true,
    }),
    field('socialIndicators', 'table', l('Social indicators', 'سماجی اشاریے'), {
      constraints: { maxItems: 30 },
      columns: [
        field('indicator', 'text', l('Indicator', 'اشاریہ'), { required: true, constraints: { maxLength: 300 } }),
        field('baseline', 'text', l('Baseline', 'ابتدائی سطح'), { constraints: { maxLength: 300 } }),
        field('target', 'text', l('Target', 'ہدف'), { required: true, constraints: { maxLength: 300 } }),
      ],
    }),
  );
  const employment = next('Employment generation (direct and indirect)', 'روزگار کی فراہمی (براہِ راست اور بالواسطہ)');
  fields.push(
    pcField('directEmployment', 'integer', l(`${employment.en}: direct jobs`, `${employment.ur}: براہِ راست ملازمتیں`)),
    pcField(
      'indirectEmployment',
      'integer',
      l(`${employment.en}: indirect jobs`, `${employment.ur}: بالواسطہ ملازمتیں`),
    ),
    longText('employmentDetails', l('Employment: details', 'روزگار: تفصیل')),
    longText('environmental', next('Environmental impact', 'ماحولیاتی اثرات'), { required: true, locked: true }),
    select(
      'environmentalAssessment',
      l(
        'Environmental assessment under the provincial environmental protection law',
        'صوبائی تحفظِ ماحول قانون کے تحت ماحولیاتی جائزہ',
      ),
      [
        opt('iee', 'Initial Environmental Examination (IEE)', 'ابتدائی ماحولیاتی جائزہ (آئی ای ای)'),
        opt('eia', 'Environmental Impact Assessment (EIA)', 'ماحولیاتی اثرات کا جائزہ (ای آئی اے)'),
        opt('not-required', 'Not required', 'درکار نہیں'),
      ],
    ),
    field(
      'environmentalApproval',
      'attachment',
      l('Environmental approval / IEE or EIA report', 'ماحولیاتی منظوری / آئی ای ای یا ای آئی اے رپورٹ'),
    ),
    ...(climateEdition(e)
      ? [
          longText(
            'climateMeasures',
            l('Climate risks and adaptation / mitigation measures', 'موسمیاتی خطرات اور موافقت / تخفیف کے اقدامات'),
          ),
        ]
      : []),
    longText(
      'delays',
      next('Impact of delays on project cost and viability', 'تاخیر کے منصوبے کی لاگت اور قابلِ عمل ہونے پر اثرات'),
      { required: true, locked: true },
    ),
  );
  return section('benefits', '11', l('Project benefits and analysis', 'منصوبے کے فوائد اور تجزیہ'), fields);
}

function implementationSection(): SectionDefinition {
  return section('implementation', '12(a)', l('Implementation schedule', 'عمل درآمد کا نظام الاوقات'), [
    pcField('commencementDate', 'date', l('Date of commencement', 'آغاز کی تاریخ')),
    pcField('completionDate', 'date', l('Date of completion', 'تکمیل کی تاریخ')),
    pcField('durationMonths', 'integer', l('Implementation period (months)', 'مدتِ عمل درآمد (مہینے)'), {
      constraints: { minimum: 1, maximum: 240 },
    }),
    field('schedule', 'table', l('Activities (Gantt chart)', 'سرگرمیاں (گینٹ چارٹ)'), {
      required: true,
      locked: true,
      constraints: { minItems: 1, maxItems: ROW_LIMIT },
      columns: [
        field('activity', 'text', l('Activity', 'سرگرمی'), { required: true, constraints: { maxLength: 300 } }),
        field('start', 'date', l('Start', 'آغاز'), { required: true }),
        field('end', 'date', l('End', 'اختتام'), { required: true }),
        field('responsibility', 'text', l('Responsibility', 'ذمہ داری'), { constraints: { maxLength: 300 } }),
      ],
    }),
  ]);
}

function rbmSection(): SectionDefinition {
  const text = (id: string, label: Localized) =>
    field(id, 'text', label, { required: true, constraints: { maxLength: 300 } });
  return section(
    'rbm',
    '12(b)',
    l('Result Based Monitoring (RBM) indicators', 'نتائج پر مبنی نگرانی (آر بی ایم) کے اشاریے'),
    [
      field('indicators', 'table', l('RBM indicators', 'آر بی ایم اشاریے'), {
        required: true,
        locked: true,
        constraints: { minItems: 1, maxItems: 100 },
        columns: [
          text('input', l('Input', 'مداخل')),
          text('output', l('Output', 'حاصل')),
          text('outcome', l('Outcome', 'نتیجہ')),
          text('impact', l('Impact', 'اثر')),
          text('baseline', l('Baseline', 'ابتدائی سطح')),
          text('target', l('Target', 'ہدف')),
        ],
      }),
    ],
  );
}

function managementSection(): SectionDefinition {
  return section(
    'management',
    '13',
    l(
      'Management structure and manpower requirements including ' +
        'specialised skills during construction and operational phases',
      'تعمیراتی اور آپریشنل مراحل میں انتظامی ڈھانچہ اور افرادی قوت کی ضروریات بشمول خصوصی مہارتیں',
    ),
    [
      longText('structure', l('Management structure', 'انتظامی ڈھانچہ'), { required: true, locked: true }),
      field('organogram', 'attachment', l('Organogram', 'تنظیمی خاکہ')),
      field('manpower', 'table', l('Manpower requirements', 'افرادی قوت کی ضروریات'), {
        required: true,
        locked: true,
        constraints: { minItems: 1, maxItems: ROW_LIMIT },
        columns: [
          field('post', 'text', l('Post', 'اسامی'), { required: true, constraints: { maxLength: 300 } }),
          field('bps', 'integer', l('BPS', 'بی پی ایس (گریڈ)'), {
            required: true,
            constraints: { minimum: 1, maximum: 22 },
          }),
          field('number', 'integer', l('Number', 'تعداد'), {
            required: true,
            constraints: { minimum: 1, maximum: 10000 },
          }),
          select(
            'phase',
            l('Phase', 'مرحلہ'),
            [opt('construction', 'Construction', 'تعمیراتی'), opt('operational', 'Operational', 'آپریشنل')],
            { required: true },
          ),
          select('mode', l('Mode of appointment', 'تقرری کا طریقہ'), [
            opt('regular', 'Regular', 'مستقل'),
            opt('contract', 'Contract', 'کنٹریکٹ'),
            opt('deputation', 'Deputation', 'ڈیپوٹیشن'),
          ]),
        ],
        totals: ['number'],
      }),
      longText('specialisedSkills', l('Specialised skills required', 'درکار خصوصی مہارتیں')),
    ],
  );
}

function additionalSection(): SectionDefinition {
  return section(
    'additional',
    '14',
    l(
      'Additional projects / decisions required to maximise socio-economic benefits from the proposed project',
      'مجوزہ منصوبے سے زیادہ سے زیادہ سماجی و معاشی فوائد کے لیے درکار اضافی منصوبے / فیصلے',
    ),
    [
      field('items', 'table', l('Additional projects / decisions', 'اضافی منصوبے / فیصلے'), {
        constraints: { maxItems: 50 },
        columns: [
          field('description', 'text', l('Project / decision required', 'درکار منصوبہ / فیصلہ'), {
            required: true,
            constraints: { maxLength: 300 },
          }),
          field('agency', 'text', l('Responsible agency', 'ذمہ دار ادارہ'), { constraints: { maxLength: 300 } }),
          field('requiredBy', 'date', l('Required by', 'مطلوبہ تاریخ')),
        ],
      }),
    ],
  );
}

function certificateSection(statement: Localized): SectionDefinition {
  const sign = (id: string, label: Localized, required = true) => ({
    ...signatory(id, label, required),
    help: SIGNATORY_HELP,
  });
  return section('certificate', '15', l('Certificate', 'تصدیق نامہ'), [
    pcField('confirmed', 'boolean', statement),
    sign('preparedBy', l('Prepared by', 'تیار کنندہ')),
    sign('checkedBy', l('Checked by', 'جانچ کنندہ')),
    sign('recommendedBy', l('Recommended by', 'سفارش کنندہ'), false),
    sign('approvedBy', l('Approved by', 'منظور کنندہ')),
  ]);
}

// --- rules and checks shared by the three variants -----------------------------------------

const ref = (path: string) => ({ var: path });
const isTrue = (path: string) => ({ '==': [ref(path), true] });
const isFalse = (path: string) => ({ '==': [ref(path), false] });
const visibleWhen = (target: string, flag: string): RuleDefinition => ({
  id: `${kebabPath(target)}-visible`,
  kind: 'visible',
  target,
  when: isTrue(flag),
});
const requiredWhen = (target: string, flag: string, description: string): RuleDefinition => ({
  id: `${kebabPath(target)}-required`,
  kind: 'require',
  target,
  when: isTrue(flag),
  description,
});
/** "planProvision.subSchemes" → "sub-schemes" (rule ids name the field). */
const kebabPath = (target: string) => kebab(target.split('.').at(-1)!);

/** Item 10 details required with a foreign-exchange component. */
const FEC_DETAILS = ['financing.exchangeRate', 'financing.exchangeRateDate', 'financing.fecUsd'];

const subSchemeShare = (status: string) => ({
  if: [{ '==': [ref('row.status'), status] }, { dec_add: [ref('row.cost')] }, '0'],
});

function pc1Rules(): RuleDefinition[] {
  return [
    {
      id: 'block-balance',
      kind: 'calculate',
      target: 'planProvision.blockProvision.rows.*.balance',
      value: { dec_sub: [{ dec_sub: [ref('row.totalBlock'), ref('row.committed')] }, ref('row.proposed')] },
      description:
        'Balance = total block provision − amount already committed − amount ' +
        'proposed for this project, for every block (as printed in published PC-Is)',
    },
    {
      id: 'sub-scheme-committed',
      kind: 'calculate',
      target: 'planProvision.subSchemes.rows.*.committedCost',
      value: subSchemeShare('committed'),
      description: "A committed sub-scheme's cost counts towards the committed amount",
    },
    {
      id: 'sub-scheme-uncommitted',
      kind: 'calculate',
      target: 'planProvision.subSchemes.rows.*.uncommittedCost',
      value: subSchemeShare('uncommitted'),
      description: "An uncommitted sub-scheme's cost counts towards the uncommitted amount",
    },
    {
      id: 'committed-amount',
      kind: 'calculate',
      target: 'planProvision.committedAmount',
      value: { dec_add: [ref('planProvision.subSchemes.totals.committedCost')] },
      description: 'Committed amount of an umbrella PC-I = sum of its committed sub-schemes',
    },
    {
      id: 'uncommitted-amount',
      kind: 'calculate',
      target: 'planProvision.uncommittedAmount',
      value: { dec_add: [ref('planProvision.subSchemes.totals.uncommittedCost')] },
      description: 'Uncommitted amount of an umbrella PC-I = sum of its uncommitted sub-schemes',
    },
    {
      id: 'throw-forward',
      kind: 'calculate',
      target: 'planProvision.throwForward',
      value: {
        if: [
          isTrue('planProvision.ongoing'),
          { dec_sub: [ref(COST_TOTAL), ref('planProvision.expenditureToDate')] },
          null,
        ],
      },
      description: 'Throw-forward of an ongoing scheme = total capital cost − expenditure to date',
    },
    ...(['subSchemes', 'committedAmount', 'uncommittedAmount'] as const).map((id) =>
      visibleWhen(`planProvision.${id}`, 'planProvision.umbrella'),
    ),
    requiredWhen('planProvision.subSchemes', 'planProvision.umbrella', 'An umbrella PC-I lists its sub-schemes'),
    ...(['expenditureToDate', 'expenditureAsOf', 'throwForward'] as const).map((id) =>
      visibleWhen(`planProvision.${id}`, 'planProvision.ongoing'),
    ),
    requiredWhen(
      'planProvision.expenditureToDate',
      'planProvision.ongoing',
      'The PC-I of an ongoing scheme states the expenditure to date',
    ),
    requiredWhen(
      'planProvision.expenditureAsOf',
      'planProvision.ongoing',
      'The expenditure to date is stated as of a date',
    ),
    ...locationScope('location').rules,
    ...FEC_DETAILS.map((target) => ({
      id: `${kebabPath(target)}-required`,
      kind: 'require' as const,
      target,
      when: { dec_gt: [ref('capitalCost.estimate.totals.fec'), '0'] },
      description:
        'The exchange rate, its date and the FEC in US$ are required ' +
        'when the cost has a foreign-exchange component (item 10)',
    })),
    {
      id: 'demand-gap',
      kind: 'calculate',
      target: 'demandSupply.projection.rows.*.gap',
      value: { dec_sub: [ref('row.demand'), ref('row.supply')] },
      description: 'Gap = demand − supply, for every year',
    },
    {
      id: 'plan-allocation-visible',
      kind: 'visible',
      target: 'planProvision.planAllocation',
      when: isTrue('planProvision.inPlan'),
    },
    {
      id: 'plan-allocation-required',
      kind: 'require',
      target: 'planProvision.planAllocation',
      when: isTrue('planProvision.inPlan'),
    },
    {
      id: 'plan-reference-visible',
      kind: 'visible',
      target: 'planProvision.planReference',
      when: isTrue('planProvision.inPlan'),
    },
    {
      id: 'inclusion-justification-visible',
      kind: 'visible',
      target: 'planProvision.inclusionJustification',
      when: isFalse('planProvision.inPlan'),
    },
    {
      id: 'inclusion-justification-required',
      kind: 'require',
      target: 'planProvision.inclusionJustification',
      when: isFalse('planProvision.inPlan'),
      description: 'A project outside the plan must say what warrants its inclusion',
    },
    {
      id: 'block-provision-visible',
      kind: 'visible',
      target: 'planProvision.blockProvision',
      when: isTrue('planProvision.fromBlockProvision'),
    },
    {
      id: 'block-provision-required',
      kind: 'require',
      target: 'planProvision.blockProvision',
      when: isTrue('planProvision.fromBlockProvision'),
    },
    {
      id: 'component-responsibility-visible',
      kind: 'visible',
      target: 'authorities.componentResponsibility',
      when: isTrue('authorities.multipleAgencies'),
    },
    {
      id: 'component-responsibility-required',
      kind: 'require',
      target: 'authorities.componentResponsibility',
      when: isTrue('authorities.multipleAgencies'),
      description: 'Item 3: component-wise responsibility when more than one agency is involved',
    },
    {
      id: 'feasibility-study-required',
      kind: 'require',
      target: 'description.feasibilityStudy',
      when: { dec_gte: [ref('capitalCost.estimate.totals.total'), '300'] },
      description: 'PC-I item 6: enclose the feasibility study for projects costing Rs 300 million and above',
    },
    {
      id: 'environmental-approval-visible',
      kind: 'visible',
      target: 'benefits.environmentalApproval',
      when: { in: [ref('benefits.environmentalAssessment'), ['iee', 'eia']] },
    },
  ];
}

const COST_TOTAL = 'capitalCost.estimate.totals.total';

/**
 * Cross-checks of both editions. The scrutiny checks (scrutiny-checks.ts) replace two of 1.0.0:
 * "proposed within the balance" (the balance now already deducts the proposal, so
 * block-balance-non-negative says it) and "current provision within cost" (allocation-within-cost).
 */
function pc1Checks(e: Pc1Edition): CheckDefinition[] {
  return [
    {
      id: 'phasing-equals-capital-cost',
      op: 'eq',
      left: ref('capitalCost.phasing.totals.total'),
      right: ref(COST_TOTAL),
      pointer: '/capitalCost/phasing/totals/total',
      message: l(
        'The year-wise phasing must add up to the total capital cost',
        'سال وار تقسیم کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'phasing-local-equals-capital-cost',
      op: 'eq',
      left: ref('capitalCost.phasing.totals.local'),
      right: ref('capitalCost.estimate.totals.local'),
      pointer: '/capitalCost/phasing/totals/local',
      message: l(
        'The local component of the phasing must equal that of the capital cost',
        'سال وار تقسیم کا مقامی جزو سرمایہ جاتی لاگت کے مقامی جزو کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'phasing-fec-equals-capital-cost',
      op: 'eq',
      left: ref('capitalCost.phasing.totals.fec'),
      right: ref('capitalCost.estimate.totals.fec'),
      pointer: '/capitalCost/phasing/totals/fec',
      message: l(
        'The foreign-exchange component of the phasing must equal that of the capital cost',
        'سال وار تقسیم کا زرِ مبادلہ جزو سرمایہ جاتی لاگت کے زرِ مبادلہ جزو کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'financing-equals-capital-cost',
      op: 'eq',
      left: ref('financing.plan.totals.total'),
      right: ref(COST_TOTAL),
      pointer: '/financing/plan/totals/total',
      message: l(
        'The financing plan must add up to the total capital cost',
        'مالیاتی منصوبے کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'block-proposed-within-cost',
      op: 'lte',
      left: ref('planProvision.blockProvision.totals.proposed'),
      right: ref(COST_TOTAL),
      when: isTrue('planProvision.fromBlockProvision'),
      pointer: '/planProvision/blockProvision/totals/proposed',
      message: l(
        'The amount proposed from the block provision cannot exceed the total capital cost',
        'بلاک پروویژن سے تجویز کردہ رقم کل سرمایہ جاتی لاگت سے زیادہ نہیں ہو سکتی',
      ),
    },
    {
      id: 'contingencies-within-cost',
      op: 'lte',
      left: ref('capitalCost.contingencyAmount'),
      right: ref(COST_TOTAL),
      pointer: '/capitalCost/contingencyAmount',
      message: l(
        'Contingencies cannot exceed the total capital cost',
        'ہنگامی اخراجات کل سرمایہ جاتی لاگت سے زیادہ نہیں ہو سکتے',
      ),
    },
    ...pc1ScrutinyChecks(e),
    {
      id: 'certificate-confirmed',
      op: 'eq',
      left: { if: [ref('certificate.confirmed'), 1, 0] },
      right: 1,
      when: { '!=': [ref('certificate.confirmed'), null] },
      pointer: '/certificate/confirmed',
      message: l(
        'The certificate must be confirmed before submission',
        'جمع کرانے سے پہلے تصدیق نامے کی توثیق ضروری ہے',
      ),
    },
  ];
}

/** Deviations from the printed proforma common to both editions, with their reasons. */
const PC1_NOTES_COMMON =
  'Items 1–15 follow the 2005 PC-I as printed (three sector variants). Deviations and their reasons: ' +
  "The cover page has no printed number (numbered '0' here). " +
  'Cover: the ADP / PSDP serial number (digits) and the computer code ' +
  '(KP prints both as "ADP No. 957/190571") are two ' +
  'fields, and the total cost printed on the cover is kept to be checked against item 7 (practice fields of P&D ' +
  'scrutiny, not printed items). ' +
  'Item 2: the extent of the project (one district, several, province-wide) is a practice field so that a ' +
  'province-wide scheme need not name districts; the 2005 instructions ask only for "name of the district/province". ' +
  'Tehsils and GPS coordinates (item 2) come from the revised-project form and are optional here. ' +
  'Item 4: block provision rows as printed (total block provision, ' +
  'amount already committed, amount proposed for this ' +
  'project, balance); balance = total − committed − proposed, as published PC-Is fill it, and it cannot be negative. ' +
  'An umbrella PC-I (Manual ch.1) lists its sub-schemes with committed and uncommitted amounts (calculated); the ' +
  'PC-I of an ongoing scheme states expenditure to date (and its date) and the throw-forward (total cost − ' +
  'expenditure to date, calculated): practice fields, not printed items. ' +
  'Item 6: components carry an "imported" flag (practice field, for the FEC check). ' +
  '[verify] Item 7: the exact layout of the capital cost table is not printed on the proforma: modelled as item × ' +
  'financial year × local/FEC, with a separate year-wise phasing that must add up to it; duties and taxes in the ' +
  'estimate are one figure (the 2005 instructions ask for prices "with custom duties and taxes shown separately", ' +
  'e.g. for energy equipment). ' +
  'Item 10: the FEC in US$ with the exchange rate and its date are required when the cost has an FEC. ' +
  'The environmental assessment (IEE/EIA) field, design status and contingency percentages are practice fields, not ' +
  'printed items. Feasibility study required at ≥ Rs 300 million (item 6). Item 15: "Recommended by" and the ' +
  "signatories' dates come from the 2011 social form; optional, kept on every variant.";

const PC1_NOTES: Record<Pc1Edition, string> = {
  '2005':
    'Edition 2005: without the 2024 climate content (no agro-ecological zone, biophysical conditions, ecosystems or ' +
    'natural resources in item 2; no climate agencies in item 3; no sectoral / ' +
    'economic / social / climate objective tables in item 5; no climate measures in item 11). Item 8 is the annual ' +
    'operating and maintenance cost after completion, as printed. ' +
    'Item 3 has the component-wise responsibility of the ' +
    'agencies where more than one executes (the 2005 instruction ' +
    '"in case of more than one agency, give their component ' +
    'wise responsibility", printed and answered in PC-Is of 2015-16 and 2017-18 on this form).',
  '2024':
    'Edition 2024 (Manual for Development Projects 2024, Appendix-B) adds, as summarised from an excerpt of the 2024 ' +
    'instructions: environmental and biophysical conditions ' +
    'and agro-ecological zone (item 2(iii), zones per the PARC ' +
    'classification), operation and maintenance agencies named separately, ' +
    'component-wise responsibility and agencies ' +
    'supporting climate adaptation/mitigation (item 3), ' +
    'four objective types (sectoral, economic, social, climate) of up ' +
    'to three measurable objectives each linked to SDGs/NDCs (item 5), climate risks and measures (item 11(v)). ' +
    'Confirmed from the excerpt: items 2(iii) and 3(i)–(iii). [verify] Not the official Appendix-B; whether all four ' +
    'objective types are mandatory for every project is assumed. ' +
    '[verify] Item 8 "Operation and maintenance" as an item ' +
    'of its own with (i) arrangements, (ii) annual cost, (iii) source of funds, (iv) cost recovery and (v) ' +
    'climate-resilient maintenance: numbering kept at 8 so items 9–15 keep their 2005 numbers; only (ii) and (iii) ' +
    'are required, as in 2005.',
};

function pc1Definition(p: Pc1Variant, e: Pc1Edition): FormDefinition {
  const cost = capitalCostSection();
  const financing = financingSection();
  return {
    key: e === '2024' ? p.key : `${p.key}-${e}`,
    version: PC1_VERSION[e],
    family: 'PC-I',
    variant: p.variant,
    title: l(
      `PC-I ${e}: Proforma for development projects (${p.sectorName.en} sectors)`,
      `پی سی ون ${e}: ترقیاتی منصوبوں کا پروفارما (${p.sectorName.ur} شعبے)`,
    ),
    source: {
      document: climateEdition(e) ? `${p.document}, with the 2024 additions` : p.document,
      urls: climateEdition(e) ? [...p.urls, PC1_2024_URL] : p.urls,
      notes: `${PC1_NOTES_COMMON} ${PC1_NOTES[e]} ${p.notes}`,
    },
    sections: [
      coverSection(p),
      nameSection(),
      locationSection(e),
      authoritiesSection(e),
      planProvisionSection(),
      objectivesSection(p, e),
      descriptionSection(p),
      cost.section,
      operatingCostSection(e),
      demandSupplySection(),
      financing.section,
      benefitsSection(p, e),
      implementationSection(),
      rbmSection(),
      managementSection(),
      additionalSection(),
      certificateSection(
        l(
          `Certified that the project proposal has been prepared on the basis of instructions provided by the ` +
            `Planning Commission for the preparation of PC-I for ${p.sectorName.en.toLowerCase()} sector projects.`,
          `تصدیق کی جاتی ہے کہ منصوبے کی یہ تجویز ${p.sectorName.ur} شعبے کے منصوبوں کا پی سی ` +
            `ون تیار کرنے کے لیے پلاننگ کمیشن کی جاری کردہ ہدایات کی بنیاد پر تیار کی گئی ہے۔`,
        ),
      ),
    ],
    rules: [...cost.rules, ...financing.rules, ...pc1Rules(), ...p.extraRules],
    checks: pc1Checks(e),
  };
}

// --- the three variants ---------------------------------------------------------------------

const MANUAL_URL = 'https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/84';
const PC1_2024_URL = 'https://www.scribd.com/document/812337484/PC-I-revised-2024';
const INSTRUCTIONS_URLS = [
  'https://studylib.net/doc/25351851/pc-1-2',
  'https://fdocuments.in/document/3-pc-i-social-production-sectors.html',
];

const INFRASTRUCTURE: Pc1Variant = {
  variant: 'infrastructure',
  key: 'pc1-infrastructure',
  sectorName: l('Infrastructure', 'بنیادی ڈھانچے کے'),
  document: 'PC-I Form (Infrastructure Sectors), Planning Commission of Pakistan, revised 2005',
  urls: [
    'https://docest.com/doc/125352/government-of-pakistan-s13',
    'https://id.scribd.com/document/96679126/Pc-i-Infrastructure-proforma-for-Development-Projects',
    ...INSTRUCTIONS_URLS,
    MANUAL_URL,
  ],
  notes:
    'Item 6 has a free-text sector-specific annex (transport, energy, IT, irrigation … details per the instructions).',
  subSectors: [
    opt('transport-communication', 'Transport & Communication', 'نقل و حمل اور مواصلات'),
    opt('telecommunication', 'Telecommunication', 'ٹیلی مواصلات'),
    opt('information-technology', 'Information Technology', 'انفارمیشن ٹیکنالوجی'),
    opt('energy', 'Energy (Fuel & Power)', 'توانائی (ایندھن و بجلی)'),
    opt(
      'housing-buildings-town-planning',
      'Housing, Government Buildings & Town Planning',
      'رہائش، سرکاری عمارات اور ٹاؤن پلاننگ',
    ),
    opt(
      'irrigation-drainage-flood-control',
      'Irrigation, Drainage & Flood Control',
      'آبپاشی، نکاسیٔ آب اور سیلاب سے بچاؤ',
    ),
  ],
  technologyTransfer: true,
  economicAnalysis: true,
  objectiveExtras: () => [],
  descriptionExtras: () => [
    longText(
      'sectorSpecifics',
      l(
        'Sector-specific details (as required by the instructions for the sub-sector)',
        'شعبے سے متعلق مخصوص تفصیلات (ذیلی شعبے کی ہدایات کے مطابق)',
      ),
      {
        help: l(
          'E.g. roads: traffic counts, design standards, pavement design; energy: load flow, ' +
            'generation and transmission data; irrigation: command area, water availability.',
          'مثلاً سڑکیں: ٹریفک شماری، ڈیزائن کے معیارات، سطح کا ڈیزائن؛ توانائی: ' +
            'لوڈ فلو، پیداوار اور ترسیل کے اعداد و شمار؛ آبپاشی: کمانڈ ایریا، پانی کی دستیابی۔',
        ),
      },
    ),
    field('sectorAnnex', 'attachment', l('Sector-specific annex', 'شعبے سے متعلق ضمیمہ')),
  ],
  extraRules: [],
};

const PRODUCTION: Pc1Variant = {
  variant: 'production',
  key: 'pc1-production',
  sectorName: l('Production', 'پیداواری'),
  document: 'PC-I Form (Production Sectors), Planning Commission of Pakistan, revised 2005',
  urls: ['https://dokumen.tips/documents/annexure-6-pc-i-proforma.html', ...INSTRUCTIONS_URLS, MANUAL_URL],
  notes:
    'Item 6 sector specifics (crop yields, livestock, fisheries, ' +
    'forestry, machinery inventory) follow the production ' +
    'instructions; the machinery/vehicle inventory follows Manual ch.4 §4.11.',
  subSectors: [
    opt('agriculture-production', 'Agriculture Production', 'زرعی پیداوار'),
    opt('agriculture-extension', 'Agriculture Extension', 'زرعی توسیع'),
    opt('industries-commerce-minerals', 'Industries, Commerce & Minerals', 'صنعت، تجارت اور معدنیات'),
  ],
  technologyTransfer: true,
  economicAnalysis: true,
  objectiveExtras: () => [],
  descriptionExtras: () => [
    field(
      'cropYields',
      'table',
      l('Crop area and yields: present and with the project', 'فصلوں کا رقبہ اور پیداوار: موجودہ اور منصوبے کے بعد'),
      {
        constraints: { maxItems: 50 },
        columns: [
          field('crop', 'text', l('Crop', 'فصل'), { required: true, constraints: { maxLength: 300 } }),
          field('areaHectares', 'decimal', l('Area (hectares)', 'رقبہ (ہیکٹر)')),
          field('unit', 'text', l('Yield unit', 'پیداوار کی اکائی'), { constraints: { maxLength: 50 } }),
          field('presentYield', 'decimal', l('Present yield', 'موجودہ پیداوار'), { required: true }),
          field('projectedYield', 'decimal', l('Yield with the project', 'منصوبے کے بعد پیداوار'), { required: true }),
        ],
      },
    ),
    longText('livestock', l('Livestock', 'مویشی')),
    longText('fisheries', l('Fisheries', 'ماہی پروری')),
    longText('forestry', l('Forestry', 'جنگلات')),
    field(
      'machineryInventory',
      'table',
      l('Inventory of existing and required machinery / vehicles', 'موجودہ اور درکار مشینری / گاڑیوں کی فہرست'),
      {
        help: l(
          'Manual ch.4: proposals for machinery or vehicles must be accompanied by an inventory of those already held.',
          'مینوئل باب 4: مشینری یا گاڑیوں کی تجاویز کے ساتھ پہلے سے موجود مشینری / گاڑیوں کی فہرست لازمی ہے۔',
        ),
        constraints: { maxItems: 100 },
        columns: [
          field('item', 'text', l('Machinery / vehicle', 'مشینری / گاڑی'), {
            required: true,
            constraints: { maxLength: 300 },
          }),
          field('existing', 'integer', l('Existing (number)', 'موجود (تعداد)'), { required: true }),
          field('required', 'integer', l('Required under the project (number)', 'منصوبے کے تحت درکار (تعداد)'), {
            required: true,
          }),
          field('remarks', 'text', l('Remarks', 'کیفیت'), { constraints: { maxLength: 300 } }),
        ],
      },
    ),
    longText(
      'marketing',
      l('Marketing and processing arrangements for the output', 'پیداوار کی مارکیٹنگ اور پراسیسنگ کے انتظامات'),
    ),
  ],
  extraRules: [],
};

const SOCIAL: Pc1Variant = {
  variant: 'social',
  key: 'pc1-social',
  sectorName: l('Social', 'سماجی'),
  document: 'PC-I Form (Social Sectors), Planning Commission of Pakistan, revised 2005 (2011 social form)',
  urls: [...INSTRUCTIONS_URLS, 'https://www.scribd.com/document/758648263/Modified-PC-1', MANUAL_URL],
  notes:
    'Social variant: item 6 has no technology transfer; item 11 drops the economic analysis (i Financial, ii Social, ' +
    'iii Employment, iv Environment, v Delays; unit cost only); item 6 asks for male/female beneficiaries and ' +
    'facilities; item 5 gender/MDG alignment; the 2011 social form ' +
    'adds "Recommended by" and dates to the certificate. ' +
    'The Modified PC-1 URL was cited in the domain notes through a proxy (anonyproxies.com).',
  subSectors: [
    opt('education-training-manpower', 'Education, Training & Manpower', 'تعلیم، تربیت اور افرادی قوت'),
    opt(
      'health-nutrition-population-welfare',
      'Health, Nutrition, Family Planning & Social Welfare',
      'صحت، غذائیت، خاندانی منصوبہ بندی اور سماجی بہبود',
    ),
    opt('science-technology', 'Science & Technology', 'سائنس و ٹیکنالوجی'),
    opt('water-supply-sewerage', 'Water Supply & Sewerage', 'فراہمیٔ آب اور سیوریج'),
    opt('culture-sports-tourism-youth', 'Culture, Sports, Tourism & Youth', 'ثقافت، کھیل، سیاحت اور امورِ نوجوانان'),
    opt('mass-media', 'Mass Media', 'ذرائع ابلاغ'),
    opt('governance', 'Governance', 'طرزِ حکمرانی'),
    opt('research', 'Research', 'تحقیق'),
  ],
  technologyTransfer: false,
  economicAnalysis: false,
  objectiveExtras: () => [
    longText(
      'genderAlignment',
      l('Gender and MDG / SDG alignment', 'صنفی پہلو اور ملینیم / پائیدار ترقیاتی اہداف سے ہم آہنگی'),
      {
        required: true,
        locked: true,
        help: l(
          'How the project serves women and girls and which development goals it advances.',
          'منصوبہ خواتین اور لڑکیوں کو کیسے فائدہ دیتا ہے اور کن ترقیاتی اہداف کو آگے بڑھاتا ہے۔',
        ),
      },
    ),
  ],
  descriptionExtras: () => [
    pcField('beneficiariesMale', 'integer', l('Beneficiaries: male', 'مستفیدین: مرد')),
    pcField('beneficiariesFemale', 'integer', l('Beneficiaries: female', 'مستفیدین: خواتین')),
    field('beneficiariesTotal', 'integer', l('Beneficiaries: total', 'مستفیدین: کل')),
    longText('targetGroup', l('Target group and catchment', 'ہدف گروہ اور دائرۂ خدمت')),
    longText(
      'facilities',
      l('Facilities for male and female beneficiaries', 'مرد اور خواتین مستفیدین کے لیے سہولیات'),
      {
        required: true,
        locked: true,
        help: l(
          'Separate facilities for women and girls (e.g. toilets, boundary walls, female staff).',
          'خواتین اور لڑکیوں کے لیے الگ سہولیات (مثلاً بیت الخلاء، چار دیواری، خواتین عملہ)۔',
        ),
      },
    ),
  ],
  extraRules: [
    {
      id: 'beneficiaries-total',
      kind: 'calculate',
      target: 'description.beneficiariesTotal',
      value: { dec_add: [ref('description.beneficiariesMale'), ref('description.beneficiariesFemale')] },
      description: 'Total beneficiaries = male + female',
    },
  ],
};

/** The 2024 edition keeps the proforma's own keys (its 1.0.0 is frozen in ./released); 2005 is '<key>-2005'. */
export const pc1Infrastructure: FormDefinition = pc1Definition(INFRASTRUCTURE, '2024');
export const pc1Production: FormDefinition = pc1Definition(PRODUCTION, '2024');
export const pc1Social: FormDefinition = pc1Definition(SOCIAL, '2024');
export const pc1Infrastructure2005: FormDefinition = pc1Definition(INFRASTRUCTURE, '2005');
export const pc1Production2005: FormDefinition = pc1Definition(PRODUCTION, '2005');
export const pc1Social2005: FormDefinition = pc1Definition(SOCIAL, '2005');

// --- PC-I for Revised Projects (2017) --------------------------------------------------------

/** A local/FEC table whose row-total rule id names its section too (two sections reuse table ids). */
function revisedLocalForeign(
  sectionId: string,
  id: string,
  ruleId: string,
  label: Localized,
  leading: FieldDefinition[],
  extras: Omit<FieldDefinition, 'id' | 'type' | 'label'>,
) {
  const t = localForeignTable({ section: sectionId, id }, label, leading, extras);
  return { field: t.field, rules: t.rules.map((r) => ({ ...r, id: ruleId })) };
}

const sourceColumn = () =>
  select('source', l('Source of financing', 'مالی وسائل کا ذریعہ'), { master: 'funding-sources' }, { required: true });

const originalCost = revisedLocalForeign(
  'capitalCost',
  'original',
  'cost-original-row-total',
  l('(i) Original (approved) cost (Rs million)', '(i) اصل (منظور شدہ) لاگت (ملین روپے)'),
  [itemColumn()],
  {
    required: true,
    locked: true,
    help: l('Item-wise, as in the approved PC-I.', 'مد وار، منظور شدہ پی سی ون کے مطابق۔'),
  },
);
const revisedCost = revisedLocalForeign(
  'capitalCost',
  'revised',
  'cost-revised-row-total',
  l('(ii) Revised (proposed) cost (Rs million)', '(ii) نظرِ ثانی شدہ (مجوزہ) لاگت (ملین روپے)'),
  [itemColumn()],
  {
    required: true,
    locked: true,
  },
);
const originalFinancing = revisedLocalForeign(
  'financing',
  'original',
  'financing-original-row-total',
  l('Original (approved) financing (Rs million)', 'اصل (منظور شدہ) مالی وسائل (ملین روپے)'),
  [sourceColumn()],
  {
    required: true,
    locked: true,
  },
);
const revisedFinancing = revisedLocalForeign(
  'financing',
  'revised',
  'financing-revised-row-total',
  l('Revised (proposed) financing (Rs million)', 'نظرِ ثانی شدہ (مجوزہ) مالی وسائل (ملین روپے)'),
  [sourceColumn()],
  {
    required: true,
    locked: true,
  },
);

const COST_CHANGE = {
  dec_pct_change: [ref('capitalCost.original.totals.total'), ref('capitalCost.revised.totals.total')],
};

/** The revised PC-I's newest base version (1.0.0 is frozen in ./released). */
export const pc1Revised: FormDefinition = {
  key: 'pc1-revised',
  version: '1.1.0',
  family: 'PC-I-revised',
  title: l(
    'PC-I: Proforma for preparation of projects (for revised projects)',
    'پی سی ون: منصوبوں کی تیاری کا پروفارما (نظرِ ثانی شدہ منصوبوں کے لیے)',
  ),
  source: {
    document:
      'PC-I Proforma for Preparation of Projects (For Revised Projects), ' +
      'Ministry of Planning, Development & Reform, 2017 format',
    urls: [
      'https://ar.scribd.com/document/408664774/Federal-Manual-for-Development-Projects',
      'https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/25',
      MANUAL_URL,
    ],
    notes:
      'Items 1–13 follow the 2017 revised-project proforma ' +
      '("revised project document would be part of original PC-I"). ' +
      'The link to the approved PC-I (parentDocumentId, version, ' +
      'forum and date of approval, revision number) is on the ' +
      'cover. Basis of revision is required when the revised ' +
      'cost exceeds the approved cost by more than 15 % (Manual ' +
      'ch.4 §4.12–4.13: the executing agency cannot change approved ' +
      'parameters beyond 15 %). [verify] The items after 13 ' +
      'were not retrieved: 14 (physical progress) and 15 (certificate with ' +
      'prepared/checked/approved by) are modelled on ' +
      'the PC-I and are not confirmed as printed. ' +
      'Financial phasing columns: year, approved PC-I, PSDP/ADP allocation, ' +
      'releases, expenditure (incurred / to be incurred), revised. ' +
      'Feasibility copy required at ≥ Rs 300 million, as for ' +
      'the PC-I. Since 1.1.0 the cover separates the ADP / PSDP ' +
      'serial number (digits) from the computer code and keeps ' +
      'the total cost printed on the cover (practice fields of P&D scrutiny, checked against the revised cost).',
  },
  sections: [
    section(
      'cover',
      '0',
      l('Cover page and approved PC-I', 'سرورق اور منظور شدہ پی سی ون'),
      [
        field(
          'parentDocumentId',
          'text',
          l('Approved PC-I being revised (document id)', 'زیرِ نظرِ ثانی منظور شدہ پی سی ون (دستاویز کی شناخت)'),
          {
            required: true,
            locked: true,
            constraints: {
              maxLength: 36,
              pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
            },
            help: l(
              'The approved PC-I this revision belongs to; the revised document is part of the original PC-I.',
              'وہ منظور شدہ پی سی ون جس کی یہ نظرِ ثانی ہے؛ نظرِ ثانی شدہ دستاویز اصل پی سی ون کا حصہ ہے۔',
            ),
          },
        ),
        shortText(
          'parentVersion',
          l(
            'Version of the approved PC-I (form version / revision)',
            'منظور شدہ پی سی ون کا ورژن (فارم ورژن / نظرِ ثانی)',
          ),
        ),
        select(
          'approvalForum',
          l('Forum that approved the PC-I', 'پی سی ون منظور کرنے والا فورم'),
          { master: 'approval-forums' },
          { required: true, locked: true },
        ),
        pcField('approvalDate', 'date', l('Date of approval of the PC-I', 'پی سی ون کی منظوری کی تاریخ')),
        pcField('revisionNumber', 'integer', l('Revision number', 'نظرِ ثانی نمبر'), {
          constraints: { minimum: 1, maximum: 20 },
          help: l('1 for the first revision, 2 for the second …', 'پہلی نظرِ ثانی کے لیے 1، دوسری کے لیے 2 …'),
        }),
        shortText(
          'projectCode',
          l(
            'Project code (allocated by the Planning Commission / P&D)',
            'منصوبے کا کوڈ (پلاننگ کمیشن / محکمہ منصوبہ بندی و ترقیات کی جانب سے)',
          ),
        ),
        select('sector', l('Sector', 'شعبہ'), { master: 'sectors' }, { required: true, locked: true }),
        select('subSector', l('Sub-sector', 'ذیلی شعبہ'), { master: 'sub-sectors' }),
        pcField(
          'preparationDate',
          'date',
          l('Date of preparation of the revised PC-I', 'نظرِ ثانی شدہ پی سی ون کی تاریخِ تیاری'),
        ),
        ...adpIdentityFields(),
        field('adpYear', 'fiscalYear', l('ADP / PSDP year', 'اے ڈی پی / پی ایس ڈی پی کا سال')),
        select(
          'sponsoringDepartment',
          l('Sponsoring department', 'سرپرست محکمہ'),
          { master: 'departments' },
          { required: true, locked: true },
        ),
      ],
      l(
        'Government of Pakistan, Planning Commission: PC-I (revised projects). ' +
          'The revised project document is part of the original PC-I.',
        'حکومتِ پاکستان، پلاننگ کمیشن: پی سی ون (نظرِ ثانی شدہ منصوبے)۔ نظرِ ثانی شدہ دستاویز اصل پی سی ون کا حصہ ہے۔',
      ),
    ),
    section('name', '1', l('Project title', 'منصوبے کا عنوان'), [
      pcField('title', 'text', l('Project title', 'منصوبے کا عنوان'), { constraints: { maxLength: 300 } }),
      shortText(
        'originalTitle',
        l('Title in the approved PC-I (if changed)', 'منظور شدہ پی سی ون میں عنوان (اگر تبدیل ہوا ہو)'),
      ),
    ]),
    section(
      'location',
      '2',
      l('Location', 'محلِ وقوع'),
      [
        select('province', l('Province / region', 'صوبہ / علاقہ'), PROVINCES, {
          required: true,
          locked: true,
          fixedOptions: true,
        }),
        ...locationFields(),
      ],
      l(
        'Tehsil/taluka, city, district and province; attach a map clearly ' +
          'showing the project location and give GPS coordinates.',
        'تحصیل، شہر، ضلع اور صوبہ؛ منصوبے کے مقام کی واضح نشاندہی والا نقشہ منسلک کریں اور جی پی ایس کوآرڈینیٹس دیں۔',
      ),
    ),
    section('authorities', '3', l('Authorities responsible for', 'ذمہ دار ادارے'), authorityFields()),
    section('objectives', '4', l('Project objectives', 'منصوبے کے مقاصد'), [
      field('objectives', 'table', l('Objectives (precise, in bullet form)', 'مقاصد (جامع، نکات کی صورت میں)'), {
        required: true,
        locked: true,
        constraints: { minItems: 1, maxItems: 20 },
        columns: [
          field('objective', 'text', l('Objective', 'مقصد'), { required: true, constraints: { maxLength: 300 } }),
        ],
      }),
      pcField(
        'objectivesChanged',
        'boolean',
        l('Have the objectives changed from the approved PC-I?', 'کیا مقاصد منظور شدہ پی سی ون سے تبدیل ہوئے ہیں؟'),
      ),
      longText('objectivesChange', l('Changes in objectives and reasons', 'مقاصد میں تبدیلیاں اور وجوہات')),
    ]),
    section(
      'description',
      '5',
      l(
        'Description, justification and technical parameters of the project',
        'منصوبے کی تفصیل، جواز اور تکنیکی پیمانے',
      ),
      [
        longText(
          'description',
          l('Description, justification and technical parameters', 'تفصیل، جواز اور تکنیکی پیمانے'),
          { required: true, locked: true },
        ),
        longText(
          'scopeChanges',
          l(
            'Changes in scope compared with the approved PC-I',
            'منظور شدہ پی سی ون کے مقابلے میں دائرۂ کار میں تبدیلیاں',
          ),
        ),
      ],
    ),
    section('implementationPeriod', '6', l('Implementation period', 'مدتِ عمل درآمد'), [
      pcField('durationMonths', 'integer', l('Implementation period (months)', 'مدتِ عمل درآمد (مہینے)'), {
        constraints: { minimum: 1, maximum: 240 },
      }),
      pcField('commencementDate', 'date', l('(i) Planned commencement date', '(i) آغاز کی منصوبہ بند تاریخ')),
      pcField('completionDate', 'date', l('(ii) Planned completion date', '(ii) تکمیل کی منصوبہ بند تاریخ')),
    ]),
    section(
      'feasibility',
      '7',
      l('Status of feasibility study', 'فزیبلٹی اسٹڈی کی صورتِ حال'),
      [
        select(
          'conductedBy',
          l('(i) Feasibility study conducted', '(i) فزیبلٹی اسٹڈی کس نے کی'),
          [
            opt('in-house', 'In house', 'ادارے نے خود'),
            opt('outsourced', 'Outsourced', 'بیرونی ماہرین سے'),
            opt('not-conducted', 'Not conducted', 'نہیں کی گئی'),
          ],
          { required: true, locked: true },
        ),
        shortText('consultant', l('Consultant (if outsourced)', 'مشیر (اگر بیرونی ماہرین سے کروائی گئی)')),
        longText(
          'conclusions',
          l('(ii) Conclusions / recommendations of the feasibility study', '(ii) فزیبلٹی اسٹڈی کے نتائج / سفارشات'),
        ),
        field('studyCopy', 'attachment', l('Copy of the feasibility study', 'فزیبلٹی اسٹڈی کی نقل')),
      ],
      l('Please attach a copy of the feasibility study.', 'براہِ کرم فزیبلٹی اسٹڈی کی نقل منسلک کریں۔'),
    ),
    section('capitalCost', '8', l('Cost estimates', 'لاگت کے تخمینے'), [
      originalCost.field,
      revisedCost.field,
      field('changePct', 'decimal', l('Change in cost (%)', 'لاگت میں تبدیلی (فیصد)'), {
        constraints: { allowNegative: true, scale: 2 },
      }),
      pcField('estimateDate', 'date', l('Date of the revised estimate', 'نظرِ ثانی شدہ تخمینے کی تاریخ')),
      longText(
        'basisOfRevision',
        l(
          '(iii) Basis of revised cost estimates and reasons for revision',
          '(iii) نظرِ ثانی شدہ تخمینوں کی بنیاد اور نظرِ ثانی کی وجوہات',
        ),
        {
          help: l(
            'Required when the revised cost exceeds the approved cost by more than 15 %.',
            'اگر نظرِ ثانی شدہ لاگت منظور شدہ لاگت سے 15 فیصد سے زیادہ ہو تو لازمی۔',
          ),
        },
      ),
    ]),
    section('unitCost', '9', l('Unit cost', 'فی اکائی لاگت'), [
      pcField('unit', 'text', l('Unit of output', 'حاصل کی اکائی'), { constraints: { maxLength: 300 } }),
      pcField('original', 'money', l('(i) Original unit cost (Rs million)', '(i) اصل فی اکائی لاگت (ملین روپے)')),
      pcField('originalYear', 'fiscalYear', l('(i) Year of the original unit cost', '(i) اصل فی اکائی لاگت کا سال')),
      pcField(
        'revised',
        'money',
        l('(ii) Revised unit cost (Rs million)', '(ii) نظرِ ثانی شدہ فی اکائی لاگت (ملین روپے)'),
      ),
      pcField(
        'revisedYear',
        'fiscalYear',
        l('(ii) Year of the revised unit cost', '(ii) نظرِ ثانی شدہ فی اکائی لاگت کا سال'),
      ),
    ]),
    section(
      'comparison',
      '10',
      l(
        'Comparison of unit cost with similar projects in the sector',
        'شعبے کے اسی نوعیت کے منصوبوں سے فی اکائی لاگت کا موازنہ',
      ),
      [
        field('similarProjects', 'table', l('Similar projects', 'اسی نوعیت کے منصوبے'), {
          constraints: { maxItems: 20 },
          columns: [
            field('project', 'text', l('Project', 'منصوبہ'), { required: true, constraints: { maxLength: 300 } }),
            field('year', 'fiscalYear', l('Year', 'سال')),
            money('unitCost', l('Unit cost (Rs million)', 'فی اکائی لاگت (ملین روپے)'), { required: true }),
            field('remarks', 'text', l('Remarks', 'کیفیت'), { constraints: { maxLength: 300 } }),
          ],
        }),
        longText('justification', l('Reasons / justification for variation', 'فرق کی وجوہات / جواز'), {
          required: true,
          locked: true,
        }),
      ],
    ),
    section('financing', '11', l('Source of financing', 'مالی وسائل کا ذریعہ'), [
      pcField('changed', 'boolean', l('Has the source of financing changed?', 'کیا مالی وسائل کا ذریعہ تبدیل ہوا ہے؟')),
      originalFinancing.field,
      revisedFinancing.field,
      field('exchangeRate', 'decimal', l('Exchange rate (Rs per US$)', 'شرحِ مبادلہ (روپے فی امریکی ڈالر)'), {
        constraints: { minimum: '1', scale: 4 },
      }),
    ]),
    section('period', '12', l('Implementation period (months)', 'مدتِ عمل درآمد (مہینے)'), [
      pcField('originalMonths', 'integer', l('(i) Original (approved)', '(i) اصل (منظور شدہ)'), {
        constraints: { minimum: 1, maximum: 240 },
      }),
      pcField('revisedMonths', 'integer', l('(ii) Revised (proposed)', '(ii) نظرِ ثانی شدہ (مجوزہ)'), {
        constraints: { minimum: 1, maximum: 240 },
      }),
      field(
        'originalCompletion',
        'date',
        l('Completion date in the approved PC-I', 'منظور شدہ پی سی ون میں تکمیل کی تاریخ'),
      ),
      longText('extensionReasons', l('Reasons for extension of the period', 'مدت میں توسیع کی وجوہات')),
    ]),
    section(
      'phasing',
      '13',
      l('Financial phasing (expenditure incurred / to be incurred)', 'مالی مرحلہ بندی (خرچ شدہ / متوقع اخراجات)'),
      [
        field('schedule', 'table', l('Financial phasing (Rs million)', 'مالی مرحلہ بندی (ملین روپے)'), {
          required: true,
          locked: true,
          constraints: { minItems: 1, maxItems: 40 },
          help: l(
            'The approved PC-I column adds up to the original cost and the revised column to the revised cost.',
            'منظور شدہ پی سی ون کالم کا میزان اصل لاگت اور نظرِ ثانی شدہ کالم کا میزان نظرِ ثانی شدہ لاگت کے برابر ہو۔',
          ),
          columns: [
            fiscalYearColumn(),
            money('approvedPc1', l('Approved PC-I', 'منظور شدہ پی سی ون')),
            money('allocation', l('PSDP / ADP allocation', 'پی ایس ڈی پی / اے ڈی پی میں مختص رقم')),
            money('releases', l('Releases', 'اجراء')),
            money('expenditure', l('Expenditure incurred / to be incurred', 'خرچ شدہ / متوقع اخراجات'), {
              help: l(
                'Actual expenditure for past years; expected expenditure for the current and future years.',
                'گزشتہ برسوں کے اصل اخراجات؛ رواں اور آئندہ برسوں کے متوقع اخراجات۔',
              ),
            }),
            money('revised', l('Revised', 'نظرِ ثانی شدہ'), { required: true }),
          ],
          totals: ['approvedPc1', 'allocation', 'releases', 'expenditure', 'revised'],
        }),
      ],
    ),
    section('progress', '14', l('Physical progress to date', 'اب تک کی طبعی پیش رفت'), [
      field('items', 'table', l('Item-wise physical progress', 'مد وار طبعی پیش رفت'), {
        constraints: { maxItems: ROW_LIMIT },
        columns: [
          itemColumn(),
          field('unit', 'text', l('Unit', 'اکائی'), { constraints: { maxLength: 50 } }),
          field('approvedScope', 'decimal', l('Scope in the approved PC-I', 'منظور شدہ پی سی ون میں مقدار')),
          field('revisedScope', 'decimal', l('Revised scope', 'نظرِ ثانی شدہ مقدار')),
          field('achieved', 'decimal', l('Achieved to date', 'اب تک حاصل شدہ')),
        ],
      }),
      field('physicalProgressPct', 'decimal', l('Overall physical progress (%)', 'مجموعی طبعی پیش رفت (فیصد)'), {
        constraints: { maximum: '100', scale: 2 },
      }),
    ]),
    certificateSection(
      l(
        'Certified that the revised project proposal has been prepared on the basis of instructions ' +
          'provided by the Planning Commission for the preparation of PC-I for revised projects.',
        'تصدیق کی جاتی ہے کہ منصوبے کی یہ نظرِ ثانی شدہ تجویز نظرِ ثانی شدہ منصوبوں کا پی سی ' +
          'ون تیار کرنے کے لیے پلاننگ کمیشن کی جاری کردہ ہدایات کی بنیاد پر تیار کی گئی ہے۔',
      ),
    ),
  ],
  rules: [
    ...originalCost.rules,
    ...revisedCost.rules,
    ...originalFinancing.rules,
    ...revisedFinancing.rules,
    {
      id: 'cost-change-pct',
      kind: 'calculate',
      target: 'capitalCost.changePct',
      value: COST_CHANGE,
      description: 'Percentage change from the original (approved) to the revised (proposed) total cost',
    },
    {
      id: 'basis-of-revision-required',
      kind: 'require',
      target: 'capitalCost.basisOfRevision',
      when: { dec_gt: [COST_CHANGE, '15'] },
      description: 'Manual ch.4 §4.12: a cost increase beyond the 15 % permissible limit needs the basis of revision',
    },
    {
      id: 'feasibility-copy-required',
      kind: 'require',
      target: 'feasibility.studyCopy',
      when: {
        and: [
          { dec_gte: [ref('capitalCost.revised.totals.total'), '300'] },
          { '!=': [ref('feasibility.conductedBy'), 'not-conducted'] },
        ],
      },
      description: 'Attach the feasibility study for projects costing Rs 300 million and above',
    },
    {
      id: 'feasibility-conclusions-required',
      kind: 'require',
      target: 'feasibility.conclusions',
      when: { in: [ref('feasibility.conductedBy'), ['in-house', 'outsourced']] },
    },
    {
      id: 'consultant-visible',
      kind: 'visible',
      target: 'feasibility.consultant',
      when: { '==': [ref('feasibility.conductedBy'), 'outsourced'] },
    },
    {
      id: 'objectives-change-visible',
      kind: 'visible',
      target: 'objectives.objectivesChange',
      when: isTrue('objectives.objectivesChanged'),
    },
    {
      id: 'objectives-change-required',
      kind: 'require',
      target: 'objectives.objectivesChange',
      when: isTrue('objectives.objectivesChanged'),
    },
    {
      id: 'exchange-rate-required',
      kind: 'require',
      target: 'financing.exchangeRate',
      when: { dec_gt: [ref('capitalCost.revised.totals.fec'), '0'] },
      description: 'The exchange rate is required when the revised cost has a foreign-exchange component',
    },
    {
      id: 'extension-reasons-required',
      kind: 'require',
      target: 'period.extensionReasons',
      when: { '>': [ref('period.revisedMonths'), ref('period.originalMonths')] },
      description: 'An extended implementation period must be explained',
    },
  ],
  checks: [
    {
      id: 'revised-financing-equals-revised-cost',
      op: 'eq',
      left: ref('financing.revised.totals.total'),
      right: ref('capitalCost.revised.totals.total'),
      pointer: '/financing/revised/totals/total',
      message: l(
        'The revised financing must add up to the revised cost',
        'نظرِ ثانی شدہ مالی وسائل کا میزان نظرِ ثانی شدہ لاگت کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'original-financing-equals-original-cost',
      op: 'eq',
      left: ref('financing.original.totals.total'),
      right: ref('capitalCost.original.totals.total'),
      pointer: '/financing/original/totals/total',
      message: l(
        'The original financing must add up to the original (approved) cost',
        'اصل مالی وسائل کا میزان اصل (منظور شدہ) لاگت کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'phasing-equals-revised-cost',
      op: 'eq',
      left: ref('phasing.schedule.totals.revised'),
      right: ref('capitalCost.revised.totals.total'),
      pointer: '/phasing/schedule/totals/revised',
      message: l(
        'The revised phasing must add up to the revised cost',
        'نظرِ ثانی شدہ مرحلہ بندی کا میزان نظرِ ثانی شدہ لاگت کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'phasing-equals-original-cost',
      op: 'eq',
      left: ref('phasing.schedule.totals.approvedPc1'),
      right: ref('capitalCost.original.totals.total'),
      pointer: '/phasing/schedule/totals/approvedPc1',
      message: l(
        'The approved PC-I phasing must add up to the original (approved) cost',
        'منظور شدہ پی سی ون کی مرحلہ بندی کا میزان اصل (منظور شدہ) لاگت کے برابر ہونا چاہیے',
      ),
    },
    {
      id: 'certificate-confirmed',
      op: 'eq',
      left: { if: [ref('certificate.confirmed'), 1, 0] },
      right: 1,
      when: { '!=': [ref('certificate.confirmed'), null] },
      pointer: '/certificate/confirmed',
      message: l(
        'The certificate must be confirmed before submission',
        'جمع کرانے سے پہلے تصدیق نامے کی توثیق ضروری ہے',
      ),
    },
    ...revisedScrutinyChecks(),
  ],
};
