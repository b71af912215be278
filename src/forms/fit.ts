import { FormDefinition } from './definition';

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keeps only what a form defines (sections, fields, table columns): used when data is carried
 * from one form to another (a revised PC-I from the approved one), so nothing foreign to the
 * target version is saved into it.
 */
export function fitToDefinition(def: FormDefinition, data: Data): Data {
  const out: Data = {};
  for (const section of def.sections) {
    const source = data[section.id];
    if (!isObject(source)) continue;
    const kept: Data = {};
    for (const field of section.fields) {
      const value = source[field.id];
      if (value === undefined || value === null) continue;
      if (field.type === 'table') {
        if (!isObject(value) || !Array.isArray(value.rows)) continue;
        const columns = new Set((field.columns ?? []).map((c) => c.id));
        kept[field.id] = {
          rows: value.rows.filter(isObject).map((row) => Object.fromEntries(Object.entries(row).filter(([k, v]) => columns.has(k) && v !== undefined && v !== null))),
        };
      } else kept[field.id] = structuredClone(value);
    }
    if (Object.keys(kept).length) out[section.id] = kept;
  }
  return out;
}
