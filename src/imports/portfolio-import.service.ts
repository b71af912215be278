import { createHash } from 'node:crypto';
import { BadRequestException, ForbiddenException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import stringify from 'safe-stable-stringify';
import { EntityManager } from 'typeorm';
import { APPROVING_DECISIONS, RoutingWarning } from '../approvals/approval-record';
import { ApprovalsService } from '../approvals/approvals.service';
import { AuditService } from '../audit/audit.service';
import { Calendar } from '../common/calendar';
import { DepartmentsService } from '../departments/departments.service';
import { EDITIONS } from '../forms/catalogue/editions';
import { Dec } from '../forms/decimal';
import { MasterDataService } from '../master-data/master-data.service';
import { FinalStates, ImportedProjectsService } from '../projects/imported-projects.service';
import { decideRouting } from '../routing/forum-rules';
import { ForumRule, ForumRulesService } from '../routing/forum-rules.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { WorkflowService } from '../workflow/workflow.service';
import { ImportsRepository } from './imports.repository';
import { csvTemplate, formatOf, PortfolioFormat, ReadRow, readPortfolioFile, xlsxTemplate } from './portfolio-file';
import {
  cellText,
  ImportedDecisionPlan,
  ImportedDocumentPlan,
  ImportedKind,
  ImportedProjectPlan,
  NormalizedRow,
  Pc1Variant,
  planPortfolio,
  PortfolioReference,
  RowProblem,
  rowOrderKey,
} from './portfolio-rows';
import {
  COLUMN_BY_KEY,
  IMPORTED_KINDS,
  PC1_VARIANTS,
  PORTFOLIO_COLUMNS,
  PortfolioColumnKey,
  RawPortfolioRow,
} from './portfolio-template';

/** The role that may import besides those that take forum decisions in the province's workflow. */
const ADMIN_ROLE = 'tenant_admin';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TEMPLATE_NAME = 'daftar-portfolio-template';

export type ProjectOutcome = 'created' | 'unchanged' | 'conflict' | 'refused';

/** A routing remark on an imported decision: the record is kept (it is a fact), the remark with it. */
export interface ImportWarning {
  row: number;
  column: 'forum';
  projectKey: string;
  code: string;
  message: string;
  messageUr: string;
  params?: Record<string, unknown>;
}

/** What differs between this file and the rows an existing project was imported from (nothing is overwritten). */
export interface ImportConflict {
  projectKey: string;
  /** The row in this file; null when the earlier import had a decision this file lacks. */
  row: number | null;
  column: string;
  reason: string;
  reasonUr: string;
}

export interface PortfolioReport {
  /** The import run (GET /api/imports/portfolio/runs/:id); null for a dry run. */
  runId: string | null;
  dryRun: boolean;
  format: 'json' | PortfolioFormat;
  counts: {
    rows: number;
    projects: Record<ProjectOutcome, number>;
    documents: number;
    decisions: number;
    warnings: number;
    refusedRows: number;
  };
  projects: { projectKey: string; outcome: ProjectOutcome; projectId: string | null; rows: number[] }[];
  refused: RowProblem[];
  conflicts: ImportConflict[];
  warnings: ImportWarning[];
}

interface Source {
  format: 'json' | PortfolioFormat;
  fileName: string | null;
  fileSha256: string | null;
  rows: ReadRow[];
}

/**
 * Thrown inside the unit of work to undo a dry run after its report is made (and anything queued
 * to run after commit).
 */
class DryRunRollback extends Error {
  constructor(readonly report: PortfolioReport) {
    super('dry run');
  }
}

const say = (en: string, ur: string) => ({ en, ur });

/**
 * What writing the projects of one run needs from the province, read once per run (not per
 * project, document or decision): its workflow's final states, its forum rules, its departments.
 */
interface RunSettings {
  userId: string;
  finalStates: FinalStates;
  forumRules: readonly ForumRule[];
  departmentIds: ReadonlyMap<string, string>;
}

/**
 * The legacy portfolio import: a province's existing projects (approved, in execution,
 * completed) with their PC-I and revisions' key figures and the forums' decisions, from rows
 * (JSON, CSV or XLSX). One unit of work per import, one import at a time per province; each
 * project in a savepoint, so a project that cannot be written leaves nothing and the others go
 * in. Each decision is routed by the forum rules of its own date and a disagreement is a warning
 * on the record, never a refusal. Idempotent by the province's project key: the same rows again
 * are "unchanged", different rows a conflict (nothing overwritten).
 */
@Injectable()
export class PortfolioImportService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly cls: ClsService<DaftarStore>,
    private readonly calendar: Calendar,
    private readonly audit: AuditService,
    private readonly imports: ImportsRepository,
    private readonly importedProjects: ImportedProjectsService,
    private readonly approvals: ApprovalsService,
    private readonly departments: DepartmentsService,
    private readonly forumRules: ForumRulesService,
    private readonly workflow: WorkflowService,
    private readonly masterData: MasterDataService,
  ) {}

  /**
   * JSON rows: each a row object with the template's columns; unknown properties refuse the
   * request (400 naming them).
   */
  async importRows(rows: Record<string, unknown>[], dryRun: boolean): Promise<PortfolioReport> {
    await this.db.transaction((em) => this.assertMayImport(em));
    const problems: string[] = [];
    const read: ReadRow[] = rows.map((row, i) => {
      const raw: RawPortfolioRow = {};
      for (const [key, value] of Object.entries(row)) {
        if (!COLUMN_BY_KEY.has(key))
          problems.push(
            `rows[${i}].${key}: unknown column; the columns are ${PORTFOLIO_COLUMNS.map((c) => c.key).join(', ')}`,
          );
        const text = cellText(value);
        if (text === undefined)
          problems.push(`rows[${i}].${key}: must be a string (amounts as decimal strings such as "1850.500")`);
        else raw[key as PortfolioColumnKey] = text;
      }
      return { row: i + 1, raw };
    });
    if (problems.length) throw new BadRequestException({ message: problems.slice(0, 50) });
    return this.execute({ format: 'json', fileName: null, fileSha256: null, rows: read }, dryRun);
  }

  async importFile(
    file: { originalname: string; mimetype: string; buffer: Buffer } | undefined,
    dryRun: boolean,
  ): Promise<PortfolioReport> {
    await this.db.transaction((em) => this.assertMayImport(em));
    if (!file) throw new BadRequestException({ message: ['file: attach the portfolio as the multipart field "file"'] });
    const format = formatOf(file.originalname, file.mimetype, file.buffer);
    const rows = await readPortfolioFile(format, file.buffer);
    const fileSha256 = createHash('sha256').update(file.buffer).digest('hex');
    return this.execute({ format, fileName: file.originalname.slice(0, 255), fileSha256, rows }, dryRun);
  }

  /** Tenant admins and the roles that take forum decisions in the province's workflow (403 for anyone else). */
  private async assertMayImport(em: EntityManager): Promise<{ id: string }> {
    const principal = this.cls.get('principal');
    if (principal?.kind !== 'user') throw new ForbiddenException('Only province users import portfolios');
    const { config } = await this.workflow.current(em);
    const allowed = new Set<string>([
      ADMIN_ROLE,
      ...config.actions.filter((a) => a.decision === 'approved').flatMap((a) => a.roles),
    ]);
    if (!principal.roles.some((r) => allowed.has(r))) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `Importing a portfolio needs one of the roles ${[...allowed].join(', ')}`,
        messageUr: `پورٹ فولیو درآمد کرنے کے لیے ان میں سے ایک کردار درکار ہے: ${[...allowed].join('، ')}`,
      });
    }
    return { id: principal.id };
  }

  /** The template to fill in: XLSX (notes in English and Urdu, an instructions sheet) or CSV. */
  async template(format: 'xlsx' | 'csv'): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    await this.db.transaction((em) => this.assertMayImport(em));
    return format === 'xlsx'
      ? { bytes: await xlsxTemplate(), contentType: XLSX_TYPE, fileName: `${TEMPLATE_NAME}.xlsx` }
      : { bytes: csvTemplate(), contentType: 'text/csv; charset=utf-8', fileName: `${TEMPLATE_NAME}.csv` };
  }

  runs(page: { page: number; pageSize: number }) {
    return this.db.transaction(async (em) => {
      await this.assertMayImport(em);
      return { ...(await this.imports.runs(em, page)), ...page };
    });
  }

  runReport(id: string) {
    return this.db.transaction(async (em) => {
      await this.assertMayImport(em);
      const run = await this.imports.run(em, id);
      if (!run) throw new NotFoundException(`No import run ${id} in this province`);
      return run;
    });
  }

  private async execute(source: Source, dryRun: boolean): Promise<PortfolioReport> {
    try {
      return await this.db.transaction(async (em) => {
        const me = await this.assertMayImport(em);
        await this.imports.lockProvinceImports(em);
        const report = await this.importIn(em, source, me.id, dryRun);
        if (dryRun) throw new DryRunRollback(report);
        return report;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.report;
      throw error;
    }
  }

  private async importIn(em: EntityManager, source: Source, userId: string, dryRun: boolean): Promise<PortfolioReport> {
    const reference = await this.reference(em);
    const plan = planPortfolio(source.rows, reference);
    const runId = await this.imports.startRun(em, {
      format: source.format,
      fileName: source.fileName,
      fileSha256: source.fileSha256,
      startedBy: userId,
    });
    const report: PortfolioReport = {
      runId: dryRun ? null : runId,
      dryRun,
      format: source.format,
      counts: {
        rows: source.rows.length,
        projects: { created: 0, unchanged: 0, conflict: 0, refused: 0 },
        documents: 0,
        decisions: 0,
        warnings: 0,
        refusedRows: 0,
      },
      projects: plan.refused
        .filter((r) => r.projectKey !== null)
        .map((r) => ({ projectKey: r.projectKey!, outcome: 'refused' as const, projectId: null, rows: r.rows })),
      refused: [...plan.problems],
      conflicts: [],
      warnings: [],
    };
    const existing = await this.imports.importedProjects(
      em,
      plan.projects.map((p) => p.projectKey),
    );
    const settings: RunSettings = {
      userId,
      finalStates: await this.importedProjects.finalStates(em),
      forumRules: await this.forumRules.rulesIn(em),
      departmentIds: await this.departments.idsByCode(
        em,
        plan.projects.filter((p) => !existing.has(p.projectKey)).map((p) => p.departmentCode),
      ),
    };
    for (const project of plan.projects) {
      const normalized = project.normalized;
      const fingerprint = fingerprintOf(normalized);
      const before = existing.get(project.projectKey);
      if (before) {
        const conflicts = before.fingerprint === fingerprint ? [] : conflictsBetween(project, before.rows);
        report.conflicts.push(...conflicts);
        report.projects.push({
          projectKey: project.projectKey,
          outcome: conflicts.length ? 'conflict' : 'unchanged',
          projectId: before.projectId,
          rows: project.rows,
        });
        continue;
      }
      const written = await this.writeProject(em, project, settings);
      if ('refused' in written) {
        report.refused.push(written.refused);
        report.projects.push({
          projectKey: project.projectKey,
          outcome: 'refused',
          projectId: null,
          rows: project.rows,
        });
        continue;
      }
      await this.imports.recordImportedProject(em, {
        importKey: project.projectKey,
        projectId: written.projectId,
        fingerprint,
        rows: normalized,
        runId,
      });
      report.warnings.push(...written.warnings);
      report.counts.documents += written.documents;
      report.counts.decisions += written.decisions;
      report.projects.push({
        projectKey: project.projectKey,
        outcome: 'created',
        projectId: written.projectId,
        rows: project.rows,
      });
    }
    for (const p of report.projects) report.counts.projects[p.outcome] += 1;
    report.counts.warnings = report.warnings.length;
    // Rows not written because their project was refused, whether or not the row itself had a problem.
    const keyless = plan.refused.filter((r) => r.projectKey === null).flatMap((r) => r.rows);
    report.counts.refusedRows =
      keyless.length + report.projects.filter((p) => p.outcome === 'refused').reduce((n, p) => n + p.rows.length, 0);
    report.refused.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
    report.projects.sort((a, b) => a.rows[0] - b.rows[0]);
    report.warnings.sort((a, b) => a.row - b.row);
    await this.imports.finishRun(em, runId, report.counts, report);
    await this.audit.record(em, {
      action: 'portfolio.imported',
      targetType: 'import-run',
      targetId: runId,
      details: {
        format: source.format,
        fileName: source.fileName,
        fileSha256: source.fileSha256,
        counts: report.counts,
      },
    });
    return report;
  }

  /** The province's codes, forms and today's date, read once per import. */
  private async reference(em: EntityManager): Promise<PortfolioReference> {
    const snapshot = await this.masterData.snapshot(em);
    const codes = (list: keyof typeof snapshot) => new Set((snapshot[list] ?? []).map((o) => o.value));
    const candidates = Object.entries(EDITIONS).filter(([, e]) =>
      IMPORTED_KINDS.some((k) => e.proforma === k || PC1_VARIANTS.some((v) => e.proforma === `${k}-${v}`)),
    );
    const installed = await this.importedProjects.installedForms(
      em,
      candidates.map(([key]) => key),
    );
    return {
      departments: codes('departments'),
      sectors: codes('sectors'),
      districts: codes('districts'),
      forums: codes('approval-forums'),
      today: this.calendar.today(),
      formKeyOf: (kind: ImportedKind, variant: Pc1Variant, edition: string) => {
        const proforma = kind === 'pc1' ? `pc1-${variant}` : kind;
        return (
          candidates.find(([key, e]) => e.proforma === proforma && e.id === edition && installed.has(key))?.[0] ?? null
        );
      },
    };
  }

  /**
   * One project with its documents and decisions, in a savepoint: a refusal by the approvals
   * module (400 naming a field) undoes this project only and is reported at the row it concerns.
   */
  private async writeProject(
    em: EntityManager,
    p: ImportedProjectPlan,
    settings: RunSettings,
  ): Promise<
    { projectId: string; documents: number; decisions: number; warnings: ImportWarning[] } | { refused: RowProblem }
  > {
    const { userId } = settings;
    let row = p.rows[0];
    const departmentId = settings.departmentIds.get(p.departmentCode);
    if (!departmentId) {
      // The master data lists the code, but the province has no such department to own the project.
      return {
        refused: {
          row,
          column: 'departmentCode',
          reason:
            `the province has no department "${p.departmentCode}" to ` +
            `own the project (nothing of this project was written)`,
          reasonUr:
            `صوبے میں منصوبے کا ذمہ دار محکمہ "${p.departmentCode}" ` +
            `موجود نہیں (اس منصوبے کا کچھ بھی درج نہیں ہوا)`,
        },
      };
    }
    await this.imports.beginProject(em);
    try {
      const facts = {
        title: p.title,
        departmentCode: p.departmentCode,
        departmentId,
        sector: p.sector,
        provinceWide: p.provinceWide,
        districts: p.districts,
        adpSerial: p.adpSerial,
        computerCode: p.computerCode,
      };
      const projectId = await this.importedProjects.createProject(em, {
        importKey: p.projectKey,
        ...facts,
        createdBy: userId,
      });
      const warnings: ImportWarning[] = [];
      let revises: { documentId: string; approvedCost: string; forum: string; approvedOn: string } | null = null;
      let decisions = 0;
      for (const d of p.documents) {
        row = d.decisions[0].row;
        const approval = d.decisions.find((x) => (APPROVING_DECISIONS as readonly string[]).includes(x.decision));
        // The row checks let only a final decision be a document's last (portfolio-rows.ts).
        const standing = approval ?? d.decisions[d.decisions.length - 1];
        const documentId = await this.importedProjects.addDocument(
          em,
          projectId,
          facts,
          {
            importKey: d.importKey,
            formKey: d.formKey,
            edition: d.edition,
            kind: d.kind,
            revisionNumber: d.revisionNumber,
            preparationDate: d.preparationDate,
            documentCost: d.documentCost,
            fecCost: d.fecCost,
            lastDecision: standing.decision,
            forum: standing.forum,
            decidedOn: standing.decisionDate,
            revises,
            createdBy: userId,
          },
          settings.finalStates,
        );
        for (const decision of d.decisions) {
          row = decision.row;
          const routing = await this.routingOf(em, settings.forumRules, projectId, p.projectKey, d, decision);
          warnings.push(
            ...routing.warnings.map((w) => ({
              row: decision.row,
              column: 'forum' as const,
              projectKey: p.projectKey,
              code: w.code,
              message: w.message.en,
              messageUr: w.message.ur,
              params: w.params,
            })),
          );
          await this.approvals.recordImported(
            em,
            {
              projectId,
              documentId,
              forum: decision.forum,
              meetingNumber: decision.meetingNumber,
              meetingDate: decision.meetingDate,
              decisionDate: decision.decisionDate,
              decision: decision.decision,
              documentCost: d.documentCost,
              approvedCost: decision.approvedCost,
              conditions: decision.conditions,
              minutesReference: decision.minutesReference,
              importKey: decision.importKey,
              forumRuleId: routing.forumRuleId,
              routingWarnings: routing.warnings,
              // finish() refreshes the project's summary once its whole history is in.
              refreshSummary: false,
            },
            // The rules read once for the run, not again for each decision.
            settings.forumRules,
          );
          decisions += 1;
        }
        if (approval)
          revises = {
            documentId,
            approvedCost: approval.approvedCost!,
            forum: approval.forum,
            approvedOn: approval.decisionDate,
          };
      }
      await this.importedProjects.finish(
        em,
        projectId,
        p.status === 'completed' ? 'completed' : 'approved',
        p.completionDate,
      );
      await this.imports.keepProject(em);
      return { projectId, documents: p.documents.length, decisions, warnings };
    } catch (error) {
      await this.imports.undoProject(em);
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      return { refused: refusalAt(row, error) };
    }
  }

  /**
   * The forum the rules in force on the decision date name, against the forum the record says
   * decided. Funding is not in the template: the decision is routed as a project without a
   * foreign-funded component and not wholly provincial (the general cost bands). A lower forum
   * passing a document up ('recommended') is not the competent forum by definition: not checked.
   */
  private async routingOf(
    em: EntityManager,
    forumRules: readonly ForumRule[],
    projectId: string,
    projectKey: string,
    d: ImportedDocumentPlan,
    decision: ImportedDecisionPlan,
  ): Promise<{ forumRuleId: string | null; warnings: RoutingWarning[] }> {
    if (decision.decision === 'recommended') return { forumRuleId: null, warnings: [] };
    const baseline =
      d.kind === 'pc1-revised'
        ? await this.approvals.baselineOn(em, projectId, decision.decisionDate, forumRules)
        : null;
    const increasePct =
      baseline && !new Dec(baseline).isZero() ? this.approvals.increase(d.documentCost, baseline) : null;
    // The rules were read once for the run; deciding among them is pure.
    const { rule, warnings } = decideRouting(forumRules, {
      formKind: d.kind,
      totalCost: d.documentCost,
      foreignFunding: false,
      whollyProvincial: false,
      increasePct,
      on: decision.decisionDate,
    });
    const remarks: RoutingWarning[] = warnings.map((w) => ({ code: w.code, message: say(w.message, w.messageUr) }));
    if (!rule) {
      // With the province's own tier in force (else the warning above says so), no band covered this case.
      if (!remarks.length) {
        const increase = increasePct === null ? '' : ` with an increase of ${increasePct} % over the approved cost`;
        const increaseUr = increasePct === null ? '' : ` (منظور شدہ لاگت پر ${increasePct} فیصد اضافے کے ساتھ)`;
        remarks.push({
          code: 'no-rule',
          message: say(
            `No forum rule of the province in force on ${decision.decisionDate} covers a ` +
              `${d.kind} of Rs ${d.documentCost} million${increase}, ` +
              `so the forum that decided cannot be checked; the decision is kept as recorded`,
            `${decision.decisionDate} کو نافذ صوبے کا کوئی فورم قاعدہ ${d.documentCost} ` +
              `ملین روپے کے ${d.kind}${increaseUr} پر لاگو نہیں ہوتا، اس لیے فیصلہ کرنے ` +
              `والے فورم کی جانچ نہیں ہو سکتی؛ فیصلہ جیسا درج ہے ویسا رکھا گیا`,
          ),
          params: {
            decisionDate: decision.decisionDate,
            cost: d.documentCost,
            formKind: d.kind,
            increasePct,
            projectKey,
          },
        });
      }
      return { forumRuleId: null, warnings: remarks };
    }
    if (rule.forum !== decision.forum) {
      remarks.push({
        code: 'forum-mismatch',
        message: say(
          `The rules in force on ${decision.decisionDate} (${rule.code}) name ${rule.forum} for Rs ` +
            `${d.documentCost} million; the record says ${decision.forum} decided. Kept as recorded.`,
          `${decision.decisionDate} کو نافذ قواعد (${rule.code}) کے مطابق ${d.documentCost} ملین روپے کا فیصلہ ` +
            `${rule.forum} کا تھا؛ ریکارڈ کے مطابق فیصلہ ${decision.forum} نے کیا۔ جیسا درج ہے ویسا رکھا گیا۔`,
        ),
        params: {
          expectedForum: rule.forum,
          recordedForum: decision.forum,
          rule: rule.code,
          decisionDate: decision.decisionDate,
          increasePct,
          projectKey,
        },
      });
      return { forumRuleId: null, warnings: remarks };
    }
    return { forumRuleId: rule.id, warnings: remarks };
  }
}

const firstOf = (messages: unknown): string | null =>
  messages === undefined || messages === null ? null : String(Array.isArray(messages) ? messages[0] : messages);

/**
 * The refusal of a project the approvals or projects module raised, at the row being written and
 * the column its message names. The Urdu reason is the exception's own (messageUr) when it has
 * one; the approvals module's field checks speak English only, so otherwise the Urdu says in Urdu
 * which column was refused and that nothing was written, and quotes the English detail.
 */
function refusalAt(row: number, error: HttpException): RowProblem {
  const body = error.getResponse();
  const fields =
    typeof body === 'object' && body ? (body as { message?: unknown; messageUr?: unknown }) : { message: body };
  const first = firstOf(fields.message) ?? error.message;
  const named = /^([A-Za-z]+)\s*:/.exec(first)?.[1];
  const known = !!named && COLUMN_BY_KEY.has(named);
  const column = known ? named : 'decision';
  const strip = (text: string) => (known && text.includes(':') ? text.slice(text.indexOf(':') + 1).trim() : text);
  const reason = strip(first);
  const ownUrdu = firstOf(fields.messageUr);
  const reasonUr = ownUrdu
    ? `${strip(ownUrdu)} (اس منصوبے کا کچھ بھی درج نہیں ہوا)`
    : `کالم ${column} کی قدر درج کرتے وقت قبول نہیں ہوئی، اس لیے اس ` +
      `منصوبے کا کچھ بھی درج نہیں ہوا؛ انگریزی میں تفصیل: "${reason}"`;
  return { row, column, reason: `${reason} (nothing of this project was written)`, reasonUr };
}

const fingerprintOf = (rows: NormalizedRow[]) => createHash('sha256').update(stringify(rows)).digest('hex');

/** Column by column, what this file says differently from the rows the project was imported from. */
function conflictsBetween(project: ImportedProjectPlan, before: NormalizedRow[]): ImportConflict[] {
  const rowOf = new Map(project.documents.flatMap((d) => d.decisions.map((x) => [x.importKey, x.row] as const)));
  const earlier = new Map(before.map((v) => [rowOrderKey(v), v]));
  const now = new Map(project.normalized.map((v) => [rowOrderKey(v), v]));
  const conflicts: ImportConflict[] = [];
  for (const [key, v] of now) {
    const row = rowOf.get(key) ?? null;
    const old = earlier.get(key);
    if (!old) {
      conflicts.push({
        projectKey: project.projectKey,
        row,
        column: 'decision',
        reason:
          `this decision (${key}) was not in the earlier import ` +
          `of ${project.projectKey}; the project is not changed`,
        reasonUr: `یہ فیصلہ (${key}) ${project.projectKey} کی پچھلی درآمد میں نہیں تھا؛ منصوبہ تبدیل نہیں کیا گیا`,
      });
      continue;
    }
    for (const column of PORTFOLIO_COLUMNS.map((c) => c.key)) {
      if (old[column] !== v[column]) {
        conflicts.push({
          projectKey: project.projectKey,
          row,
          column,
          reason: `was "${old[column]}" in the earlier import, now "${v[column]}"; the project is not changed`,
          reasonUr: `پچھلی درآمد میں "${old[column]}" تھا، اب "${v[column]}"؛ منصوبہ تبدیل نہیں کیا گیا`,
        });
      }
    }
  }
  for (const key of earlier.keys()) {
    if (!now.has(key)) {
      conflicts.push({
        projectKey: project.projectKey,
        row: null,
        column: 'decision',
        reason: `the earlier import had the decision ${key}, which this file lacks; the project is not changed`,
        reasonUr: `پچھلی درآمد میں فیصلہ ${key} تھا جو اس فائل میں نہیں؛ منصوبہ تبدیل نہیں کیا گیا`,
      });
    }
  }
  return conflicts;
}
