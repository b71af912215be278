import { FieldDefinition, FieldType, Localized, Options, RuleDefinition, SectionDefinition } from '../definition';

/*
 * Building blocks shared by the base catalogue's definitions. They return plain data; the
 * definitions stay declarative (the catalogue spec checks every one against the definition
 * meta-schema).
 */

export const l = (en: string, ur: string): Localized => ({ en, ur });

/** "capitalCost" → "capital-cost", for rule ids (which are kebab-case). */
export const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

type FieldExtras = Omit<FieldDefinition, 'id' | 'type' | 'label'>;

export function field(id: string, type: FieldType, label: Localized, extras: FieldExtras = {}): FieldDefinition {
  return { id, type, label, ...extras };
}

/** A required field the Planning Commission's proforma asks for (locked against overlays). */
export function pcField(id: string, type: FieldType, label: Localized, extras: FieldExtras = {}): FieldDefinition {
  return field(id, type, label, { required: true, locked: true, ...extras });
}

export const shortText = (id: string, label: Localized, extras: FieldExtras = {}) =>
  field(id, 'text', label, { constraints: { maxLength: 300 }, ...extras });

export const longText = (id: string, label: Localized, extras: FieldExtras = {}) =>
  field(id, 'textarea', label, { constraints: { maxLength: 20000 }, ...extras });

export const money = (id: string, label: Localized, extras: FieldExtras = {}) => field(id, 'money', label, extras);

export const select = (id: string, label: Localized, options: Options, extras: FieldExtras = {}) =>
  field(id, 'select', label, { options, ...extras });

export const ROW_LIMIT = 500;

/** ADP / PSDP serial number: the project's serial in the year's ADP book (KP prints e.g. "957"). */
export const ADP_SERIAL_PATTERN = '^[0-9]{1,5}$';
/**
 * Computer code (scheme id) of the scheme in the ADP: KP prints six digits ("ADP No. 957/190571"),
 * Punjab a hyphenated scheme id ("33-1407143-010"); a province tightens it with an overlay.
 */
export const COMPUTER_CODE_PATTERN = '^[0-9]{2,12}(-[0-9]{1,12}){0,3}$';

/**
 * A cost table with local and foreign-exchange components: each row's total is local + FEC
 * (calculated, so a row whose total disagrees is an error naming it), and the totals row sums
 * local, FEC and total. `leading` are the columns before the money, e.g. item and year.
 */
export function localForeignTable(
  path: { section: string; id: string },
  label: Localized,
  leading: FieldDefinition[],
  extras: FieldExtras = {},
): { field: FieldDefinition; rules: RuleDefinition[] } {
  const table = field(path.id, 'table', label, {
    columns: [
      ...leading,
      money('local', l('Local (Rs million)', 'مقامی (ملین روپے)'), { required: true }),
      money('fec', l('Foreign exchange (Rs million)', 'زرِ مبادلہ (ملین روپے)'), { required: true }),
      money('total', l('Total (Rs million)', 'کل (ملین روپے)')),
    ],
    totals: ['local', 'fec', 'total'],
    constraints: { minItems: 1, maxItems: ROW_LIMIT },
    ...extras,
  });
  const rules: RuleDefinition[] = [
    {
      id: `${kebab(path.id)}-row-total`,
      kind: 'calculate',
      target: `${path.section}.${path.id}.rows.*.total`,
      value: { dec_add: [{ var: 'row.local' }, { var: 'row.fec' }] },
      description: 'Local + foreign exchange = total, for every row',
    },
  ];
  return { field: table, rules };
}

export const fiscalYearColumn = () => field('year', 'fiscalYear', l('Financial year', 'مالی سال'), { required: true });

export const itemColumn = (label = l('Item / component', 'مد / جزو')) =>
  field('item', 'text', label, { required: true, constraints: { maxLength: 300 } });

export function section(
  id: string,
  number: string,
  label: Localized,
  fields: FieldDefinition[],
  help?: Localized,
): SectionDefinition {
  return help ? { id, number, label, help, fields } : { id, number, label, fields };
}

/** Who prepared, checked and approved the document (name, designation, phone, date). */
export function signatory(id: string, label: Localized, required = true): FieldDefinition {
  return field(id, 'table', label, {
    required,
    locked: required,
    constraints: { minItems: 1, maxItems: 1 },
    columns: [
      field('name', 'text', l('Name', 'نام'), { required: true, constraints: { maxLength: 200 } }),
      field('designation', 'text', l('Designation', 'عہدہ'), { required: true, constraints: { maxLength: 200 } }),
      field('phone', 'text', l('Phone', 'فون'), { constraints: { maxLength: 20, pattern: '^\\+?[0-9 -]{7,20}$' } }),
      field('date', 'date', l('Date', 'تاریخ')),
    ],
  });
}

export const LOCATION_SCOPES: Options = [
  { value: 'district', label: l('One district', 'ایک ضلع') },
  { value: 'multi-district', label: l('Several districts', 'کئی اضلاع') },
  { value: 'province-wide', label: l('Province-wide', 'صوبہ بھر') },
];

/**
 * The location scope of a project ('district', 'multi-district', 'province-wide') and the rule that
 * districts are named unless it is province-wide (a province-wide scheme names none).
 */
export function locationScope(sectionId: string): { field: FieldDefinition; rules: RuleDefinition[] } {
  return {
    field: select('scope', l('Extent of the project', 'منصوبے کا دائرہ'), LOCATION_SCOPES, {
      required: true,
      locked: true,
      fixedOptions: true,
      widget: 'radio',
    }),
    rules: [
      {
        id: 'districts-required',
        kind: 'require',
        target: `${sectionId}.districts`,
        when: { '!=': [{ var: `${sectionId}.scope` }, 'province-wide'] },
        description: 'A district or multi-district project names its districts; a province-wide one need not',
      },
    ],
  };
}

/**
 * Province, districts and tehsils from the province's own master data, and GPS coordinates.
 * `scoped`: the districts are required through locationScope's rule (unless province-wide)
 * instead of always.
 */
export function locationFields(options: { scoped?: boolean } = {}): FieldDefinition[] {
  // Locked either way: an overlay may not hide the districts, even where a province-wide scheme names none.
  const districts = options.scoped
    ? { locked: true, constraints: { maxItems: 50 } }
    : { required: true, locked: true, constraints: { minItems: 1, maxItems: 50 } };
  return [
    field('districts', 'multiselect', l('District(s)', 'ضلع / اضلاع'), {
      options: { master: 'districts' },
      ...districts,
    }),
    field('tehsils', 'multiselect', l('Tehsil(s)', 'تحصیل / تحصیلیں'), {
      options: { master: 'tehsils' },
      constraints: { maxItems: 200 },
    }),
    shortText('city', l('City / village', 'شہر / گاؤں')),
    field('map', 'attachment', l('Location map', 'محلِ وقوع کا نقشہ')),
    field('latitude', 'decimal', l('Latitude (GPS)', 'عرض بلد (جی پی ایس)'), {
      constraints: { minimum: '23', maximum: '38', scale: 6, allowNegative: false },
    }),
    field('longitude', 'decimal', l('Longitude (GPS)', 'طول بلد (جی پی ایس)'), {
      constraints: { minimum: '60', maximum: '78', scale: 6, allowNegative: false },
    }),
  ];
}

/** Sponsoring, executing and O&M agencies (item 3 of the PC-I and its relatives). */
export function authorityFields(): FieldDefinition[] {
  return [
    pcField('sponsoring', 'text', l('Sponsoring agency', 'سرپرست ادارہ'), { constraints: { maxLength: 300 } }),
    pcField('executing', 'text', l('Executing agency', 'عمل درآمد کرنے والا ادارہ'), {
      constraints: { maxLength: 300 },
    }),
    shortText(
      'operationAndMaintenance',
      l('Agency responsible for operation & maintenance', 'آپریشن و دیکھ بھال کا ذمہ دار ادارہ'),
    ),
    shortText(
      'federalMinistry',
      l('Concerned federal ministry (provincial projects)', 'متعلقہ وفاقی وزارت (صوبائی منصوبے)'),
    ),
  ];
}

/**
 * Item 1 of PC-II … PC-V: the project's (or study's) name, ADP/PSDP number and sponsoring
 * department; a report on an approved project (PC-III, IV, V) also names the approved PC-I it
 * reports on (`projectDocumentId`, filled by the platform, so optional in the schema).
 */
export function projectIdentityFields(
  options: { titleLabel?: Localized; adpRequired?: boolean; reportsOnPcI?: boolean } = {},
): FieldDefinition[] {
  const adp = options.adpRequired === false ? {} : { required: true, locked: true };
  const fields = [
    pcField('title', 'text', options.titleLabel ?? l('Name of the project', 'منصوبے کا نام'), {
      constraints: { maxLength: 300 },
    }),
    field('adpNumber', 'text', l('ADP / PSDP number', 'اے ڈی پی / پی ایس ڈی پی نمبر'), {
      ...adp,
      constraints: { maxLength: 300 },
    }),
    select(
      'department',
      l('Sponsoring department', 'سرپرست محکمہ'),
      { master: 'departments' },
      { required: true, locked: true },
    ),
  ];
  if (options.reportsOnPcI) {
    fields.push(
      field(
        'projectDocumentId',
        'text',
        l('Approved PC-I reported on', 'وہ منظور شدہ پی سی ون جس پر رپورٹ دی جا رہی ہے'),
        {
          constraints: { maxLength: 300 },
          help: l(
            'Filled by the system from the approved PC-I of this project.',
            'یہ خانہ نظام اس منصوبے کے منظور شدہ پی سی ون سے خود پُر کرتا ہے۔',
          ),
        },
      ),
    );
  }
  return fields;
}

/**
 * A "planned (approved PC-I) vs actual" table: `planned` and `actual` per row and a calculated
 * `variance` = actual − planned (may be negative). Money tables sum all three in the totals row.
 */
export function plannedActualTable(
  path: { section: string; id: string },
  label: Localized,
  leading: FieldDefinition[],
  options: { type?: 'money' | 'decimal'; scale?: number; totals?: boolean } = {},
  extras: FieldExtras = {},
): { field: FieldDefinition; rules: RuleDefinition[] } {
  const type = options.type ?? 'money';
  const unit = type === 'money' ? l(' (Rs million)', ' (ملین روپے)') : l('', '');
  const numeric = options.scale === undefined ? {} : { constraints: { scale: options.scale } };
  const ruleId = kebab(path.id);
  const table = field(path.id, 'table', label, {
    columns: [
      ...leading,
      field('planned', type, l(`Planned (approved PC-I)${unit.en}`, `منصوبہ بند (منظور شدہ پی سی ون)${unit.ur}`), {
        required: true,
        ...numeric,
      }),
      field('actual', type, l(`Actual${unit.en}`, `اصل${unit.ur}`), { required: true, ...numeric }),
      field('variance', type, l(`Variance (actual − planned)${unit.en}`, `فرق (اصل − منصوبہ بند)${unit.ur}`), {
        constraints: { ...numeric.constraints, allowNegative: true },
      }),
    ],
    ...(options.totals === false ? {} : { totals: ['planned', 'actual', 'variance'] }),
    constraints: { minItems: 1, maxItems: ROW_LIMIT },
    ...extras,
  });
  const rules: RuleDefinition[] = [
    {
      id: `${ruleId}-variance`,
      kind: 'calculate',
      target: `${path.section}.${path.id}.rows.*.variance`,
      value: { dec_sub: [{ var: 'row.actual' }, { var: 'row.planned' }] },
      description: 'Variance = actual − planned, for every row',
    },
  ];
  return { field: table, rules };
}
