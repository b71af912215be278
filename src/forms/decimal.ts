import Decimal from 'decimal.js';

/**
 * Exact arithmetic for money and quantities. 40 significant digits hold any rupee amount with
 * room to spare; half-up is how amounts are rounded on the proformae.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = Decimal;

const DECIMAL_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Digits allowed before the point: up to 999,999,999,999.999 (Rs million) — far above any budget. */
export const MAX_INTEGER_DIGITS = 12;
/**
 * Digits a computed figure (a total of many rows) may have before the point: room for sums of
 * the largest entered amounts, and what the database stores (numeric(18, 3)).
 */
export const MAX_COMPUTED_INTEGER_DIGITS = 15;
export const MONEY_SCALE = 3;
export const DECIMAL_SCALE = 4;

/**
 * A decimal from form data: decimal strings and safe integers only (a JSON fraction has already
 * been through a float). Empty values are `null`; anything else is `undefined` (not a number).
 */
export function toDecimal(value: unknown): Dec | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && value.length <= 64 && DECIMAL_TEXT.test(value)) return new Dec(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return new Dec(value);
  if (value instanceof Dec) return value;
  return undefined;
}

/** The JSON Schema pattern for a decimal string with at most `scale` fractional digits. */
export function decimalPattern(scale: number, allowNegative: boolean): string {
  const sign = allowNegative ? '-?' : '';
  const fraction = scale > 0 ? `(\\.[0-9]{1,${scale}})?` : '';
  return `^${sign}(0|[1-9][0-9]{0,${MAX_INTEGER_DIGITS - 1}})${fraction}$`;
}

export function formatDecimal(value: Dec, scale: number): string {
  return value.toFixed(scale);
}
