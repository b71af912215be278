import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { Calendar } from '../common/calendar';
import { AppConfig } from '../config/app-config';
import { Locale } from '../forms/definition';
import { DocumentsService } from '../projects/documents.service';
import { ProjectListItem, ProjectsService } from '../projects/projects.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { WorkflowService } from '../workflow/workflow.service';
import { findTables, sheetNames, tableColumns, tableRows, tablesOf } from './document-tables';
import { DownloadTarget } from './download';
import { ExportDocumentQuery, ExportProjectsQuery } from './dto';
import { EXPORT_WORDS } from './export-words';
import { CellInput, ColumnSpec, CONTENT_TYPES, DownloadAborted, TableSink, TabularWriter } from './tabular-writer';

/** The project list's columns, in order: the key names the header in EXPORT_WORDS. */
const PROJECT_COLUMNS: { key: string; kind: ColumnSpec['kind'] }[] = [
  { key: 'title', kind: 'text' },
  { key: 'department', kind: 'text' },
  { key: 'stage', kind: 'text' },
  { key: 'state', kind: 'text' },
  { key: 'status', kind: 'text' },
  { key: 'form', kind: 'text' },
  { key: 'totalCost', kind: 'number' },
  { key: 'approvedCost', kind: 'number' },
  { key: 'forum', kind: 'text' },
  { key: 'sector', kind: 'text' },
  { key: 'districts', kind: 'text' },
  { key: 'createdAt', kind: 'date' },
  { key: 'updatedAt', kind: 'date' },
  { key: 'id', kind: 'text' },
];

/** Characters that file systems refuse or that would look like a path in a download's name. */
const FILE_NAME_UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;
const FILE_NAME_TITLE_MAX = 80;

/**
 * Spreadsheets out of the province's data: the project list (the list's own filters and sort, up
 * to config.exports.maxRows rows, streamed from a cursor) and a document's tables. Reading goes
 * through ProjectsService and DocumentsService, so the same permissions and province apply.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly documents: DocumentsService,
    private readonly writer: TabularWriter,
    private readonly workflow: WorkflowService,
    private readonly db: TenantDatabase,
    private readonly calendar: Calendar,
    private readonly config: AppConfig,
  ) {}

  async projectList(query: ExportProjectsQuery, locale: Locale, target: DownloadTarget): Promise<void> {
    const format = query.format ?? 'xlsx';
    const words = EXPORT_WORDS[locale];
    const fileName = `projects-${this.db.currentTenant().slug}-${this.calendar.today()}.${format}`;
    // Workflow states by the province's own names for them, in the locale.
    const { config } = await this.workflow.get();
    const stateNames = new Map(config.states.map((s) => [s.id, s.label[locale] || s.label.en]));
    const { maxRows } = this.config.exports;
    let sink: TableSink | undefined;
    let written = 0;
    await this.streaming(
      target,
      () => sink,
      async () => {
        // One row past the cap is read only to know that the list goes on.
        const matched = await this.projects.scan(query, maxRows + 1, async (batch) => {
          // Headers go out with the first batch: a bad filter or a database error before it is an ordinary error
          // answer.
          if (!sink) {
            sink = this.writer.open(format, target.start(fileName, CONTENT_TYPES[format]), {
              rightToLeft: locale === 'ur',
            });
            sink.sheet({
              name: words.sheet,
              columns: PROJECT_COLUMNS.map((c) => ({ header: words[c.key], kind: c.kind })),
            });
          }
          const kept = batch.slice(0, maxRows - written);
          written += kept.length;
          await sink.rows(kept.map((p) => this.projectCells(p, locale, stateNames)));
        });
        // A cut-off list says so in its last row, so nobody takes it for the whole portfolio.
        if (matched > maxRows)
          await sink!.rows([
            [words.truncated.replace('{max}', maxRows.toLocaleString(locale === 'ur' ? 'ur-PK' : 'en'))],
          ]);
        await sink!.end();
      },
    );
  }

  async documentTables(id: string, query: ExportDocumentQuery, locale: Locale, target: DownloadTarget): Promise<void> {
    const format = query.format ?? 'xlsx';
    const { document, data, definition } = await this.documents.contentOf(id);
    const all = tablesOf(definition);
    if (all.length === 0) throw new UnprocessableEntityException(`The form ${definition.key} has no tables to export`);
    const names = `one of ${all.map((t) => t.pointer).join(', ')}`;
    const tables = query.table ? findTables(all, query.table) : all;
    if (tables.length === 0) throw badRequest('table', `table must be ${names}`);
    if (format === 'csv' && tables.length > 1)
      throw badRequest('table', `table is required for CSV (one table per file): ${names}`);
    const title = (document.title ?? '')
      .replace(FILE_NAME_UNSAFE, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, FILE_NAME_TITLE_MAX);
    const part = query.table ? `-${tables[0].field.id}` : '';
    const fileName = `${title ? `${title}-` : ''}${document.formKey}-r${document.revision}${part}.${format}`;
    const sheets = sheetNames(tables, locale);
    let sink: TableSink | undefined;
    await this.streaming(
      target,
      () => sink,
      async () => {
        sink = this.writer.open(format, target.start(fileName, CONTENT_TYPES[format]), {
          rightToLeft: locale === 'ur',
        });
        for (const [i, table] of tables.entries()) {
          sink.sheet({ name: sheets[i], columns: tableColumns(table, locale) });
          await sink.rows(tableRows(table, data as Record<string, unknown>, locale));
        }
        await sink.end();
      },
    );
  }

  /**
   * Errors before the first byte propagate (4xx/5xx); after it the download is cut off, and a client that left just
   * stops it.
   */
  private async streaming(
    target: DownloadTarget,
    started: () => TableSink | undefined,
    work: () => Promise<void>,
  ): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!started()) throw error;
      if (!(error instanceof DownloadAborted)) target.fail(error);
    }
  }

  private projectCells(p: ProjectListItem, locale: Locale, stateNames: Map<string, string>): CellInput[] {
    const words = EXPORT_WORDS[locale];
    const day = (d: Date | string) => this.calendar.dateOf(d instanceof Date ? d : new Date(d));
    return [
      p.title,
      p.departmentName,
      p.stage ? (words[`stage.${p.stage}`] ?? p.stage) : null,
      p.state ? (stateNames.get(p.state) ?? p.state) : null,
      words[`status.${p.status}`] ?? p.status,
      p.formKey,
      p.totalCost,
      p.approvedCost,
      p.forum,
      p.sector,
      p.districts.join(words.listSeparator),
      day(p.createdAt),
      day(p.updatedAt),
      p.id,
    ];
  }
}

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: [message],
    fields: { [field]: [message] },
  });
}
