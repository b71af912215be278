import type { FieldType } from '../../../src/forms/definition';

/*
 * What a typed number becomes in the data. Money and decimals stay the decimal STRING the schema
 * expects ("1250.5"), never a float; integers become JSON integers. Urdu and Arabic-Indic digits
 * and the Arabic decimal separator are read as what they mean, grouping commas are dropped; any
 * other character is kept, so the validator can say what is wrong instead of the input eating it.
 */

const DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;

export function normaliseNumberText(raw: string): string {
  return raw
    .replace(DIGITS, (d) => String(d.charCodeAt(0) & 0xf))
    .replace(/\u066B/g, '.')
    .replace(/[,\u066C\s]/g, '');
}

export const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['integer', 'decimal', 'money']);

/** The data value for what is in a number input; undefined (absent) when it is empty. */
export function numberValue(type: FieldType, raw: string): string | number | undefined {
  const text = normaliseNumberText(raw);
  if (text === '') return undefined;
  if (type === 'integer' && /^-?\d{1,15}$/.test(text)) {
    const n = Number(text);
    if (Number.isSafeInteger(n)) return n;
  }
  return text;
}

/** What a number input shows for a stored value. */
export function numberText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * A decimal string for display, grouped in thousands ("1,250.500"), padded to `minFraction`
 * decimals. Done on the text itself: a float would round the last digits of large totals.
 */
export function formatDecimalText(text: string, minFraction = 0): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = ''] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = fraction.padEnd(minFraction, '0');
  return `${sign}${grouped}${digits ? `.${digits}` : ''}`;
}
