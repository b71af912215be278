import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { DECIMAL_SCALE, MONEY_SCALE, decimalPattern } from './decimal';
import { FieldDefinition, FormDefinition, Localized, MasterList, OptionItem, SectionDefinition } from './definition';
import { allFields } from './fields';
import { createFormAjv } from './form-ajv';
import { applyOverlay, locate, Overlay, OverlayConflict } from './overlay';
import { MAX_REASON_LENGTH, narrativeFields, NOT_APPLICABLE } from './placeholders';

// Moved to fields.ts (browser-safe); re-exported so server imports keep working.
export { allFields };

/** The province's master-data lists at compile time, frozen into the version. */
export type MasterSnapshot = Partial<Record<MasterList, OptionItem[]>>;

export interface UiField {
  id: string;
  pointer: string;
  type: FieldDefinition['type'];
  label: Localized;
  help?: Localized;
  widget?: string;
  required: boolean;
  locked: boolean;
  hidden: boolean;
  /** Computed by the server (a calculate rule or a totals row). */
  readOnly: boolean;
  options?: OptionItem[];
  default?: unknown;
  addedBy?: 'overlay';
  columns?: UiField[];
  totals?: string[];
}

export interface UiSection {
  id: string;
  number: string;
  pointer: string;
  label: Localized;
  help?: Localized;
  addedBy?: 'overlay';
  fields: UiField[];
}

/**
 * Everything a form version is: stored as is, hashed, and never changed after publishing. The
 * UI schema is not stored: it is presentation, derived from the definition on read (formUi),
 * which halves what a province stores per version.
 */
export interface CompiledForm {
  key: string;
  baseVersion: string;
  title: Localized;
  definition: FormDefinition;
  schema: Record<string, unknown>;
}

export interface CompileResult {
  compiled: CompiledForm;
  contentHash: string;
  conflicts: OverlayConflict[];
  /** Not errors: e.g. an empty master list, which leaves its fields as free text. */
  warnings: string[];
}

const FISCAL_YEAR_PATTERN = '^(19|20)[0-9]{2}-[0-9]{2}$';
const FREE_TEXT_CODE = { type: 'string', maxLength: 200 };

/** Targets computed by the server, as "section.field" or "section.table.rows.*.column". */
export function calculatedTargets(def: FormDefinition): Set<string> {
  return new Set(def.rules.filter((r) => r.kind === 'calculate').map((r) => r.target));
}

function scaleOf(f: FieldDefinition): number {
  return f.constraints?.scale ?? (f.type === 'money' ? MONEY_SCALE : DECIMAL_SCALE);
}

function choice(options: OptionItem[]): Record<string, unknown> {
  return options.length ? { type: 'string', enum: options.map((o) => o.value) } : FREE_TEXT_CODE;
}

/** The JSON Schema of one field's value. */
export function fieldSchema(f: FieldDefinition, calculated: Set<string>, address: string): Record<string, unknown> {
  const c = f.constraints ?? {};
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  switch (f.type) {
    case 'text':
    case 'textarea':
      return {
        type: 'string',
        ...optional('minLength', f.required ? Math.max(1, c.minLength ?? 0) : c.minLength),
        ...optional('maxLength', c.maxLength),
        ...optional('pattern', c.pattern),
        ...optional('format', c.format),
      };
    case 'integer':
      return {
        type: 'integer',
        ...optional('minimum', c.minimum === undefined ? (c.allowNegative ? undefined : 0) : Number(c.minimum)),
        ...optional('maximum', c.maximum === undefined ? undefined : Number(c.maximum)),
      };
    case 'decimal':
    case 'money':
      return {
        type: 'string',
        pattern: decimalPattern(scaleOf(f), c.allowNegative === true),
        ...optional('decimalMinimum', c.minimum === undefined ? undefined : String(c.minimum)),
        ...optional('decimalMaximum', c.maximum === undefined ? undefined : String(c.maximum)),
      };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'fiscalYear':
      return { type: 'string', pattern: FISCAL_YEAR_PATTERN };
    case 'boolean':
      return { type: 'boolean' };
    case 'attachment':
      return { type: 'string', format: 'uuid' };
    case 'select':
      return choice(f.options as OptionItem[]);
    case 'multiselect':
      return {
        type: 'array',
        uniqueItems: true,
        items: choice(f.options as OptionItem[]),
        ...optional('minItems', f.required ? Math.max(1, c.minItems ?? 0) : c.minItems),
        ...optional('maxItems', c.maxItems),
      };
    case 'table': {
      const columns = f.columns ?? [];
      const rowAddress = `${address}.rows.*`;
      const columnSchemas = Object.fromEntries(
        columns.map((col) => [col.id, fieldSchema(col, calculated, `${rowAddress}.${col.id}`)]),
      );
      const requiredColumns = columns
        .filter((col) => col.required && !calculated.has(`${rowAddress}.${col.id}`))
        .map((col) => col.id);
      // A column's stated bounds are per row; its total is a sum and is bounded only by its format.
      const totals = Object.fromEntries(
        (f.totals ?? []).map((id) => {
          const { minimum, maximum, decimalMinimum, decimalMaximum, ...format } = columnSchemas[id] as Record<
            string,
            unknown
          >;
          return [id, format];
        }),
      );
      return {
        type: 'object',
        additionalProperties: false,
        required: ['rows'],
        properties: {
          rows: {
            type: 'array',
            ...optional('minItems', f.required ? Math.max(1, c.minItems ?? 0) : c.minItems),
            ...optional('maxItems', c.maxItems),
            items: {
              type: 'object',
              additionalProperties: false,
              properties: columnSchemas,
              ...(requiredColumns.length ? { required: requiredColumns } : {}),
            },
          },
          totals: { type: 'object', additionalProperties: false, properties: totals },
        },
      };
    }
  }
}

function sectionSchema(section: SectionDefinition, calculated: Set<string>): Record<string, unknown> {
  const required = section.fields
    .filter((f) => f.required && !calculated.has(`${section.id}.${f.id}`))
    .map((f) => f.id);
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      section.fields.map((f) => [f.id, fieldSchema(f, calculated, `${section.id}.${f.id}`)]),
    ),
    ...(required.length ? { required } : {}),
  };
}

/**
 * The reserved `notApplicable` object: "section.field" of a narrative item → the reason it does not
 * apply (which lets a placeholder stand there; see placeholders.ts). Any other address is refused.
 */
function notApplicableSchema(def: FormDefinition): Record<string, unknown> {
  const reason = { type: 'string', maxLength: MAX_REASON_LENGTH };
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(narrativeFields(def).map((n) => [n.address, reason])),
  };
}

/** The data schema: one object per section, and the reserved `notApplicable`; unknown keys anywhere are refused. */
export function formSchema(def: FormDefinition): Record<string, unknown> {
  const calculated = calculatedTargets(def);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: def.title.en,
    type: 'object',
    additionalProperties: false,
    properties: {
      ...Object.fromEntries(def.sections.map((s) => [s.id, sectionSchema(s, calculated)])),
      [NOT_APPLICABLE]: notApplicableSchema(def),
    },
  };
}

function uiField(f: FieldDefinition, pointer: string, address: string, calculated: Set<string>): UiField {
  const out: UiField = {
    id: f.id,
    pointer,
    type: f.type,
    label: f.label,
    required: f.required === true,
    locked: f.locked === true,
    hidden: f.hidden === true,
    readOnly: calculated.has(address),
  };
  if (f.help) out.help = f.help;
  if (f.widget) out.widget = f.widget;
  if (Array.isArray(f.options)) out.options = f.options;
  if (f.default !== undefined) out.default = f.default;
  if (f.addedBy) out.addedBy = f.addedBy;
  if (f.columns)
    out.columns = f.columns.map((c) =>
      uiField(c, `${pointer}/rows/-/${c.id}`, `${address}.rows.*.${c.id}`, calculated),
    );
  if (f.totals) out.totals = f.totals;
  return out;
}

/** Numbered sections and fields in proforma order, with pointers into the data. */
export function formUi(def: FormDefinition): { sections: UiSection[] } {
  const calculated = calculatedTargets(def);
  return {
    sections: def.sections.map((s) => ({
      id: s.id,
      number: s.number,
      pointer: `/${s.id}`,
      label: s.label,
      ...(s.help ? { help: s.help } : {}),
      ...(s.addedBy ? { addedBy: s.addedBy } : {}),
      fields: s.fields.map((f) => uiField(f, `/${s.id}/${f.id}`, `${s.id}.${f.id}`, calculated)),
    })),
  };
}

/** Replaces `{ master: list }` with the province's current values of that list. */
function resolveOptions(def: FormDefinition, master: MasterSnapshot, warnings: string[]): void {
  for (const { address, field } of allFields(def)) {
    const options = field.options;
    if (!options || Array.isArray(options)) continue;
    const values = master[options.master] ?? [];
    if (!values.length)
      warnings.push(
        `${address}: the province's "${options.master}" list is empty, ` +
          `so the field accepts free text until it is filled and the form republished`,
      );
    field.options = values;
  }
}

/** A default set by the overlay must itself be valid data for its field (after options resolve). */
function invalidDefaults(def: FormDefinition, overlay: Overlay): OverlayConflict[] {
  const ajv = createFormAjv();
  const conflicts: OverlayConflict[] = [];
  overlay.operations.forEach((operation, index) => {
    if (operation.op !== 'setDefault') return;
    const at = locate(def, operation.target);
    const field = typeof at === 'string' ? undefined : (at.column ?? at.field);
    if (!field) return; // already reported by applyOverlay
    if (!ajv.validate(fieldSchema(field, new Set(), operation.target), operation.value)) {
      conflicts.push({
        index,
        op: 'setDefault',
        target: operation.target,
        reason: `the default is not a valid value for this ${field.type} field`,
      });
    }
  });
  return conflicts;
}

export function contentHashOf(compiled: CompiledForm): string {
  return createHash('sha256')
    .update(stringify(compiled) as string)
    .digest('hex');
}

/** Base + overlay + the province's master data → an immutable, hashable form version. */
export function compileForm(base: FormDefinition, overlay: Overlay, master: MasterSnapshot): CompileResult {
  const { definition, conflicts } = applyOverlay(base, overlay);
  const warnings: string[] = [];
  resolveOptions(definition, master, warnings);
  conflicts.push(...invalidDefaults(definition, overlay));
  const compiled: CompiledForm = {
    key: definition.key,
    baseVersion: definition.version,
    title: definition.title,
    definition,
    schema: formSchema(definition),
  };
  return { compiled, contentHash: contentHashOf(compiled), conflicts, warnings };
}
