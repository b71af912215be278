import { DECIMAL_SCALE, Dec, MONEY_SCALE } from './decimal';
import { Constraints, FieldDefinition, FormDefinition, Localized, Options, SectionDefinition } from './definition';
import { fieldProblems } from './definition-check';
import { checkPattern } from './pattern-safety';

/**
 * A province's customisation of one base form: ordered operations, re-applied to the base on
 * every compile (and to a new base version when one ships), so the base is never edited.
 */
export type OverlayOperation =
  | { op: 'addSection'; after?: string; section: SectionDefinition; note?: string }
  | { op: 'addField'; section: string; after?: string; field: FieldDefinition; note?: string }
  | { op: 'relabel'; target: string; label?: Partial<Localized>; help?: Partial<Localized>; note?: string }
  | { op: 'setOptions'; target: string; options: Options; note?: string }
  | { op: 'constrain'; target: string; constraints: Constraints; note?: string }
  | { op: 'require'; target: string; note?: string }
  | { op: 'hide'; target: string; note?: string }
  | { op: 'setDefault'; target: string; value: unknown; note?: string };

export interface Overlay {
  baseVersion: string;
  operations: OverlayOperation[];
}

/** An operation that cannot be applied, and why (refused on save; reported on a base upgrade). */
export interface OverlayConflict {
  index: number;
  op: OverlayOperation['op'];
  target?: string;
  reason: string;
}

export const emptyOverlay = (baseVersion: string): Overlay => ({ baseVersion, operations: [] });

interface Located {
  section: SectionDefinition;
  field?: FieldDefinition;
  column?: FieldDefinition;
}

/** "section", "section.field" or "section.table.column". */
export function locate(def: FormDefinition, target: string): Located | string {
  const [sectionId, fieldId, columnId, ...rest] = target.split('.');
  if (rest.length) return `"${target}" is not a section, field or table column`;
  const section = def.sections.find((s) => s.id === sectionId);
  if (!section) return `no section "${sectionId}" in ${def.key} ${def.version}`;
  if (fieldId === undefined) return { section };
  const field = section.fields.find((f) => f.id === fieldId);
  if (!field) return `no field "${fieldId}" in section ${section.number} (${sectionId})`;
  if (columnId === undefined) return { section, field };
  const column = field.columns?.find((c) => c.id === columnId);
  if (!column) return `no column "${columnId}" in table "${sectionId}.${fieldId}"`;
  return { section, field, column };
}

const TEXT_TYPES = new Set(['text', 'textarea']);
const NUMERIC_TYPES = new Set(['integer', 'decimal', 'money']);
const LIST_TYPES = new Set(['multiselect', 'table']);

/** Which constraints make sense for a type (an overlay may not add meaningless ones). */
function applicable(type: string, key: keyof Constraints): boolean {
  if (['minLength', 'maxLength', 'pattern', 'format'].includes(key)) return TEXT_TYPES.has(type);
  if (['minimum', 'maximum'].includes(key)) return NUMERIC_TYPES.has(type);
  if (['scale', 'allowNegative'].includes(key)) return type === 'decimal' || type === 'money';
  return LIST_TYPES.has(type);
}

/**
 * A field's constraints including the ones the compiler applies when none is stated: amounts and
 * counts are never negative unless allowed, and amounts keep the default number of decimals.
 * Loosening is judged against these, so an overlay cannot widen a default by stating it.
 */
function effectiveConstraints(field: FieldDefinition): Constraints {
  const stated = field.constraints ?? {};
  if (field.type !== 'integer' && field.type !== 'decimal' && field.type !== 'money') return stated;
  const implicit: Constraints = { allowNegative: false };
  if (!stated.allowNegative) implicit.minimum = 0;
  if (field.type !== 'integer') implicit.scale = field.type === 'money' ? MONEY_SCALE : DECIMAL_SCALE;
  return { ...implicit, ...stated };
}

/** Why a constraint change loosens the base (null when it only tightens). */
function loosening(base: Constraints, key: keyof Constraints, value: unknown): string | null {
  const was = base[key];
  if (was === undefined) return null;
  const dec = (v: unknown) => new Dec(v as string | number);
  switch (key) {
    case 'maxLength':
    case 'maxItems':
    case 'scale':
      return (value as number) > (was as number) ? `${key} ${value} is above the base form's ${was}` : null;
    case 'minLength':
    case 'minItems':
      return (value as number) < (was as number) ? `${key} ${value} is below the base form's ${was}` : null;
    case 'maximum':
      return dec(value).gt(dec(was)) ? `maximum ${value} is above the base form's ${was}` : null;
    case 'minimum':
      return dec(value).lt(dec(was)) ? `minimum ${value} is below the base form's ${was}` : null;
    case 'allowNegative':
      return value === true && was === false ? 'negative amounts are not allowed by the base form' : null;
    case 'pattern':
    case 'format':
      return value !== was ? `the base form already sets ${key}; it cannot be replaced, only kept` : null;
  }
  return null;
}

function constrain(target: FieldDefinition, constraints: Constraints): string | null {
  const base = target.constraints ?? {};
  const effective = effectiveConstraints(target);
  for (const [key, value] of Object.entries(constraints) as [keyof Constraints, unknown][]) {
    if (!applicable(target.type, key)) return `${key} does not apply to a ${target.type} field`;
    const why = loosening(effective, key, value);
    if (why) return `loosens the constraint: ${why}`;
    if (key === 'pattern') {
      const bad = checkPattern(value as string);
      if (bad) return bad;
    }
  }
  const merged = { ...base, ...constraints };
  const bounds = { ...effective, ...constraints };
  if (bounds.minLength !== undefined && bounds.maxLength !== undefined && bounds.minLength > bounds.maxLength)
    return 'minLength is above maxLength';
  if (bounds.minItems !== undefined && bounds.maxItems !== undefined && bounds.minItems > bounds.maxItems)
    return 'minItems is above maxItems';
  if (
    bounds.minimum !== undefined &&
    bounds.maximum !== undefined &&
    new Dec(bounds.minimum).gt(new Dec(bounds.maximum))
  )
    return 'minimum is above maximum';
  target.constraints = merged;
  return null;
}

/** A field an overlay adds must be as well formed as a base field (options, columns, patterns). */
function checkNewField(section: SectionDefinition, field: FieldDefinition): string | null {
  if (section.fields.some((f) => f.id === field.id))
    return `section ${section.number} already has a field "${field.id}"`;
  const problems = fieldProblems(field, field.id);
  return problems.length ? problems.join('; ') : null;
}

function insertAfter<T extends { id: string }>(list: T[], item: T, after: string | undefined): string | null {
  if (after === undefined) {
    list.push(item);
    return null;
  }
  const at = list.findIndex((x) => x.id === after);
  if (at < 0) return `"${after}" to insert after does not exist`;
  list.splice(at + 1, 0, item);
  return null;
}

/** Applies one operation to `def` in place; returns why it cannot apply, or null. */
function applyOne(def: FormDefinition, operation: OverlayOperation): string | null {
  switch (operation.op) {
    case 'addSection': {
      if (def.sections.some((s) => s.id === operation.section.id))
        return `section "${operation.section.id}" already exists`;
      const section: SectionDefinition = { ...structuredClone(operation.section), fields: [], addedBy: 'overlay' };
      for (const f of operation.section.fields) {
        const bad = checkNewField(section, f);
        if (bad) return `field "${f.id}": ${bad}`;
        section.fields.push({ ...structuredClone(f), addedBy: 'overlay' });
      }
      return insertAfter(def.sections, section, operation.after);
    }
    case 'addField': {
      const section = def.sections.find((s) => s.id === operation.section);
      if (!section) return `no section "${operation.section}"`;
      const bad = checkNewField(section, operation.field);
      return (
        bad ?? insertAfter(section.fields, { ...structuredClone(operation.field), addedBy: 'overlay' }, operation.after)
      );
    }
    default: {
      const at = locate(def, operation.target);
      if (typeof at === 'string') return at;
      const item = at.column ?? at.field;
      switch (operation.op) {
        case 'relabel': {
          const thing = item ?? at.section;
          if (operation.label) thing.label = { ...thing.label, ...operation.label };
          if (operation.help) thing.help = { ...(thing.help ?? { en: '', ur: '' }), ...operation.help };
          return null;
        }
        case 'setOptions':
          if (!item || (item.type !== 'select' && item.type !== 'multiselect'))
            return `${operation.target} is not a select field`;
          if (item.fixedOptions) return `${operation.target}: the Planning Commission fixes this option list`;
          if (
            Array.isArray(operation.options) &&
            new Set(operation.options.map((o) => o.value)).size !== operation.options.length
          )
            return 'option values repeat';
          item.options = structuredClone(operation.options);
          return null;
        case 'constrain':
          if (!item) return `${operation.target} is a section; constraints apply to fields`;
          return constrain(item, operation.constraints);
        case 'require':
          if (!item) return `${operation.target} is a section; only fields can be required`;
          if (item.hidden) return `${operation.target} is hidden; a hidden field cannot be required`;
          item.required = true;
          return null;
        case 'hide':
          if (!item || at.column) return `${operation.target}: only a whole field can be hidden`;
          if (item.locked) return `${operation.target} is locked: the Planning Commission requires it`;
          if (item.required) return `${operation.target} is required; only optional fields can be hidden`;
          item.hidden = true;
          return null;
        case 'setDefault':
          if (!item) return `${operation.target} is a section; defaults apply to fields`;
          if (item.type === 'table' || item.type === 'attachment') return `a ${item.type} cannot have a default`;
          item.default = structuredClone(operation.value);
          return null;
      }
    }
  }
}

/**
 * The base with the overlay applied. Every operation is tried; those that cannot apply are
 * returned as conflicts (and skipped), so a save can refuse them all at once and a base upgrade
 * can report exactly what no longer applies.
 */
export function applyOverlay(
  base: FormDefinition,
  overlay: Overlay,
): { definition: FormDefinition; conflicts: OverlayConflict[] } {
  const definition = structuredClone(base);
  const conflicts: OverlayConflict[] = [];
  overlay.operations.forEach((operation, index) => {
    const reason = applyOne(definition, operation);
    if (reason)
      conflicts.push({ index, op: operation.op, target: 'target' in operation ? operation.target : undefined, reason });
  });
  return { definition, conflicts };
}
