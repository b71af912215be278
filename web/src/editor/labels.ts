import { isRecord, parsePointer } from './pointer';
import type { Attachment, FieldChange, FieldView, FormVersionView } from './types';

/*
 * Names and printable values for any pointer of a form version: what changed in a conflict or
 * between two revisions is shown as "Capital cost, row 3, Local (Rs million)", not as a pointer.
 */

export interface LabelWords {
  row(n: number): string;
  totals: string;
  yes: string;
  no: string;
  empty: string;
  /** Joins list items in the user's language. */
  list(items: string[]): string;
  /** A decimal string grouped for display, padded to `minFraction` decimals. */
  number(value: string | number, minFraction?: number): string;
  date(value: string): string;
}

/** Every field and column of a version by its pointer pattern ("/s/t/rows/-/c" for columns). */
export function fieldIndex(version: FormVersionView): Map<string, FieldView> {
  const index = new Map<string, FieldView>();
  for (const s of version.ui.sections) {
    for (const f of s.fields) {
      index.set(f.pointer, f);
      for (const c of f.columns ?? []) index.set(c.pointer, c);
    }
  }
  return index;
}

/** The field or column a data pointer falls in: "/s/t/rows/4/c" and "/s/t/totals/c" give the column. */
export function fieldAt(
  index: Map<string, FieldView>,
  pointer: string,
): { field?: FieldView; table?: FieldView; row?: number; totals?: boolean } {
  const [section, field, part, index3, column] = parsePointer(pointer);
  const top = index.get(`/${section}/${field}`);
  if (!top || top.type !== 'table' || part === undefined) return { field: top };
  if (part === 'rows' && index3 !== undefined) {
    const row = Number(index3);
    return {
      table: top,
      row,
      field: column === undefined ? undefined : index.get(`/${section}/${field}/rows/-/${column}`),
    };
  }
  if (part === 'totals')
    return {
      table: top,
      totals: true,
      field: index3 === undefined ? undefined : index.get(`/${section}/${field}/rows/-/${index3}`),
    };
  return { table: top };
}

export function labelOf(
  version: FormVersionView,
  index: Map<string, FieldView>,
  pointer: string,
  words: LabelWords,
): string {
  const where = fieldAt(index, pointer);
  if (where.table) {
    const parts = [where.table.label];
    if (where.row !== undefined) parts.push(words.row(where.row + 1));
    if (where.totals) parts.push(words.totals);
    if (where.field) parts.push(where.field.label);
    return parts.join(', ');
  }
  if (where.field) return where.field.label;
  const section = parsePointer(pointer)[0];
  return version.labels[`/${section}`] ?? pointer;
}

/** A value as text for its field: option labels, Yes/No, grouped amounts, dates, file names. */
export function formatValue(
  field: FieldView | undefined,
  value: unknown,
  words: LabelWords,
  attachments: readonly Attachment[] = [],
): string {
  if (value === undefined || value === null || value === '') return words.empty;
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field.type) {
    case 'boolean':
      return value === true ? words.yes : value === false ? words.no : String(value);
    case 'money':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? words.number(value, 3) : String(value);
    case 'decimal':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? words.number(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? words.number(value, 0) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? words.date(value) : String(value);
    case 'select':
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'multiselect':
      return Array.isArray(value)
        ? value.length
          ? words.list(value.map((v) => field.options?.find((o) => o.value === v)?.label ?? String(v)))
          : words.empty
        : String(value);
    case 'attachment':
      return attachments.find((a) => a.id === value)?.fileName ?? String(value);
    case 'table': {
      const rows = isRecord(value) && Array.isArray(value.rows) ? value.rows : null;
      return rows
        ? words.list(rows.map((r, i) => `${words.row(i + 1)}: ${formatRow(field, r, words, attachments)}`))
        : JSON.stringify(value);
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A whole row as "Column: value; …", for a row added or removed. */
export function formatRow(
  table: FieldView | undefined,
  row: unknown,
  words: LabelWords,
  attachments: readonly Attachment[] = [],
): string {
  if (!isRecord(row)) return formatValue(undefined, row, words);
  const columns = table?.columns ?? [];
  const known = columns
    .filter((c) => row[c.id] !== undefined)
    .map((c) => `${c.label}: ${formatValue(c, row[c.id], words, attachments)}`);
  const unknown = Object.keys(row)
    .filter((k) => !columns.some((c) => c.id === k))
    .map((k) => `${k}: ${formatValue(undefined, row[k], words)}`);
  return [...known, ...unknown].join('; ') || words.empty;
}

/** A changed value as text, whatever it is: a leaf, a whole row, or a whole table or section. */
export function formatChangeValue(
  index: Map<string, FieldView>,
  pointer: string,
  value: unknown,
  words: LabelWords,
  attachments: readonly Attachment[] = [],
): string {
  const where = fieldAt(index, pointer);
  if (where.table && (where.row !== undefined || where.totals) && !where.field)
    return formatRow(where.table, value, words, attachments);
  if (where.field) return formatValue(where.field, value, words, attachments);
  if (where.table) return formatValue(where.table, value, words, attachments);
  return formatValue(undefined, value, words);
}

/**
 * Changes at the level a person reads them: a whole section or table that appeared or went (a
 * new document's first save, say) becomes one change per field, and a table's one per row.
 */
export function readableChanges(index: Map<string, FieldView>, changes: readonly FieldChange[]): FieldChange[] {
  const out: FieldChange[] = [];
  const push = (pointer: string, from: unknown, to: unknown) => {
    if (from === undefined && to === undefined) return;
    out.push({ pointer, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  };
  const expand = (pointer: string, from: unknown, to: unknown) => {
    const parts = parsePointer(pointer);
    const where = fieldAt(index, pointer);
    if (parts.length === 1 && (isRecord(from) || isRecord(to))) {
      const a = isRecord(from) ? from : {};
      const b = isRecord(to) ? to : {};
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) expand(`${pointer}/${key}`, a[key], b[key]);
      return;
    }
    if (parts.length === 2 && where.field?.type === 'table' && (isRecord(from) || isRecord(to))) {
      const rowsA = isRecord(from) && Array.isArray(from.rows) ? from.rows : [];
      const rowsB = isRecord(to) && Array.isArray(to.rows) ? to.rows : [];
      for (let i = 0; i < Math.max(rowsA.length, rowsB.length); i++) {
        if (JSON.stringify(rowsA[i]) !== JSON.stringify(rowsB[i])) push(`${pointer}/rows/${i}`, rowsA[i], rowsB[i]);
      }
      const totalsA = isRecord(from) ? from.totals : undefined;
      const totalsB = isRecord(to) ? to.totals : undefined;
      if (JSON.stringify(totalsA) !== JSON.stringify(totalsB)) push(`${pointer}/totals`, totalsA, totalsB);
      return;
    }
    push(pointer, from, to);
  };
  for (const c of changes) expand(c.pointer, c.from, c.to);
  return out;
}

/** Sorts changes in the proforma's order (section, field, row, column) rather than by pointer text. */
export function inFormOrder(version: FormVersionView, changes: FieldChange[]): FieldChange[] {
  const place = new Map<string, number>();
  version.ui.sections.forEach((s, i) => {
    place.set(s.id, i);
    s.fields.forEach((f, j) => {
      place.set(`${s.id}/${f.id}`, j);
      f.columns?.forEach((c, k) => place.set(`${s.id}/${f.id}/${c.id}`, k));
    });
  });
  const key = (pointer: string): number[] => {
    const [s, f, part, row, column] = parsePointer(pointer);
    const rowKey = part === 'rows' ? Number(row) : part === 'totals' ? Number.MAX_SAFE_INTEGER : -1;
    const columnId = part === 'totals' ? row : column;
    return [
      place.get(s) ?? 999,
      f === undefined ? -1 : (place.get(`${s}/${f}`) ?? 999),
      rowKey,
      columnId === undefined ? -1 : (place.get(`${s}/${f}/${columnId}`) ?? 999),
    ];
  };
  return changes
    .map((c) => ({ c, k: key(c.pointer) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.k[3] - b.k[3])
    .map(({ c }) => c);
}
