import { Injectable } from '@nestjs/common';
import { stringify, Stringifier } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { csvNumber, neutraliseText, xlsxNumber } from '../common/cell-safety';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** text: neutralised against formulas; number: a decimal string or number; date: a calendar day YYYY-MM-DD. */
export interface ColumnSpec {
  header: string;
  kind: 'text' | 'number' | 'date';
}

export interface SheetSpec {
  /** XLSX sheet name (at most 31 characters, none of []:*?/\); ignored by CSV. */
  name: string;
  columns: ColumnSpec[];
}

export type CellInput = string | number | null | undefined;

/** A spreadsheet being written to a stream: sheets one after the other, rows in batches. */
export interface TableSink {
  sheet(spec: SheetSpec): void;
  /** Writes rows and waits while the client is slower than we are (backpressure). */
  rows(rows: CellInput[][]): Promise<void>;
  end(): Promise<void>;
}

/** The client went away mid-download: stop reading rows. */
export class DownloadAborted extends Error {}

const COLUMN_WIDTH: Record<ColumnSpec['kind'], number> = { text: 36, number: 18, date: 12 };
/** Amounts in Rs million carry three decimals throughout the forms. */
const NUMBER_FORMAT = '#,##0.000';
const DATE_FORMAT = 'yyyy-mm-dd';
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Resolves when `stream` may take more, or when `out` is gone (then the caller sees it destroyed). */
async function roomIn(stream: Writable, out: Writable): Promise<void> {
  if (out.destroyed) throw new DownloadAborted();
  if (!stream.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      out.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    out.once('close', done);
  });
  if (out.destroyed) throw new DownloadAborted();
}

/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed (serialised and
 * deflated) as it is added, so memory holds the current batch, not the workbook. Inline strings
 * rather than a shared-strings table, which would keep every distinct title in memory to the end.
 */
class XlsxSink implements TableSink {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private current?: { sheet: ExcelJS.Worksheet; columns: ColumnSpec[] };

  constructor(
    private readonly out: Writable,
    private readonly rightToLeft: boolean,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  }

  sheet(spec: SheetSpec): void {
    this.current?.sheet.commit();
    const sheet = this.workbook.addWorksheet(spec.name, {
      views: [{ rightToLeft: this.rightToLeft, state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = spec.columns.map((c) => ({
      header: neutraliseText(c.header),
      width: COLUMN_WIDTH[c.kind],
      style: c.kind === 'number' ? { numFmt: NUMBER_FORMAT } : c.kind === 'date' ? { numFmt: DATE_FORMAT } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    this.current = { sheet, columns: spec.columns };
  }

  async rows(rows: CellInput[][]): Promise<void> {
    const { sheet, columns } = this.current!;
    for (const row of rows) sheet.addRow(row.map((value, i) => this.cell(columns[i]?.kind ?? 'text', value))).commit();
    await roomIn(this.out, this.out);
  }

  async end(): Promise<void> {
    this.current?.sheet.commit();
    await this.workbook.commit();
  }

  private cell(kind: ColumnSpec['kind'], value: CellInput): ExcelJS.CellValue {
    if (value === null || value === undefined || value === '') return null;
    if (kind === 'number') return xlsxNumber(value);
    const day = kind === 'date' && typeof value === 'string' ? CALENDAR_DAY.exec(value) : null;
    // A real date cell (midnight UTC of that day, which Excel shows as the day itself).
    if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return neutraliseText(String(value));
  }
}

/**
 * CSV through csv-stringify, with a UTF-8 byte-order mark: without it Excel reads the file in the
 * machine's ANSI code page and Urdu turns into mojibake. One table per file.
 */
class CsvSink implements TableSink {
  private readonly stringifier: Stringifier;
  private columns?: ColumnSpec[];

  constructor(private readonly out: Writable) {
    this.stringifier = stringify({ bom: true, record_delimiter: 'windows' });
    this.stringifier.pipe(out);
  }

  sheet(spec: SheetSpec): void {
    if (this.columns) throw new Error('A CSV file holds one table');
    this.columns = spec.columns;
    this.stringifier.write(spec.columns.map((c) => neutraliseText(c.header)));
  }

  async rows(rows: CellInput[][]): Promise<void> {
    const columns = this.columns!;
    for (const row of rows) {
      const record = row.map((value, i) => {
        if (value === null || value === undefined) return '';
        return columns[i]?.kind === 'number' ? csvNumber(value) : neutraliseText(String(value));
      });
      if (!this.stringifier.write(record)) await roomIn(this.stringifier, this.out);
    }
    await roomIn(this.out, this.out);
  }

  async end(): Promise<void> {
    this.stringifier.end();
    await finished(this.out);
  }
}

/** Spreadsheet output (XLSX via exceljs, CSV via csv-stringify) streamed to any writable, e.g. an HTTP response. */
@Injectable()
export class TabularWriter {
  open(format: ExportFormat, out: Writable, options: { rightToLeft: boolean }): TableSink {
    return format === 'xlsx' ? new XlsxSink(out, options.rightToLeft) : new CsvSink(out);
  }
}
