import type { FormDefinition, Locale } from '../../../src/forms/definition';
import { FormValidator } from '../../../src/forms/form-validator';
import { evaluate } from '../../../src/forms/rules';
import { isRecord, share } from './pointer';
import type { Data, FormError, FormVersionView } from './types';

/*
 * The server's own FormValidator, run in the browser: the same Ajv schema and keywords, the same
 * rules module (decimal totals and calculated figures) and the same messages. Built once per form
 * version (keyed by its content hash, so both languages and every reopened document share it).
 */

const validators = new Map<string, FormValidator | null>();

/**
 * The validator of a version, or null when this browser cannot build one: Ajv compiles schemas
 * to code with `new Function`, which a Content-Security-Policy without 'unsafe-eval' forbids.
 * The editor then shows the server's checks from each save instead of live ones.
 */
export function validatorFor(version: FormVersionView): FormValidator | null {
  const cached = validators.get(version.contentHash);
  if (cached !== undefined) return cached;
  let validator: FormValidator | null;
  try {
    const { definition } = version;
    validator = new FormValidator({
      key: definition.key,
      baseVersion: definition.version,
      title: definition.title,
      definition,
      schema: version.schema,
    });
  } catch (error) {
    console.warn('Live form checks are unavailable in this browser; the server checks each save.', error);
    validator = null;
  }
  validators.set(version.contentHash, validator);
  return validator;
}

/** Where calculated figures live, so stale ones are dropped before the validator recomputes them. */
interface ComputedPlaces {
  /** section → fields computed by a rule. */
  fields: Map<string, string[]>;
  /** "section/table" → columns computed per row. */
  columns: Map<string, string[]>;
  /** "section/table" of tables with a totals row. */
  totals: Set<string>;
}

const placesCache = new WeakMap<FormDefinition, ComputedPlaces>();

function computedPlaces(definition: FormDefinition): ComputedPlaces {
  const cached = placesCache.get(definition);
  if (cached) return cached;
  const places: ComputedPlaces = { fields: new Map(), columns: new Map(), totals: new Set() };
  const push = (map: Map<string, string[]>, key: string, value: string) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  for (const rule of definition.rules) {
    if (rule.kind !== 'calculate') continue;
    const parts = rule.target.split('.');
    if (parts.length === 2) push(places.fields, parts[0], parts[1]);
    else if (parts.length === 5) push(places.columns, `${parts[0]}/${parts[1]}`, parts[4]);
  }
  for (const s of definition.sections)
    for (const f of s.fields) if (f.type === 'table' && f.totals?.length) places.totals.add(`${s.id}/${f.id}`);
  placesCache.set(definition, places);
  return places;
}

/**
 * The data without any calculated figure: the validator fills every one afresh, so a figure whose
 * inputs became malformed shows empty instead of its last value, and no stale figure is reported
 * as "entered but the calculated value is …". Only the objects on those paths are copied.
 */
export function withoutComputed(data: Data, definition: FormDefinition): Data {
  const places = computedPlaces(definition);
  const out: Data = { ...data };
  const touched = new Map<string, Data>();
  const sectionCopy = (id: string): Data | null => {
    if (touched.has(id)) return touched.get(id)!;
    const section = out[id];
    if (!isRecord(section)) return null;
    const copy = { ...section };
    touched.set(id, copy);
    out[id] = copy;
    return copy;
  };
  for (const [sectionId, fields] of places.fields) {
    const section = sectionCopy(sectionId);
    if (section) for (const f of fields) delete section[f];
  }
  const tables = new Set([...places.columns.keys(), ...places.totals]);
  for (const key of tables) {
    const [sectionId, tableId] = key.split('/');
    const section = sectionCopy(sectionId);
    const table = section?.[tableId];
    if (!section || !isRecord(table)) continue;
    const copy: Data = { ...table };
    if (places.totals.has(key)) delete copy.totals;
    const columns = places.columns.get(key);
    if (columns && Array.isArray(table.rows)) {
      copy.rows = table.rows.map((row) => {
        if (!isRecord(row)) return row;
        const r = { ...row };
        for (const c of columns) delete r[c];
        return r;
      });
    }
    section[tableId] = copy;
  }
  return out;
}

export interface LiveCheck {
  /** The data with every total and calculated figure recomputed (unchanged parts keep identity with `previous`). */
  data: Data;
  errors: FormError[];
  errorCount: number;
  /** Checks of severity 'warning' that fail: shown apart, never counted as errors. */
  warnings: FormError[];
}

export function runCheck(
  validator: FormValidator,
  definition: FormDefinition,
  data: Data,
  previous: Data,
  locale: Locale,
): LiveCheck {
  const result = validator.validate(withoutComputed(data, definition), locale);
  return {
    data: share(previous, result.data),
    errors: result.errors,
    errorCount: result.errorCount,
    warnings: result.warnings,
  };
}

/** Fields shown or required only while a rule holds, evaluated with the same rules module as the server. */
export interface Conditions {
  /** Pointers hidden now ("/s/f", or "/s/t/rows/2/c" for a row-scoped rule). */
  hidden: Set<string>;
  /** Pointers required now by a `require` rule. */
  required: Set<string>;
}

export function evaluateConditions(definition: FormDefinition, data: Data): Conditions {
  const hidden = new Set<string>();
  const required = new Set<string>();
  for (const rule of definition.rules) {
    if (rule.kind === 'calculate') continue;
    const into = rule.kind === 'visible' ? hidden : required;
    const parts = rule.target.split('.');
    if (parts.length === 2) {
      const holds = !!evaluate(rule.when, data);
      if (holds !== (rule.kind === 'visible')) into.add(`/${parts[0]}/${parts[1]}`);
      continue;
    }
    const [sectionId, tableId, , , column] = parts;
    const table = (data[sectionId] as Data | undefined)?.[tableId];
    const rows = isRecord(table) && Array.isArray(table.rows) ? table.rows : [];
    rows.forEach((row, i) => {
      if (!isRecord(row)) return;
      const holds = !!evaluate(rule.when, { ...data, row });
      if (holds !== (rule.kind === 'visible')) into.add(`/${sectionId}/${tableId}/rows/${i}/${column}`);
    });
  }
  return { hidden, required };
}
