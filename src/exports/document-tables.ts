import { FieldDefinition, FormDefinition, Locale, Localized } from '../forms/definition';
import { EXPORT_WORDS } from './export-words';
import { CellInput, ColumnSpec } from './tabular-writer';

/** A table field of a form version: cost estimates, phasing, financing, manpower … */
export interface FormTable {
  /** JSON pointer of the table in the document's data, e.g. /costEstimates/capitalCost. */
  pointer: string;
  sectionNumber: string;
  field: FieldDefinition;
}

/** Excel refuses these in sheet names, and names longer than 31 characters. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;
const NUMERIC_TYPES = new Set(['money', 'decimal', 'integer']);

const pick = (text: Localized, locale: Locale) => text[locale] || text.en;

/** Every visible table of the form version, in proforma order. */
export function tablesOf(definition: FormDefinition): FormTable[] {
  return definition.sections.flatMap((s) =>
    s.fields
      .filter((f) => f.type === 'table' && !f.hidden)
      .map((field) => ({ pointer: `/${s.id}/${field.id}`, sectionNumber: s.number, field })),
  );
}

/** `table` as a pointer (/section/field) or a field name. */
export function findTables(tables: FormTable[], table: string): FormTable[] {
  return tables.filter((t) =>
    table.startsWith('/') ? t.pointer === table : t.field.id === table || t.pointer === `/${table}`,
  );
}

/** Sheet names that Excel accepts and that differ from each other. */
export function sheetNames(tables: FormTable[], locale: Locale): string[] {
  const used = new Set<string>();
  return tables.map((t, i) => {
    const base = `${t.sectionNumber} ${pick(t.field.label, locale)}`
      .replace(SHEET_NAME_FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    let name = base.slice(0, SHEET_NAME_MAX);
    if (used.has(name.toLowerCase())) name = `${base.slice(0, SHEET_NAME_MAX - 4)} (${i + 1})`;
    used.add(name.toLowerCase());
    return name;
  });
}

export function tableColumns(table: FormTable, locale: Locale): ColumnSpec[] {
  return (table.field.columns ?? []).map((c) => ({
    header: pick(c.label, locale),
    kind: NUMERIC_TYPES.has(c.type) ? 'number' : 'text',
  }));
}

/**
 * The table's rows as cells (option values shown by their label in the locale), then its totals row when it has one.
 */
export function tableRows(table: FormTable, data: Record<string, unknown>, locale: Locale): CellInput[][] {
  const [, sectionId, fieldId] = table.pointer.split('/');
  const value = (data[sectionId] as Record<string, unknown> | undefined)?.[fieldId] as
    { rows?: unknown; totals?: unknown } | undefined;
  const rows = Array.isArray(value?.rows) ? (value.rows as Record<string, unknown>[]) : [];
  const columns = table.field.columns ?? [];
  const words = EXPORT_WORDS[locale];
  const out: CellInput[][] = rows.map((row) => columns.map((c) => cellOf(c, row?.[c.id], locale)));
  const totals =
    value?.totals && typeof value.totals === 'object' ? (value.totals as Record<string, unknown>) : undefined;
  if (totals && table.field.totals?.length) {
    const labelAt = columns.findIndex((c) => !table.field.totals!.includes(c.id));
    out.push(
      columns.map((c, i) =>
        i === labelAt ? words.total : table.field.totals!.includes(c.id) ? cellOf(c, totals[c.id], locale) : null,
      ),
    );
  }
  return out;
}

function cellOf(column: FieldDefinition, value: unknown, locale: Locale): CellInput {
  if (value === null || value === undefined || value === '') return null;
  const words = EXPORT_WORDS[locale];
  const label = (v: unknown) =>
    Array.isArray(column.options) ? column.options.find((o) => o.value === v)?.label : undefined;
  switch (column.type) {
    case 'money':
    case 'decimal':
    case 'integer':
      return typeof value === 'number' || typeof value === 'string' ? value : String(value);
    case 'boolean':
      return value === true ? words.yes : value === false ? words.no : String(value);
    case 'select':
      return label(value) ? pick(label(value)!, locale) : String(value);
    case 'multiselect':
      return Array.isArray(value)
        ? value.map((v) => (label(v) ? pick(label(v)!, locale) : String(v))).join(words.listSeparator)
        : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
