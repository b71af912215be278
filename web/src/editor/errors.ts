import { parsePointer, within } from './pointer';
import type { FormError } from './types';

/*
 * Errors by where they are shown: per section (navigator counts, summary), per field, per table
 * row and cell. Groups that did not change keep their identity, so memoised sections and rows
 * skip re-rendering while the user types elsewhere.
 */

/** The live checks first; the server's last answer adds what the browser did not find itself. */
export function mergeErrors(live: readonly FormError[], server: readonly FormError[]): FormError[] {
  if (!server.length) return live as FormError[];
  const seen = new Set(live.map((e) => `${e.pointer}|${e.code}`));
  return [...live, ...server.filter((e) => !seen.has(`${e.pointer}|${e.code}`))];
}

/** The server's errors stay until the user edits the place they point at. */
export function dropErrorsAt(errors: FormError[], pointer: string): FormError[] {
  const kept = errors.filter((e) => !within(e.pointer, pointer) && !within(pointer, e.pointer || '/'));
  return kept.length === errors.length ? errors : kept;
}

export const sectionOf = (pointer: string): string => parsePointer(pointer)[0] ?? '';

const sameErrors = (a: readonly FormError[], b: readonly FormError[]) =>
  a.length === b.length && a.every((e, i) => e.pointer === b[i].pointer && e.message === b[i].message);

const EMPTY: FormError[] = [];

/** Errors per section id ('' for the document as a whole), reusing `previous` groups that are unchanged. */
export function groupBySection(
  errors: readonly FormError[],
  previous?: ReadonlyMap<string, FormError[]>,
): Map<string, FormError[]> {
  const groups = new Map<string, FormError[]>();
  for (const e of errors) {
    const key = sectionOf(e.pointer);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  if (previous) {
    for (const [key, list] of groups) {
      const before = previous.get(key);
      if (before && sameErrors(before, list)) groups.set(key, before);
    }
  }
  return groups;
}

export function sectionErrors(groups: ReadonlyMap<string, FormError[]>, sectionId: string): FormError[] {
  return groups.get(sectionId) ?? EMPTY;
}

/** The message for one field: its own errors, joined. */
export function messageAt(errors: readonly FormError[], pointer: string): string | undefined {
  const own = errors.filter((e) => e.pointer === pointer);
  return own.length ? own.map((e) => e.message).join(' · ') : undefined;
}

/** A table's errors: per row and column, on its totals row, and about the table as a whole. */
export interface TableErrors {
  rows: Map<number, Record<string, string>>;
  totals: Record<string, string>;
  table: string[];
}

export function tableErrors(errors: readonly FormError[], tablePointer: string): TableErrors {
  const out: TableErrors = { rows: new Map(), totals: {}, table: [] };
  const prefix = `${tablePointer}/`;
  for (const e of errors) {
    if (e.pointer !== tablePointer && !e.pointer.startsWith(prefix)) continue;
    const rest = e.pointer.slice(prefix.length).split('/');
    if (rest[0] === 'rows' && rest.length >= 3 && /^\d+$/.test(rest[1])) {
      const index = Number(rest[1]);
      const cells = out.rows.get(index) ?? {};
      cells[rest[2]] = cells[rest[2]] ? `${cells[rest[2]]} · ${e.message}` : e.message;
      out.rows.set(index, cells);
    } else if (rest[0] === 'totals' && rest.length === 2) {
      out.totals[rest[1]] = out.totals[rest[1]] ? `${out.totals[rest[1]]} · ${e.message}` : e.message;
    } else out.table.push(e.message);
  }
  return out;
}

export function shallowEqual(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * A cell's message without the "Table, row 3, Column" the validator starts it with (the cell
 * already says where it is), so it fits under the input.
 */
export function cellMessage(message: string, columnLabel: string): string {
  const at = message.indexOf(columnLabel);
  if (at < 0) return message;
  const rest = message.slice(at + columnLabel.length).replace(/^[\s:،,]+/, '');
  return rest || message;
}
