import type { FieldDefinition, FormDefinition, Localized } from '../../../../src/forms/definition';
import type { OverlayOperation } from './api';

/*
 * What the studio knows about overlay operations (src/forms/overlay.ts): which items an
 * operation may target, how to say an operation in words, and which kind of refusal an API
 * reason is, so the refusal is explained in the reader's language next to the server's words.
 */

export type OperationKind = OverlayOperation['op'];
export const OPERATION_KINDS: OperationKind[] = [
  'addField',
  'addSection',
  'relabel',
  'setOptions',
  'constrain',
  'require',
  'hide',
  'setDefault',
];

/** Field types an added field may have (a table needs columns: the API, not this form, adds one). */
export const NEW_FIELD_TYPES = [
  'text',
  'textarea',
  'integer',
  'decimal',
  'money',
  'date',
  'fiscalYear',
  'boolean',
  'select',
  'multiselect',
] as const;

/**
 * Every text field states its longest answer (definition-check.ts); a new one starts with these,
 * as long as the base form's own short and long texts allow.
 */
export const NEW_FIELD_MAX_LENGTH: Partial<Record<string, string>> = { text: '200', textarea: '4000' };

/** Constraints an overlay may tighten, by field type (overlay.ts `applicable`). */
type TightenableKey = 'minLength' | 'maxLength' | 'pattern' | 'minimum' | 'maximum' | 'minItems' | 'maxItems';
export const CONSTRAINTS_BY_TYPE: Record<string, readonly TightenableKey[]> = {
  text: ['minLength', 'maxLength', 'pattern'],
  textarea: ['minLength', 'maxLength', 'pattern'],
  integer: ['minimum', 'maximum'],
  decimal: ['minimum', 'maximum'],
  money: ['minimum', 'maximum'],
  multiselect: ['minItems', 'maxItems'],
  table: ['minItems', 'maxItems'],
};

/** A section, field or column an operation can name, in the proforma's order. */
export interface TargetItem {
  /** "section", "section.field" or "section.table.column". */
  address: string;
  kind: 'section' | 'field' | 'column';
  number: string;
  label: Localized;
  field?: FieldDefinition;
}

export function targetsOf(definition: FormDefinition): TargetItem[] {
  const out: TargetItem[] = [];
  for (const s of definition.sections) {
    out.push({ address: s.id, kind: 'section', number: s.number, label: s.label });
    for (const f of s.fields) {
      out.push({ address: `${s.id}.${f.id}`, kind: 'field', number: s.number, label: f.label, field: f });
      for (const c of f.columns ?? []) {
        const label = { en: `${f.label.en} › ${c.label.en}`, ur: `${f.label.ur} › ${c.label.ur}` };
        out.push({ address: `${s.id}.${f.id}.${c.id}`, kind: 'column', number: s.number, label, field: c });
      }
    }
  }
  return out;
}

/** Which items each operation may target (the server checks again and explains a refusal). */
export function fitsOperation(kind: OperationKind, item: TargetItem): boolean {
  switch (kind) {
    case 'relabel':
      return true;
    case 'setOptions':
      return item.kind !== 'section' && (item.field?.type === 'select' || item.field?.type === 'multiselect');
    case 'constrain':
      return item.kind !== 'section' && !!CONSTRAINTS_BY_TYPE[item.field!.type];
    case 'hide':
      return item.kind === 'field';
    case 'setDefault':
      return item.kind !== 'section' && item.field!.type !== 'table' && item.field!.type !== 'attachment';
    default:
      return item.kind !== 'section';
  }
}

/** The address an operation is about: its target, or where it adds. */
export function addressOf(op: OverlayOperation): string {
  if (op.op === 'addField') return `${op.section}.${op.field.id}`;
  if (op.op === 'addSection') return op.section.id;
  return op.target;
}

/** A camelCase data key from an English label ("Council approval ref." → "councilApprovalRef"). */
export function idFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const id = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
  const start = id.replace(/^[^a-z]+/, '');
  return start.slice(0, 64);
}

/** Why an operation was refused, as a kind the studio explains in both languages (keys studio.why.*). */
export type RefusalKind =
  | 'incomplete'
  | 'locked'
  | 'loosens'
  | 'unsafePattern'
  | 'fixedOptions'
  | 'requiredNotHideable'
  | 'missing'
  | 'duplicate'
  | 'notApplicable'
  | 'other';

/** Phrases of overlay.ts's reasons for an operation that does not fit the item it names. */
const NOT_APPLICABLE = [
  'does not apply',
  'cannot have a default',
  'is a section;',
  'is not a select',
  'only a whole field',
  'is hidden;',
];

export function refusalKind(reason: string): RefusalKind {
  if (/is locked/.test(reason)) return 'locked';
  if (/needs (a maxLength|options|columns)/.test(reason)) return 'incomplete';
  if (/loosens the constraint/.test(reason)) return 'loosens';
  if (/pattern (may backtrack|is too complex|is not a valid|is longer)/.test(reason)) return 'unsafePattern';
  if (/fixes this option list/.test(reason)) return 'fixedOptions';
  if (/only optional fields can be hidden/.test(reason)) return 'requiredNotHideable';
  if (/^no (section|field|column)|does not exist|is not a section, field/.test(reason)) return 'missing';
  if (/already (exists|has)|repeat/.test(reason)) return 'duplicate';
  if (NOT_APPLICABLE.some((phrase) => reason.includes(phrase))) return 'notApplicable';
  return 'other';
}

/** The operation index a shape problem's pointer ("/operations/3/field/id") is about, if any. */
export function operationOfPointer(pointer: string): number | null {
  const match = /^\/operations\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : null;
}
