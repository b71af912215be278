import jsonLogic from 'json-logic-js';
import { Dec, toDecimal } from './decimal';

/*
 * Rules are JSONLogic (jsonlogic.com), which has evaluators for the browser and the server.
 * JSONLogic's own arithmetic uses floats, so money goes through these decimal operations
 * instead; a browser registers the same operations (this file has no server dependencies) and
 * reaches the same figures. Operands are decimal strings; empty counts as 0; anything that is
 * not a number makes the result null, and the field's own validation reports it.
 */

type Operand = unknown;

function decimals(values: Operand[]): Dec[] | null {
  const out: Dec[] = [];
  for (const v of values) {
    const d = toDecimal(v);
    if (d === undefined) return null;
    out.push(d ?? new Dec(0));
  }
  return out;
}

const text = (d: Dec | null) => (d === null ? null : d.toString());

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
    const ds = decimals(rows.map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>)[column] : undefined)));
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
};

for (const [name, operation] of Object.entries(DECIMAL_OPERATIONS)) jsonLogic.add_operation(name, operation);

/** Operators a definition may use: JSONLogic's data, logic and string operators plus ours. */
export const ALLOWED_OPERATORS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', 'in', 'cat', 'substr',
  '<', '<=', '>', '>=', 'some', 'all', 'none', 'merge',
  ...Object.keys(DECIMAL_OPERATIONS),
]);

export function evaluate(logic: unknown, data: unknown): unknown {
  return jsonLogic.apply(logic as jsonLogic.RulesLogic, data);
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

/** The data paths a rule reads (its `var`s), to check they name real fields. */
export function variablesOf(logic: unknown, found: string[] = []): string[] {
  if (Array.isArray(logic)) {
    for (const item of logic) variablesOf(item, found);
  } else if (logic && typeof logic === 'object') {
    for (const [op, args] of Object.entries(logic)) {
      if (op === 'var') {
        const name = Array.isArray(args) ? args[0] : args;
        if (typeof name === 'string') found.push(name);
      } else variablesOf(args, found);
    }
  }
  return found;
}
