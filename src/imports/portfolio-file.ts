import { BadRequestException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Dec } from '../forms/decimal';
import { columnOfHeader } from './portfolio-rows';
import { PORTFOLIO_COLUMNS, PORTFOLIO_SHEET, PortfolioColumnKey, RawPortfolioRow } from './portfolio-template';

/*
 * Reading a portfolio file (XLSX workbook or CSV) into rows of text cells, each with the row
 * number the province sees in its spreadsheet (the header is row 1). Problems with the file as a
 * whole (not a workbook, unknown or missing headers, too many rows) are a 400 naming `file`;
 * problems of single cells are the row checks' business (portfolio-rows.ts).
 */

export type PortfolioFormat = 'xlsx' | 'csv';

/** Rows one import may carry (a province's whole ADP is some thousands of schemes). */
export const MAX_IMPORT_ROWS = 5000;

/** An XLSX file is a ZIP archive. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface ReadRow {
  row: number;
  raw: RawPortfolioRow;
}

const refuse = (why: string): never => {
  throw new BadRequestException({ message: [`file: ${why}`] });
};

export function formatOf(fileName: string, contentType: string, bytes: Buffer): PortfolioFormat {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return refuse('is named .xlsx but is not an XLSX workbook');
  if (name.endsWith('.csv') || contentType.startsWith('text/')) return 'csv';
  return refuse('must be an XLSX workbook or a CSV file (the template: GET /api/imports/portfolio/template)');
}

/** Maps header cells to columns; unknown and repeated headers and missing required columns refuse the file. */
function columnsOf(headers: string[]): (PortfolioColumnKey | null)[] {
  const columns = headers.map((h) =>
    h.trim() ? (columnOfHeader(h) ?? refuse(`unknown column "${h.trim()}" in the header row`)) : null,
  );
  const repeated = columns.find((c, i) => c && columns.indexOf(c) !== i);
  if (repeated) refuse(`the column "${repeated}" appears twice in the header row`);
  const missing = PORTFOLIO_COLUMNS.filter((c) => c.required && !columns.includes(c.key)).map((c) => c.key);
  if (missing.length) refuse(`the header row lacks the required column(s) ${missing.join(', ')}`);
  return columns;
}

function rowOf(columns: (PortfolioColumnKey | null)[], cells: string[]): RawPortfolioRow | null {
  const raw: RawPortfolioRow = {};
  let any = false;
  columns.forEach((column, i) => {
    const value = (cells[i] ?? '').trim();
    if (column && value) {
      raw[column] = value;
      any = true;
    }
  });
  return any ? raw : null;
}

const tooMany = () => refuse(`has more than ${MAX_IMPORT_ROWS} rows; split the portfolio into several files`);

export function readCsv(bytes: Buffer): ReadRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(bytes, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    return refuse(`is not readable as CSV (${(error as Error).message})`);
  }
  if (!records.length) return refuse('is empty: the first line must be the header row of the template');
  const columns = columnsOf(records[0].record);
  const rows: ReadRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const raw = rowOf(columns, record);
    if (raw) rows.push({ row: info.lines, raw });
    if (rows.length > MAX_IMPORT_ROWS) tooMany();
  }
  return rows;
}

/**
 * Significant digits a spreadsheet shows of a number (Excel displays and types at most 15); the
 * 16th and 17th digits of a stored number are the float's, not the province's.
 */
const SPREADSHEET_DIGITS = 15;

/**
 * A number cell as the spreadsheet shows it: a whole number as its digits, a fraction rounded to
 * the digits a spreadsheet holds, with decimal.js (never through float arithmetic). 1234.56 and a
 * formula whose float result is 1234.5600000000002 both read "1234.56"; a genuine fourth decimal
 * stays and the money check refuses it, as it would in CSV or JSON.
 */
function numberText(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return new Dec(value).toSignificantDigits(SPREADSHEET_DIGITS).toFixed();
}

/** A cell as the province typed it: text as is, numbers as the sheet shows them, dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  if (typeof value === 'number') return numberText(value);
  return String(value);
}

export async function readXlsx(bytes: Buffer): Promise<ReadRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return refuse(`is not a readable XLSX workbook (${(error as Error).message})`);
  }
  const sheet = workbook.getWorksheet(PORTFOLIO_SHEET) ?? workbook.worksheets[0];
  if (!sheet) return refuse('has no worksheet');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) tooMany();
  const width = Math.max(sheet.columnCount, 1);
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const columns = columnsOf(cellsOf(sheet.getRow(1)));
  const rows: ReadRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const raw = rowOf(columns, cellsOf(sheet.getRow(n)));
    if (raw) rows.push({ row: n, raw });
  }
  return rows;
}

/** The file's rows, whichever format it is. */
export async function readPortfolioFile(format: PortfolioFormat, bytes: Buffer): Promise<ReadRow[]> {
  const rows = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  if (!rows.length) refuse('has a header row but no project rows');
  return rows;
}

// --- the template ------------------------------------------------------------------------------

const HEADER_WIDTH = 18;
const TEXT_FORMAT = '@';

/**
 * The XLSX template: the portfolio sheet (English headers, each with its English and Urdu note, one example row) and an
 * instructions sheet.
 */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Daftar';
  const sheet = workbook.addWorksheet(PORTFOLIO_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PORTFOLIO_COLUMNS.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.max(HEADER_WIDTH, c.key.length + 4),
    style: { numFmt: TEXT_FORMAT },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  PORTFOLIO_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).note =
      `${c.required ? 'Required. ' : ''}${c.note.en}\n${c.required ? 'لازمی۔ ' : ''}${c.note.ur}`;
  });
  sheet.addRow(Object.fromEntries(PORTFOLIO_COLUMNS.map((c) => [c.key, c.example])));

  const instructions = workbook.addWorksheet('instructions');
  instructions.columns = [
    { header: 'Column', key: 'column', width: 20 },
    { header: 'Required', key: 'required', width: 10 },
    { header: 'English', key: 'en', width: 80 },
    { header: 'اردو', key: 'ur', width: 80 },
  ];
  instructions.getRow(1).font = { bold: true };
  for (const c of PORTFOLIO_COLUMNS)
    instructions.addRow({ column: c.key, required: c.required ? 'yes / ہاں' : '', en: c.note.en, ur: c.note.ur });
  instructions.addRow({});
  instructions.addRow({
    en:
      'One row per decision of a project document; repeat the project columns ' +
      'on each of its rows and the document columns on each of its decisions.',
    ur:
      'ہر سطر کسی منصوبے کی دستاویز کا ایک فیصلہ ہے؛ منصوبے کے کالم ' +
      'اس کی ہر سطر پر اور دستاویز کے کالم اس کے ہر فیصلے پر دہرائیں۔',
  });
  instructions.getColumn('ur').alignment = { horizontal: 'right', readingOrder: 'rtl' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV template: one header line and the example row. */
export function csvTemplate(): Buffer {
  const lines = [PORTFOLIO_COLUMNS.map((c) => c.key), PORTFOLIO_COLUMNS.map((c) => c.example)].map((cells) =>
    cells.map(csvCell).join(','),
  );
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
