import jsonLogic from 'json-logic-js';
import { Dec, toDecimal } from './decimal';
import { isPlaceholder } from './placeholders';

/*
 * Rules are JSONLogic (jsonlogic.com), which has evaluators for the browser and the server.
 * JSONLogic's own arithmetic uses floats, so money goes through these decimal operations
 * instead; a browser registers the same operations (this file has no server dependencies) and
 * reaches the same figures. Operands are decimal strings; empty counts as 0; anything that is
 * not a number makes the result null, and the field's own validation reports it. Besides money
 * there are operations on dates and financial years and on table rows, for the scrutiny checks
 * (catalogue/scrutiny-checks.ts).
 */

type Operand = unknown;

/** Figures already read in the validation under way (see withDecimalMemo); null outside one. */
let memo: Map<string, Dec | null | undefined> | null = null;

/**
 * toDecimal, reading each distinct text once while a validation runs: a form's figures come back
 * again and again (a row's total in the table's sum, the sum in cross-checks). Decimals are
 * immutable, so sharing one is safe.
 */
export function decimalOf(value: unknown): Dec | null | undefined {
  if (memo === null || typeof value !== 'string') return toDecimal(value);
  let d = memo.get(value);
  if (d === undefined && !memo.has(value)) memo.set(value, (d = toDecimal(value)));
  return d;
}

/** Runs `work` (synchronous) with decimalOf remembering the figures it reads; forgotten afterwards. */
export function withDecimalMemo<T>(work: () => T): T {
  if (memo !== null) return work();
  memo = new Map();
  try {
    return work();
  } finally {
    memo = null;
  }
}

function decimals(values: Operand[]): Dec[] | null {
  const out: Dec[] = [];
  for (const v of values) {
    const d = decimalOf(v);
    if (d === undefined) return null;
    out.push(d ?? new Dec(0));
  }
  return out;
}

/** A result as decimal text; the validation under way keeps its value, so reading it back costs nothing. */
export function decimalText(d: Dec): string;
export function decimalText(d: Dec | null): string | null;
export function decimalText(d: Dec | null): string | null {
  if (d === null) return null;
  const written = d.toString();
  // Only text toDecimal reads back as this same value (no exponent, at most 64 characters).
  if (memo !== null && written.length <= 64 && !written.includes('e')) memo.set(written, d);
  return written;
}

const text = decimalText;

type Row = Record<string, unknown>;
const isRow = (r: unknown): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r);

/*
 * Dates and financial years. A date is ISO text (YYYY-MM-DD, what the date fields hold); a
 * financial year is "2024-25". Pakistan's financial year runs 1 July to 30 June, so 2024-07-01
 * is in 2024-25 and 2024-06-30 in 2023-24. ISO dates and financial years sort as text, so
 * JSONLogic's own <, <=, > compare them; these operations return null for anything that is not
 * a real calendar date, and the field's own validation reports it.
 */

/** The month a financial year starts (July). */
const FY_FIRST_MONTH = 7;
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function calendarDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function dayAfter(d: CalendarDate): CalendarDate {
  if (d.day < daysInMonth(d.year, d.month)) return { ...d, day: d.day + 1 };
  return d.month === 12 ? { year: d.year + 1, month: 1, day: 1 } : { year: d.year, month: d.month + 1, day: 1 };
}

/** Blank: nothing entered (null, '', only spaces, an empty list). */
const isBlank = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The non-blank text values of one column, for ordering (dates, financial years). */
function columnTexts(rows: unknown, column: unknown): string[] {
  if (!Array.isArray(rows) || typeof column !== 'string') return [];
  return rows
    .map((r) => (isRow(r) ? r[column] : undefined))
    .filter((v): v is string => typeof v === 'string' && !isBlank(v));
}

export const DATE_AND_ROW_OPERATIONS: Record<string, (...args: Operand[]) => unknown> = {
  /** A real calendar date in ISO form: guards a date comparison so it never runs on a half-typed date. */
  is_date: (v) => calendarDate(v) !== null,
  /** True when every value is entered (not blank): the guard that keeps checks quiet on drafts. */
  filled: (...values) => values.every((v) => !isBlank(v)),
  /** A narrative item really answered: entered and not a placeholder such as "-", "n/a", "same as above". */
  answered: (v) => !isBlank(v) && !isPlaceholder(v),
  /** The financial year of a date: "2024-07-01" → "2024-25", "2024-06-30" → "2023-24". */
  fiscal_year: (v) => {
    const d = calendarDate(v);
    if (!d) return null;
    const start = d.month >= FY_FIRST_MONTH ? d.year : d.year - 1;
    return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  },
  /**
   * Whole months from `start` to `end`, the end day counted (a period 1 July 2024 – 30 June 2027
   * is 36 months, as a PC-I states it). A start on the 31st reaches the last day of a shorter
   * month. Null when either is not a date or the end is before the start.
   */
  months_between: (start, end) => {
    const a = calendarDate(start);
    const last = calendarDate(end);
    if (!a || !last || String(end) < String(start)) return null;
    const b = dayAfter(last);
    const months = (b.year - a.year) * 12 + (b.month - a.month);
    return b.day >= Math.min(a.day, daysInMonth(b.year, b.month)) ? months : months - 1;
  },
  /** The smallest non-blank text of a column (earliest date or financial year), null if none. */
  column_min: (rows, column) =>
    columnTexts(rows, column).reduce<string | null>((min, v) => (min === null || v < min ? v : min), null),
  /** The largest non-blank text of a column (latest date or financial year), null if none. */
  column_max: (rows, column) =>
    columnTexts(rows, column).reduce<string | null>((max, v) => (max === null || v > max ? v : max), null),
  /**
   * How many different values a column has (e.g. how many financial years a phasing spans);
   * with `amountColumn`, only rows whose amount is a non-zero figure count.
   */
  count_distinct: (rows, column, amountColumn) => {
    if (!Array.isArray(rows) || typeof column !== 'string') return 0;
    const counted = rows.filter((r) => {
      if (!isRow(r) || isBlank(r[column])) return false;
      if (typeof amountColumn !== 'string') return true;
      const d = decimalOf(r[amountColumn]);
      return !!d && !d.isZero();
    }) as Row[];
    return new Set(counted.map((r) => String(r[column]))).size;
  },
};

function compare(test: (c: number) => boolean) {
  return (a: Operand, b: Operand) => {
    const ds = decimals([a, b]);
    return ds === null ? false : test(ds[0].cmp(ds[1]));
  };
}

export const DECIMAL_OPERATIONS: Record<string, (...args: Operand[]) => unknown> = {
  dec_add: (...args) => {
    const ds = decimals(args);
    return ds && text(ds.reduce((sum, d) => sum.plus(d), new Dec(0)));
  },
  dec_sub: (a, b) => {
    const ds = decimals([a, b]);
    return ds && text(ds[0].minus(ds[1]));
  },
  dec_mul: (a, b) => {
    const ds = decimals([a, b]);
    return ds && text(ds[0].times(ds[1]));
  },
  dec_div: (a, b) => {
    const ds = decimals([a, b]);
    return ds && !ds[1].isZero() ? text(ds[0].dividedBy(ds[1])) : null;
  },
  /** Sum of one column over an array of rows: ["capitalCost.estimate.rows" value, "total"]. */
  dec_sum: (rows, column) => {
    if (!Array.isArray(rows) || typeof column !== 'string') return '0';
    const ds = decimals(
      rows.map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>)[column] : undefined)),
    );
    return ds && text(ds.reduce((sum, d) => sum.plus(d), new Dec(0)));
  },
  /** Percentage change from `before` to `after`; null when `before` is zero. */
  dec_pct_change: (before, after) => {
    const ds = decimals([before, after]);
    return ds && !ds[0].isZero() ? text(ds[1].minus(ds[0]).dividedBy(ds[0]).times(100)) : null;
  },
  dec_eq: compare((c) => c === 0),
  dec_lt: compare((c) => c < 0),
  dec_lte: compare((c) => c <= 0),
  dec_gt: compare((c) => c > 0),
  dec_gte: compare((c) => c >= 0),
  /** Absolute value: the size of a difference, for a tolerance that is a share of a figure. */
  dec_abs: (a) => {
    const ds = decimals([a]);
    return ds && text(ds[0].abs());
  },
  /** `pct` per cent of `whole` ("90 % of the cost"): exact, so a boundary such as 90 % is met exactly. */
  dec_pct_of: (pct, whole) => {
    const ds = decimals([pct, whole]);
    return ds && text(ds[1].times(ds[0]).dividedBy(100));
  },
  /** Sum of `column` over the rows whose `keyColumn` equals `value` (committed sub-schemes' cost). */
  dec_sum_where: (rows, column, keyColumn, value) => {
    if (!Array.isArray(rows) || typeof column !== 'string' || typeof keyColumn !== 'string') return '0';
    const matching = rows.filter((r) => isRow(r) && r[keyColumn] === value) as Row[];
    const ds = decimals(matching.map((r) => r[column]));
    return ds && text(ds.reduce((sum, d) => sum.plus(d), new Dec(0)));
  },
};

for (const [name, operation] of Object.entries({ ...DECIMAL_OPERATIONS, ...DATE_AND_ROW_OPERATIONS }))
  jsonLogic.add_operation(name, operation);

/** Operators a definition may use: JSONLogic's data, logic and string operators plus ours. */
export const ALLOWED_OPERATORS = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  'in',
  'cat',
  'substr',
  '<',
  '<=',
  '>',
  '>=',
  'some',
  'all',
  'none',
  'merge',
  ...Object.keys(DECIMAL_OPERATIONS),
  ...Object.keys(DATE_AND_ROW_OPERATIONS),
]);

export function evaluate(logic: unknown, data: unknown): unknown {
  return jsonLogic.apply(logic as jsonLogic.RulesLogic, data);
}

/**
 * A rule made into a function once. `row`, for a rule on a table's rows, is what `{"var": "row…"}`
 * reads: compiled(data, row) gives what evaluate(logic, { ...data, row }) gives, without building
 * that object for every row; compiled(data) what evaluate(logic, data) gives.
 */
export type CompiledLogic = (data: unknown, row?: unknown) => unknown;

const OUR_OPERATIONS: Record<string, (...args: Operand[]) => unknown> = {
  ...DECIMAL_OPERATIONS,
  ...DATE_AND_ROW_OPERATIONS,
};

/** JSONLogic's own operators that compileLogic runs itself, with json-logic-js's exact code. */
const BUILT_IN: Record<string, (...args: Operand[]) => unknown> = {
  // JSONLogic's == and != are JavaScript's loose ones.
  // eslint-disable-next-line eqeqeq
  '==': (a, b) => a == b,
  '===': (a, b) => a === b,
  // eslint-disable-next-line eqeqeq
  '!=': (a, b) => a != b,
  '!==': (a, b) => a !== b,
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
  '<': (a, b, c) =>
    c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number),
  '<=': (a, b, c) =>
    c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number),
  '!!': (a) => jsonLogic.truthy(a),
  '!': (a) => !jsonLogic.truthy(a),
  in: (a, b) => {
    const list = b as { indexOf?: (x: unknown) => number } | null | undefined;
    if (!list || typeof list.indexOf === 'undefined') return false;
    return list.indexOf(a) !== -1;
  },
  cat: (...args) => args.join(''),
  merge: (...args) => args.reduce<unknown[]>((a, b) => a.concat(b), []),
};

const isLogic = (logic: unknown): logic is Record<string, unknown> =>
  typeof logic === 'object' && logic !== null && !Array.isArray(logic) && Object.keys(logic).length === 1;

const truthy = (value: unknown): boolean => jsonLogic.truthy(value);

/** The data json-logic-js would be given: the form's data, with `row` added for a row-scoped rule. */
const scopeOf = (data: unknown, row: unknown) => (row === undefined ? data : { ...(data as object), row });

/**
 * Compiles a rule into nested closures once, so validating a form no longer re-reads each rule's
 * JSON (operator lookup, `var` paths split on every call). It mirrors json-logic-js's apply():
 * the same operators with the same code, `if`/`and`/`or` and the row operators short-circuiting
 * as there, arguments of every other operator evaluated first; anything it does not know (e.g.
 * `missing`, a computed `var` name) is left to json-logic-js itself, on the same data. A test
 * compares the two on every rule of the catalogue.
 */
export function compileLogic(logic: unknown): CompiledLogic {
  if (Array.isArray(logic)) {
    const items = logic.map(compileLogic);
    return (data, row) => items.map((item) => item(data, row));
  }
  if (!isLogic(logic)) return () => logic;
  const op = Object.keys(logic)[0];
  const raw = logic[op];
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  const interpreted: CompiledLogic = (data, row) => jsonLogic.apply(logic as jsonLogic.RulesLogic, scopeOf(data, row));
  switch (op) {
    case 'var':
      return compileVar(values) ?? interpreted;
    case 'if':
    case '?:': {
      const parts = values.map(compileLogic);
      return (data, row) => {
        let i = 0;
        for (; i < parts.length - 1; i += 2) if (truthy(parts[i](data, row))) return parts[i + 1](data, row);
        return parts.length === i + 1 ? parts[i](data, row) : null;
      };
    }
    case 'and':
    case 'or': {
      const parts = values.map(compileLogic);
      const stopOn = op === 'or';
      return (data, row) => {
        let current: unknown;
        for (const part of parts) {
          current = part(data, row);
          if (truthy(current) === stopOn) return current;
        }
        return current;
      };
    }
    case 'all':
    case 'some':
    case 'none': {
      const list = compileLogic(values[0]);
      // Inside, `var` names a column of each item: the item is all the data there is.
      const each = compileLogic(values[1]);
      // all: false on an empty list, stops at the first falsy; some/none: stop at the first truthy.
      const empty = op === 'none';
      return (data, row) => {
        const items = list(data, row);
        if (!Array.isArray(items) || !items.length) return empty;
        for (const item of items) {
          const holds = truthy(each(item));
          if (op === 'all' ? !holds : holds) return op === 'some';
        }
        return op !== 'some';
      };
    }
  }
  const operation = BUILT_IN[op] ?? (Object.hasOwn(OUR_OPERATIONS, op) ? OUR_OPERATIONS[op] : undefined);
  if (!operation) return interpreted;
  // None of these operations reads `this` (json-logic-js binds it to the data).
  const args = values.map(compileLogic);
  switch (args.length) {
    case 1: {
      const [a] = args;
      return (data, row) => operation(a(data, row));
    }
    case 2: {
      const [a, b] = args;
      return (data, row) => operation(a(data, row), b(data, row));
    }
    default:
      return (data, row) => operation(...args.map((arg) => arg(data, row)));
  }
}

/** Follows `path` from `value` as json-logic-js's `var` does. */
function walk(value: unknown, path: readonly string[], notFound: unknown): unknown {
  for (const key of path) {
    if (value === null || value === undefined) return notFound;
    value = (value as Record<string, unknown>)[key];
    if (value === undefined) return notFound;
  }
  return value;
}

/** `var` with a literal path (and a literal or no default), as json-logic-js reads it; else null. */
function compileVar(values: unknown[]): CompiledLogic | null {
  const [name, fallback] = values;
  const literal = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');
  if (!literal(name) || !literal(fallback)) return null;
  const notFound = fallback === undefined ? null : fallback;
  if (name === undefined || name === '' || name === null) return scopeOf;
  const path = String(name).split('.');
  if (path[0] !== 'row') return (data) => walk(data, path, notFound);
  // { ...data, row } holds `row` itself: its "row" is the row, whatever the data has under that name.
  const inRow = path.slice(1);
  return (data, row) => (row === undefined ? walk(data, path, notFound) : walk(row, inRow, notFound));
}

/** Operators used by a rule that are not allowed (reported when a definition is checked). */
export function unknownOperators(logic: unknown, found: string[] = []): string[] {
  if (Array.isArray(logic)) {
    for (const item of logic) unknownOperators(item, found);
  } else if (logic && typeof logic === 'object') {
    for (const [op, args] of Object.entries(logic)) {
      if (!ALLOWED_OPERATORS.has(op)) found.push(op);
      unknownOperators(args, found);
    }
  }
  return found;
}

/*
 * Row conditions: JSONLogic's all / some / none evaluate their second argument against each item
 * of the list their first argument reads, so a `var` inside it names a column of that row, not a
 * form field. Beware: `all` of an empty list is false; "every row satisfies X" is therefore
 * written as `none` of the rows that break X, which holds when there are no rows.
 */
const ROW_SCOPED_OPERATORS = new Set(['all', 'some', 'none']);

const varName = (args: unknown) => {
  const name = Array.isArray(args) ? args[0] : args;
  return typeof name === 'string' ? name : undefined;
};

/**
 * The data paths a rule reads (its `var`s), to check they name real fields; row conditions'
 * columns are not included.
 */
export function variablesOf(logic: unknown, found: string[] = []): string[] {
  if (Array.isArray(logic)) {
    for (const item of logic) variablesOf(item, found);
  } else if (logic && typeof logic === 'object') {
    for (const [op, args] of Object.entries(logic)) {
      if (op === 'var') {
        const name = varName(args);
        if (name !== undefined) found.push(name);
      } else if (ROW_SCOPED_OPERATORS.has(op) && Array.isArray(args)) variablesOf(args[0], found);
      else variablesOf(args, found);
    }
  }
  return found;
}

/** The columns each row condition reads: `list` is what its rows come from (a path when it is a plain `var`). */
export function rowConditionsOf(
  logic: unknown,
  found: { list: string | undefined; columns: string[] }[] = [],
): { list: string | undefined; columns: string[] }[] {
  if (Array.isArray(logic)) {
    for (const item of logic) rowConditionsOf(item, found);
  } else if (logic && typeof logic === 'object') {
    for (const [op, args] of Object.entries(logic)) {
      if (ROW_SCOPED_OPERATORS.has(op) && Array.isArray(args)) {
        const list =
          args[0] && typeof args[0] === 'object' && 'var' in args[0]
            ? varName((args[0] as { var: unknown }).var)
            : undefined;
        found.push({ list, columns: variablesOf(args[1]) });
        rowConditionsOf(args[0], found);
      } else rowConditionsOf(args, found);
    }
  }
  return found;
}
