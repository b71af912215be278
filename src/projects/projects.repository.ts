import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalStanding, ApprovalSubjects, DecidedDocument } from '../approvals/approval-subjects';
import { offsetOf } from '../common/paging';

/** Kinds that can be a project's current document (all but the recurring progress reports). */
export const PROJECT_STAGES = ['pc2', 'pc1', 'pc1-revised', 'pc4', 'pc5'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_SORTS = [
  'updatedAt',
  '-updatedAt',
  'title',
  '-title',
  'cost',
  '-cost',
  'createdAt',
  '-createdAt',
  'approvedCost',
  '-approvedCost',
  'approvedAt',
  '-approvedAt',
  'completedAt',
  '-completedAt',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectListFilter {
  stage?: string;
  state?: string;
  status?: string;
  departmentId?: string;
  district?: string;
  sector?: string;
  forum?: string;
  minCost?: string;
  maxCost?: string;
  /** The forum that last approved the project (its approval records). */
  approvedForum?: string;
  /** First approval between these decision dates (YYYY-MM-DD, inclusive). */
  approvedFrom?: string;
  approvedTo?: string;
  /** Rs million: the cost last approved. */
  minApprovedCost?: string;
  maxApprovedCost?: string;
  /** Completed between these dates (YYYY-MM-DD, inclusive). */
  completedFrom?: string;
  completedTo?: string;
  /** Words of the title, each matched as a prefix. */
  words?: string[];
  sort: ProjectSort;
  page: number;
  pageSize: number;
  /** Counts stop here (a broad filter over many projects costs more to count than to list). */
  countCap: number;
}

/** Which projects and in what order, without paging (what the list and its export share). */
export type ProjectListCriteria = Omit<ProjectListFilter, 'page' | 'pageSize' | 'countCap'>;

/** A project as the list shows it (departmentName is added by the service). */
export interface ProjectRow {
  id: string;
  title: string;
  status: string;
  stage: ProjectStage | null;
  state: string | null;
  currentDocumentId: string | null;
  formKey: string | null;
  totalCost: string | null;
  approvedCost: string | null;
  forum: string | null;
  approvedForum: string | null;
  sector: string | null;
  districts: string[];
  departmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const SORT_COLUMNS: Record<string, string> = {
  updatedAt: 'p.updated_at',
  title: 'p.title',
  cost: 'p.current_cost',
  createdAt: 'p.created_at',
  approvedCost: 'p.approved_cost',
  approvedAt: 'p.approved_at',
  completedAt: 'p.completed_at',
};
/** Sort columns a project may not have yet (empty ones go last either way). */
const NULLABLE_SORT_COLUMNS = new Set(['p.current_cost', 'p.approved_cost', 'p.approved_at', 'p.completed_at']);

/** A project with reporting obligations (ObligationsService). */
export interface ObligatedProject {
  id: string;
  title: string;
  status: string;
  approved_at: string | null;
  completed_at: string | null;
  department_id: string | null;
  created_by: string | null;
}

// forum: the forum the current document was routed to at its last workflow action, else the one
// that approved the project.
const ROW_COLUMNS =
  `
  p.id, p.title, p.status, p.stage, p.current_state AS "state", p.current_document_id AS "currentDocumentId", ` +
  `d.form_key AS "formKey",
  p.current_cost AS "totalCost", p.approved_cost AS "approvedCost", COALESCE(p.current_forum, ` +
  `p.approved_forum) AS "forum",
  p.approved_forum AS "approvedForum", p.sector, p.districts, p.department_id AS "departmentId", ` +
  `p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

/**
 * SQL on the province's projects table for the project list and page. Every method runs in the
 * caller's unit of work (the province's schema is that transaction's search_path).
 *
 * A project's list fields are stored on it (migration 0008) and refreshed from its documents by
 * refreshSummary() whenever one is created, saved or moves in the workflow, so the list filters
 * and sorts on indexed columns of one table.
 */
/** The province's project and document counts, for the operators' figures. */
export interface ProjectFigures {
  projects: number;
  documents: number;
  lastChangedAt: Date | null;
}

@Injectable()
export class ProjectsRepository implements ApprovalSubjects {
  /**
   * Recomputes a project's current document (its latest document other than the PC-III(A)/(B)
   * progress reports: stage, state, forum), its current cost (the total of its latest PC-II, PC-I
   * or revised PC-I, which also gives the title, sector and districts when it names them) and
   * its last activity. Once approved, sector and districts are those of the document last
   * approved (approved_document_id, kept by the approval records).
   */
  async refreshSummary(em: EntityManager, projectId: string): Promise<void> {
    await em.query(
      `UPDATE projects p
          SET current_document_id = m.id, stage = m.kind, current_state = m.state, current_forum = m.forum,
              current_cost = c.total_cost,
              title = COALESCE(c.title, p.title),
              sector = COALESCE(a.sector, c.sector, p.sector),
              districts = CASE WHEN cardinality(a.districts) > 0 THEN a.districts WHEN cardinality(c.districts) ` +
        `> 0 THEN c.districts ELSE p.districts END,
              updated_at = now()
         FROM (SELECT $1::uuid AS id) q
         LEFT JOIN LATERAL (
           SELECT sector, districts FROM documents WHERE id = (SELECT approved_document_id FROM projects ` +
        `WHERE id = q.id)
         ) a ON true
         LEFT JOIN LATERAL (
           SELECT id, kind, state, forum FROM documents
            WHERE project_id = q.id AND kind NOT IN ('pc3a', 'pc3b') ORDER BY created_at DESC, id DESC LIMIT 1
         ) m ON true
         LEFT JOIN LATERAL (
           SELECT total_cost, title, sector, districts FROM documents
            WHERE project_id = q.id AND kind IN ('pc2', 'pc1', 'pc1-revised') ORDER BY created_at DESC, id DESC LIMIT 1
         ) c ON true
        WHERE p.id = q.id`,
      [projectId],
    );
  }

  /** One page of the list and the number of matches (up to the cap). */
  async list(em: EntityManager, filter: ProjectListFilter): Promise<{ rows: ProjectRow[]; total: number }> {
    const { filterSql, orderSql, params, param } = this.query(filter);
    const filterParams = [...params];
    const rows: ProjectRow[] = await em.query(
      `SELECT ${ROW_COLUMNS}
         FROM projects p LEFT JOIN documents d ON d.id = p.current_document_id
         ${filterSql}
        ORDER BY ${orderSql}
        LIMIT ${param(filter.pageSize)} OFFSET ${param(offsetOf(filter))}`,
      params,
    );
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM projects p ${filterSql} LIMIT ${filter.countCap + 1}) matches`,
      filterParams,
    );
    return { rows, total };
  }

  /**
   * Every match of the list's filters and sort, up to maxRows, in batches: a server-side cursor
   * in the caller's unit of work, so an export of 100,000 projects reads one consistent snapshot
   * and never holds more than one batch in memory. Paging is ignored.
   */
  async *scan(
    em: EntityManager,
    filter: ProjectListCriteria,
    maxRows: number,
    batchSize: number,
  ): AsyncGenerator<ProjectRow[]> {
    const { filterSql, orderSql, params, param } = this.query(filter);
    await em.query(
      `DECLARE project_scan NO SCROLL CURSOR FOR
       SELECT ${ROW_COLUMNS}
         FROM projects p LEFT JOIN documents d ON d.id = p.current_document_id
         ${filterSql}
        ORDER BY ${orderSql}
        LIMIT ${param(maxRows)}`,
      params,
    );
    try {
      for (;;) {
        const rows: ProjectRow[] = await em.query(`FETCH ${Number(batchSize)} FROM project_scan`);
        if (rows.length === 0) return;
        yield rows;
        if (rows.length < batchSize) return;
      }
    } finally {
      // A consumer that stops early (a client gone mid-download) must not leave the cursor to the
      // rest of the transaction; a failed transaction has dropped it already.
      await em.query(`CLOSE project_scan`).catch(() => undefined);
    }
  }

  /** WHERE and ORDER BY of the list, shared by the page and the export so both match the same projects. */
  private query(filter: ProjectListCriteria) {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.stage) where.push(`p.stage = ${param(filter.stage)}`);
    if (filter.state) where.push(`p.current_state = ${param(filter.state)}`);
    if (filter.status) where.push(`p.status = ${param(filter.status)}`);
    if (filter.departmentId) where.push(`p.department_id = ${param(filter.departmentId)}`);
    if (filter.district) where.push(`p.districts @> ARRAY[${param(filter.district)}]::text[]`);
    if (filter.sector) where.push(`p.sector = ${param(filter.sector)}`);
    if (filter.forum) {
      const forum = param(filter.forum);
      where.push(`(p.current_forum = ${forum} OR p.approved_forum = ${forum})`);
    }
    if (filter.minCost) where.push(`p.current_cost >= ${param(filter.minCost)}::numeric`);
    if (filter.maxCost) where.push(`p.current_cost <= ${param(filter.maxCost)}::numeric`);
    if (filter.approvedForum) where.push(`p.approved_forum = ${param(filter.approvedForum)}`);
    if (filter.approvedFrom) where.push(`p.approved_at >= ${param(filter.approvedFrom)}::date`);
    if (filter.approvedTo) where.push(`p.approved_at <= ${param(filter.approvedTo)}::date`);
    if (filter.completedFrom) where.push(`p.completed_at >= ${param(filter.completedFrom)}::date`);
    if (filter.completedTo) where.push(`p.completed_at <= ${param(filter.completedTo)}::date`);
    if (filter.minApprovedCost) where.push(`p.approved_cost >= ${param(filter.minApprovedCost)}::numeric`);
    if (filter.maxApprovedCost) where.push(`p.approved_cost <= ${param(filter.maxApprovedCost)}::numeric`);
    if (filter.words?.length) {
      where.push(
        `to_tsvector('simple', p.title) @@ to_tsquery('simple', ` +
          `${param(filter.words.map((w) => `${w}:*`).join(' & '))})`,
      );
    }
    const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const column = SORT_COLUMNS[filter.sort.replace('-', '')];
    const direction = filter.sort.startsWith('-') ? 'DESC' : 'ASC';
    // Only costs and the approval date can be empty; a NULLS clause on the others would keep
    // Postgres off their indexes.
    const nulls = NULLABLE_SORT_COLUMNS.has(column) ? ' NULLS LAST' : '';
    return { filterSql, orderSql: `${column} ${direction}${nulls}, p.id ${direction}`, params, param };
  }

  /**
   * Writes what the approval records say onto the project. Nothing approved yet: the approved
   * figures are left as they are (a PC-I rejection marks a project still in preparation).
   * approved_at only ever moves earlier: a date set before the records existed is kept unless a
   * record is older. An approved PC-IV makes it completed; a project already completed (e.g. one
   * imported as completed, without a PC-IV record) stays completed on its date when a later
   * decision, such as a revision approved after completion, is recorded.
   */
  async applyApprovals(em: EntityManager, projectId: string, s: ApprovalStanding): Promise<void> {
    if (s.approvedCost === null) {
      if (s.rejected)
        await em.query(
          `UPDATE projects SET status = 'rejected', updated_at = now() WHERE id = $1 AND status = 'preparation'`,
          [projectId],
        );
      return;
    }
    await em.query(
      `UPDATE projects
          SET approved_cost = $2, approved_forum = $3, approved_document_id = $4, ` +
        `approved_at = LEAST(COALESCE(approved_at, $5::date), $5::date),
              baseline_cost = $6, completed_at = COALESCE($7::date, completed_at),
              status = CASE WHEN $7::date IS NOT NULL OR status = 'completed' ` +
        `THEN 'completed' ELSE 'approved' END, updated_at = now()
        WHERE id = $1`,
      [
        projectId,
        s.approvedCost,
        s.approvedForum,
        s.approvedDocumentId,
        s.approvedAt,
        s.baselineCost ?? s.approvedCost,
        s.completedAt,
      ],
    );
  }

  /** A document of the province as a decision on it needs it, or null. */
  /** Approved and completed projects (all, or one), with the dates their reporting obligations follow from. */
  obligated(em: EntityManager, projectId: string | null): Promise<ObligatedProject[]> {
    return em.query(
      `SELECT id, title, status, to_char(approved_at, 'YYYY-MM-DD') AS approved_at,
              to_char(completed_at, 'YYYY-MM-DD') AS completed_at, department_id, created_by
         FROM projects WHERE status IN ('approved', 'completed') AND ($1::uuid IS NULL OR id = $1::uuid)`,
      [projectId],
    );
  }

  /** Submitted progress and completion reports (PC-III(B), PC-V), of all projects or one. */
  submittedReports(
    em: EntityManager,
    projectId: string | null,
  ): Promise<{ project_id: string; kind: string; period: string; id: string }[]> {
    return em.query(
      `SELECT project_id, kind, period, id FROM documents
        WHERE kind IN ('pc3b', 'pc5') AND submitted_at IS NOT NULL AND ($1::uuid IS NULL OR project_id = $1::uuid)`,
      [projectId],
    );
  }

  /** A document a file is added to, locked so its state cannot change under the upload. */
  async lockDocument(
    em: EntityManager,
    documentId: string,
  ): Promise<{ id: string; state: string; createdBy: string; departmentId: string | null } | null> {
    const [document] = await em.query(
      `SELECT id, state, created_by AS "createdBy", department_id AS "departmentId"
         FROM documents WHERE id = $1 FOR UPDATE`,
      [documentId],
    );
    return document ?? null;
  }

  /** The distinct states the province's documents are in (a new workflow must keep them). */
  async statesInUse(em: EntityManager): Promise<string[]> {
    const rows: { state: string }[] = await em.query(`SELECT DISTINCT state FROM documents`);
    return rows.map((r) => r.state);
  }

  async decidedDocument(em: EntityManager, id: string): Promise<DecidedDocument | null> {
    const [row] = await em.query(
      `SELECT id, project_id AS "projectId", kind, total_cost::text AS "totalCost", data FROM documents WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async sequencesOf(em: EntityManager, documentIds: readonly string[]): Promise<Map<string, number>> {
    if (!documentIds.length) return new Map();
    const rows: { id: string; sequence: number }[] = await em.query(
      `SELECT id, sequence FROM documents WHERE id = ANY($1::uuid[])`,
      [documentIds],
    );
    return new Map(rows.map((r) => [r.id, r.sequence]));
  }

  /** The cost a project's revisions were measured against before approval records existed (migration 0007). */
  async columnBaseline(em: EntityManager, id: string): Promise<string | null> {
    const [row] = await em.query(
      `SELECT COALESCE(baseline_cost, approved_cost)::text AS cost FROM projects WHERE id = $1`,
      [id],
    );
    return row?.cost ?? null;
  }

  async projectExists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM projects WHERE id = $1`, [id])).length > 0;
  }

  /** The list fields of one project, or null when the province has no such project. */
  async summary(em: EntityManager, id: string): Promise<ProjectRow | null> {
    const [row] = await em.query(
      `SELECT ${ROW_COLUMNS} FROM projects p LEFT JOIN documents d ON d.id = p.current_document_id WHERE p.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** How many projects and documents the province has, and when a document last changed. */
  async figures(em: EntityManager): Promise<ProjectFigures> {
    const [row] = await em.query(
      `SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM documents)::int AS documents,
              (SELECT max(updated_at) FROM documents) AS "lastChangedAt"`,
    );
    return row;
  }
}
