import { DECIMAL_SCALE, formatDecimal, MONEY_SCALE, toDecimal } from './decimal';
import { FieldDefinition, FormDefinition } from './definition';

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An amount carried over in the target field's number of decimals when that loses nothing
 * ("12.500" into a 2-decimal column is "12.50"); otherwise as it was, for validation to report.
 */
function fitAmount(field: FieldDefinition, value: unknown): unknown {
  if (field.type !== 'money' && field.type !== 'decimal') return value;
  const d = toDecimal(value);
  if (!d || typeof value !== 'string') return value;
  const scale = field.constraints?.scale ?? (field.type === 'money' ? MONEY_SCALE : DECIMAL_SCALE);
  return d.decimalPlaces() <= scale ? formatDecimal(d, scale) : value;
}

/**
 * Keeps only what a form defines (sections, fields, table columns): used when data is carried
 * from one form to another (a revised PC-I from the approved one), so nothing foreign to the
 * target version is saved into it, and amounts take the target's number of decimals.
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
        const columns = new Map((field.columns ?? []).map((c) => [c.id, c]));
        kept[field.id] = {
          rows: value.rows.filter(isObject).map((row) =>
            Object.fromEntries(
              Object.entries(row)
                .filter(([k, v]) => columns.has(k) && v !== undefined && v !== null)
                .map(([k, v]) => [k, fitAmount(columns.get(k)!, structuredClone(v))]),
            ),
          ),
        };
      } else kept[field.id] = fitAmount(field, structuredClone(value));
    }
    if (Object.keys(kept).length) out[section.id] = kept;
  }
  return out;
}
