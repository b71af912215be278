import type { FieldDefinition } from '../../../../src/forms/definition';
import type { OverlayOperation } from './api';
import { constraintsOf, ConstraintValues, defaultOf, optionsOf, OptionsValue } from './OperationFields';
import { NEW_FIELD_MAX_LENGTH, NEW_FIELD_TYPES, OperationKind } from './operations';

/*
 * The values of the "add a change" form and the overlay operation they make. Only what the form
 * can know is checked here (the inputs an operation needs are filled); whether it may apply is
 * the server's answer.
 */

/** "After" value meaning: at the end of the section (or of the form). */
export const AT_END = '';

export interface Values {
  target: string | null;
  section: string | null;
  after: string;
  type: (typeof NEW_FIELD_TYPES)[number];
  id: string;
  idEdited: boolean;
  number: string;
  labelEn: string;
  labelUr: string;
  helpEn: string;
  helpUr: string;
  required: boolean;
  options: OptionsValue;
  constraints: ConstraintValues;
  value: unknown;
  note: string;
}

/** What a new field of this type starts with (a text's longest length). */
export function newFieldConstraints(type: string): ConstraintValues {
  const maxLength = NEW_FIELD_MAX_LENGTH[type];
  return maxLength ? { maxLength } : {};
}

export const EMPTY: Values = {
  target: null,
  section: null,
  after: AT_END,
  type: 'text',
  id: '',
  idEdited: false,
  number: '',
  labelEn: '',
  labelUr: '',
  helpEn: '',
  helpUr: '',
  required: false,
  options: { source: 'list', rows: [{ value: '', en: '', ur: '' }], master: 'districts' },
  constraints: newFieldConstraints('text'),
  value: undefined,
  note: '',
};

type Built = { op: OverlayOperation | null; missing: string[] };

/** The operation the inputs describe, or the inputs still to fill. */
export function buildOperation(kind: OperationKind, v: Values, field: FieldDefinition | undefined): Built {
  const missing: string[] = [];
  const need = (name: string, ok: unknown) => {
    if (!ok) missing.push(name);
  };
  const en = v.labelEn.trim();
  const ur = v.labelUr.trim();
  const help = v.helpEn.trim() || v.helpUr.trim() ? { en: v.helpEn.trim(), ur: v.helpUr.trim() } : undefined;
  const after = v.after === AT_END ? {} : { after: v.after };
  if (kind === 'addField' || kind === 'addSection') {
    need('labelEn', en);
    need('labelUr', ur);
    need('id', v.id.trim());
    // A help text is stored in both languages or not at all.
    if (help) {
      need('helpEn', help.en);
      need('helpUr', help.ur);
    }
  }
  if (kind === 'addField') return addField(v, { en, ur }, help, after, missing);
  if (kind === 'addSection') {
    need('number', v.number.trim());
    if (missing.length) return { op: null, missing };
    const section = {
      id: v.id.trim(),
      number: v.number.trim(),
      label: { en, ur },
      ...(help ? { help } : {}),
      fields: [],
    };
    return { op: { op: 'addSection', ...after, section }, missing };
  }
  need('target', v.target);
  if (missing.length) return { op: null, missing };
  return changeItem(kind, v, v.target!, field);
}

type Localized = FieldDefinition['label'];

function addField(v: Values, label: Localized, help: Localized | undefined, after: object, missing: string[]): Built {
  if (!v.section) missing.push('section');
  const choice = v.type === 'select' || v.type === 'multiselect';
  if (choice && v.options.source === 'list' && !v.options.rows.some((r) => r.value.trim())) missing.push('options');
  if (missing.length) return { op: null, missing };
  const constraints = constraintsOf(v.constraints);
  const field: FieldDefinition = {
    id: v.id.trim(),
    type: v.type,
    label,
    ...(help ? { help } : {}),
    ...(v.required ? { required: true } : {}),
    ...(choice ? { options: optionsOf(v.options) } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
  return { op: { op: 'addField', section: v.section!, ...after, field }, missing };
}

function changeItem(kind: OperationKind, v: Values, target: string, field: FieldDefinition | undefined): Built {
  const some = (o: object) => Object.keys(o).length > 0;
  switch (kind) {
    case 'relabel': {
      const en = v.labelEn.trim();
      const ur = v.labelUr.trim();
      const label = { ...(en ? { en } : {}), ...(ur ? { ur } : {}) };
      const helpEn = v.helpEn.trim();
      const helpUr = v.helpUr.trim();
      const help = { ...(helpEn ? { en: helpEn } : {}), ...(helpUr ? { ur: helpUr } : {}) };
      if (!some(label) && !some(help)) return { op: null, missing: ['labelEn', 'labelUr'] };
      const op: OverlayOperation = {
        op: 'relabel',
        target,
        ...(some(label) ? { label } : {}),
        ...(some(help) ? { help } : {}),
      };
      return { op, missing: [] };
    }
    case 'setOptions':
      if (v.options.source === 'list' && !v.options.rows.some((r) => r.value.trim())) {
        return { op: null, missing: ['options'] };
      }
      return { op: { op: 'setOptions', target, options: optionsOf(v.options) }, missing: [] };
    case 'constrain': {
      const constraints = constraintsOf(v.constraints);
      if (!some(constraints)) return { op: null, missing: ['constraints'] };
      return { op: { op: 'constrain', target, constraints }, missing: [] };
    }
    case 'setDefault':
      if (v.value === undefined || v.value === '') return { op: null, missing: ['value'] };
      return { op: { op: 'setDefault', target, value: defaultOf(field!, v.value) }, missing: [] };
    case 'require':
      return { op: { op: 'require', target }, missing: [] };
    default:
      return { op: { op: 'hide', target }, missing: [] };
  }
}
