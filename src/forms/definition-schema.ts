import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { LABEL_TEXT_PATTERN } from '../common/validation';
import { FIELD_TYPES, FORM_FAMILIES, MASTER_LISTS } from './definition';

/*
 * Meta-schemas: what a form definition and a province overlay may contain. Both are checked
 * before anything is compiled, so an unknown keyword, a `__proto__` key, an oversized list or a
 * wrong type is refused with a pointer instead of reaching Ajv's compiler or the database.
 */

export const ID_PATTERN = '^[a-z][a-zA-Z0-9]{0,63}$';
export const CODE_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const MAX_TEXT = 2000;

const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['en', 'ur'],
  properties: {
    en: { type: 'string', minLength: 1, maxLength: MAX_TEXT, pattern: LABEL_TEXT_PATTERN },
    ur: { type: 'string', minLength: 1, maxLength: MAX_TEXT, pattern: LABEL_TEXT_PATTERN },
  },
};
const partialLocalized = { ...localized, required: [], minProperties: 1 };
const decimalText = {
  anyOf: [{ type: 'string', pattern: '^-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,6})?$' }, { type: 'integer' }],
};

const constraints = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minLength: { type: 'integer', minimum: 0, maximum: 100000 },
    maxLength: { type: 'integer', minimum: 1, maximum: 100000 },
    minimum: decimalText,
    maximum: decimalText,
    pattern: { type: 'string', minLength: 1, maxLength: 500 },
    format: { enum: ['email'] },
    minItems: { type: 'integer', minimum: 0, maximum: 10000 },
    maxItems: { type: 'integer', minimum: 1, maximum: 10000 },
    allowNegative: { type: 'boolean' },
    scale: { type: 'integer', minimum: 0, maximum: 6 },
  },
};

const optionItem = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'label'],
  properties: {
    value: { type: 'string', pattern: CODE_PATTERN, maxLength: 80 },
    label: localized,
    parent: { type: 'string', maxLength: 80 },
  },
};
const options = {
  anyOf: [
    { type: 'array', minItems: 1, maxItems: 2000, items: optionItem },
    {
      type: 'object',
      additionalProperties: false,
      required: ['master'],
      properties: { master: { enum: [...MASTER_LISTS] } },
    },
  ],
};

/** A field as a definition or an overlay states it; `locked` is the Planning Commission's alone. */
function fieldSchema(allowLocked: boolean) {
  const column = {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'type', 'label'],
    properties: {
      id: { type: 'string', pattern: ID_PATTERN },
      type: { enum: FIELD_TYPES.filter((t) => t !== 'table') },
      label: localized,
      help: localized,
      required: { type: 'boolean' },
      ...(allowLocked ? { locked: { type: 'boolean' } } : {}),
      constraints,
      options,
      fixedOptions: { type: 'boolean' },
      default: {},
      widget: { type: 'string', maxLength: 40 },
    },
  };
  return {
    ...column,
    properties: {
      ...column.properties,
      type: { enum: [...FIELD_TYPES] },
      columns: { type: 'array', minItems: 1, maxItems: 40, items: column },
      totals: { type: 'array', maxItems: 40, items: { type: 'string', pattern: ID_PATTERN } },
    },
  };
}

function sectionSchema(allowLocked: boolean) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'number', 'label', 'fields'],
    properties: {
      // 'row' names the row in row-scoped rules; 'notApplicable' is the data's reserved object (placeholders.ts).
      id: { type: 'string', pattern: ID_PATTERN, not: { enum: ['row', 'notApplicable'] } },
      number: { type: 'string', minLength: 1, maxLength: 20 },
      label: localized,
      help: localized,
      fields: { type: 'array', maxItems: 300, items: fieldSchema(allowLocked) },
    },
  };
}

const target = { type: 'string', minLength: 1, maxLength: 300, pattern: '^[a-zA-Z0-9]+(\\.([a-zA-Z0-9]+|\\*))*$' };
const logic = {};

const rule = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'target'],
  properties: {
    id: { type: 'string', pattern: CODE_PATTERN, maxLength: 80 },
    kind: { enum: ['visible', 'require', 'calculate'] },
    target,
    when: logic,
    value: logic,
    description: { type: 'string', maxLength: MAX_TEXT },
  },
};

/** Comparisons; 'holds' (a condition that must be true) is the other kind of check. */
export const COMPARISON_OPS = ['eq', 'lte', 'gte', 'lt', 'gt'] as const;

const check = {
  type: 'object',
  additionalProperties: false,
  // `right` is required of comparisons only (definition-check.ts says which).
  required: ['id', 'op', 'left', 'pointer', 'message'],
  properties: {
    id: { type: 'string', pattern: CODE_PATTERN, maxLength: 80 },
    op: { enum: [...COMPARISON_OPS, 'holds'] },
    left: logic,
    right: logic,
    when: logic,
    severity: { enum: ['error', 'warning'] },
    tolerance: { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,6})?$', maxLength: 30 },
    pointer: { type: 'string', pattern: '^(/[a-zA-Z0-9]+)+$', maxLength: 300 },
    message: localized,
  },
};

export const definitionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'version', 'family', 'title', 'source', 'sections', 'rules', 'checks'],
  properties: {
    key: { type: 'string', pattern: CODE_PATTERN, maxLength: 60 },
    version: { type: 'string', pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$' },
    family: { enum: [...FORM_FAMILIES] },
    variant: { enum: ['infrastructure', 'production', 'social'] },
    title: localized,
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['document', 'urls'],
      properties: {
        document: { type: 'string', maxLength: MAX_TEXT },
        urls: { type: 'array', items: { type: 'string', maxLength: MAX_TEXT } },
        notes: { type: 'string', maxLength: 10000 },
      },
    },
    sections: { type: 'array', minItems: 1, maxItems: 100, items: sectionSchema(true) },
    rules: { type: 'array', maxItems: 500, items: rule },
    checks: { type: 'array', maxItems: 200, items: check },
  },
};

const MAX_OPERATIONS = 500;
export const OPERATION_NAMES = [
  'addSection',
  'addField',
  'relabel',
  'setOptions',
  'constrain',
  'require',
  'hide',
  'setDefault',
] as const;
const operation = (op: string, required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: ['op', ...required],
  properties: { op: { const: op }, note: { type: 'string', maxLength: MAX_TEXT }, ...properties },
});

/** A province overlay: an ordered list of operations on one base version. */
export const overlaySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['baseVersion', 'operations'],
  properties: {
    baseVersion: definitionSchema.properties.version,
    operations: {
      type: 'array',
      maxItems: MAX_OPERATIONS,
      items: {
        type: 'object',
        required: ['op'],
        properties: { op: { type: 'string' } },
        // Dispatch on `op` so an error names the wrong property, not every branch that failed.
        discriminator: { propertyName: 'op' },
        oneOf: [
          operation('addSection', ['section'], {
            after: { type: 'string', pattern: ID_PATTERN },
            section: sectionSchema(false),
          }),
          operation('addField', ['section', 'field'], {
            section: { type: 'string', pattern: ID_PATTERN },
            after: { type: 'string', pattern: ID_PATTERN },
            field: fieldSchema(false),
          }),
          operation('relabel', ['target'], { target, label: partialLocalized, help: partialLocalized }),
          operation('setOptions', ['target', 'options'], { target, options }),
          operation('constrain', ['target', 'constraints'], {
            target,
            constraints: { ...constraints, minProperties: 1 },
          }),
          operation('require', ['target'], { target }),
          operation('hide', ['target'], { target }),
          operation('setDefault', ['target', 'value'], { target, value: {} }),
        ],
      },
    },
  },
};

export interface SchemaProblem {
  pointer: string;
  message: string;
}

const metaAjv = new Ajv({ allErrors: false, strict: true, discriminator: true });
const validateDefinitionShape = metaAjv.compile(definitionSchema);
const validateOverlayShape = metaAjv.compile(overlaySchema);

function problems(validate: ValidateFunction, value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeMetaError);
}

function describeMetaError(e: ErrorObject): SchemaProblem {
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    return { pointer: `${e.instancePath}/${key}`, message: `unknown property "${key}"` };
  }
  if (e.keyword === 'required') {
    const key = (e.params as { missingProperty: string }).missingProperty;
    return { pointer: `${e.instancePath}/${key}`, message: `"${key}" is required` };
  }
  if (e.keyword === 'discriminator') {
    return { pointer: `${e.instancePath}/op`, message: `"op" must be one of ${OPERATION_NAMES.join(', ')}` };
  }
  return { pointer: e.instancePath || '/', message: e.message ?? e.keyword };
}

export const checkDefinitionShape = (value: unknown) => problems(validateDefinitionShape, value);
/**
 * Distinct patterns one overlay may introduce. Each is proven safe before use, and that proof
 * takes up to ~0.2 s for a hostile pattern (a few ms for a real one), so the count is bounded:
 * one save by a province admin can hold the process for 2 s at most. Ten covers real overlays
 * (reference numbers, codes), which need a handful.
 */
export const MAX_OVERLAY_PATTERNS = 10;

/** Every regex pattern an overlay introduces (constraints, added fields and their columns). */
function overlayPatterns(overlay: { operations: Record<string, unknown>[] }): Set<string> {
  const found = new Set<string>();
  const collect = (f: { constraints?: { pattern?: string }; columns?: unknown[] } | undefined) => {
    if (f?.constraints?.pattern) found.add(f.constraints.pattern);
    for (const c of f?.columns ?? []) collect(c as typeof f);
  };
  for (const op of overlay.operations) {
    if (op.op === 'constrain') collect(op as { constraints?: { pattern?: string } });
    if (op.op === 'addField') collect(op.field as never);
    if (op.op === 'addSection') for (const f of (op.section as { fields: never[] }).fields) collect(f);
  }
  return found;
}

export function checkOverlayShape(value: unknown): SchemaProblem[] {
  const shape = problems(validateOverlayShape, value);
  if (shape.length) return shape;
  const patterns = overlayPatterns(value as { operations: Record<string, unknown>[] });
  if (patterns.size > MAX_OVERLAY_PATTERNS) {
    return [
      {
        pointer: '/operations',
        message:
          `an overlay may introduce at most ${MAX_OVERLAY_PATTERNS} ` +
          `distinct patterns (this one has ${patterns.size})`,
      },
    ];
  }
  return [];
}
