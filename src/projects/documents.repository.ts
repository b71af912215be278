import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProjectDocument } from './document.entity';
import { Project } from './project.entity';

type Data = Record<string, unknown>;

/** What a save writes onto a document. */
export interface SavedData {
  data: Data;
  revision: number;
  valid: boolean;
  errorCount: number;
  totalCost: string | null;
  title: string;
  sector: string | null;
  districts: string[];
  updatedBy: string;
}

export interface StateChange {
  state: string;
  forum: string | null;
  forumRuleId: string | null;
  submittedAt: Date | null;
  decidedAt: Date | string | null;
}

export interface NewTransition {
  documentId: string;
  action: string;
  from: string;
  to: string;
  actorId: string;
  actorEmail: string | null;
  comment: string | null;
  workflowVersion: number;
  forum: string | null;
  forumRuleId: string | null;
}

/** "My" documents: drafts, returned to me, or awaiting an action my roles may take. */
export type MineFilter =
  | { kind: 'drafts' | 'returned'; userId: string; editable: string[] }
  | { kind: 'awaiting'; userId: string; review: string[]; own: string[] };

export interface DocumentListFilter {
  mine?: MineFilter;
  state?: string;
  kind?: string;
  departmentId?: string;
  district?: string;
  sector?: string;
  forum?: string;
  minCost?: string;
  maxCost?: string;
  /** A to_tsquery over the title words ("road:* & gilgit:*"). */
  titleQuery?: string;
  sort: string;
  pageSize: number;
  offset: number;
  countCap: number;
}

export type ListedDocument = Record<string, unknown> & { id: string };

export interface LastTransitionColumns {
  ltAction: string | null;
  ltFromState: string | null;
  ltToState: string | null;
  ltComment: string | null;
  ltActorId: string | null;
  ltAt: Date | null;
}

export interface TransitionRow {
  action: string;
  from: string;
  to: string;
  actorId: string;
  actorEmail: string | null;
  comment: string | null;
  workflowVersion: number;
  forum: string | null;
  forumRuleId: string | null;
  at: Date;
}

/**
 * SQL on the province's documents, their revisions and their projects' rows as entities, in the
 * caller's unit of work. A locked read holds the row until that unit of work ends.
 */
@Injectable()
export class DocumentsRepository {
  document(em: EntityManager, id: string, lock = false): Promise<ProjectDocument | null> {
    return em
      .getRepository(ProjectDocument)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  project(em: EntityManager, id: string, lock = false): Promise<Project | null> {
    return em
      .getRepository(Project)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** A project's documents, oldest first. */
  documentsOf(em: EntityManager, projectId: string): Promise<ProjectDocument[]> {
    return em.getRepository(ProjectDocument).find({ where: { projectId }, order: { createdAt: 'ASC' } });
  }

  /** The project's PC-I or revised PC-I approved last. */
  latestApprovedPcI(em: EntityManager, projectId: string): Promise<ProjectDocument | null> {
    return em.getRepository(ProjectDocument).findOne({
      where: [
        { projectId, kind: 'pc1', state: 'approved' },
        { projectId, kind: 'pc1-revised', state: 'approved' },
      ],
      order: { decidedAt: 'DESC' },
    });
  }

  /** The project's first PC-I, whatever its state. */
  firstPcI(em: EntityManager, projectId: string): Promise<ProjectDocument | null> {
    return em
      .getRepository(ProjectDocument)
      .findOne({ where: { projectId, kind: 'pc1' }, order: { createdAt: 'ASC' } });
  }

  async countOfKind(em: EntityManager, projectId: string, kind: string): Promise<number> {
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM documents WHERE project_id = $1 AND kind = $2`, [
      projectId,
      kind,
    ]);
    return n;
  }

  /** Whether the project has a document of this kind for this reporting period. */
  async hasPeriod(em: EntityManager, projectId: string, kind: string, period: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM documents WHERE project_id = $1 AND kind = $2 AND period = $3`, [
      projectId,
      kind,
      period,
    ]);
    return rows.length > 0;
  }

  /** Inserts a new document (the entity's defaults and generated columns filled in). */
  insertDocument(em: EntityManager, fields: Partial<ProjectDocument>): Promise<ProjectDocument> {
    const repo = em.getRepository(ProjectDocument);
    return repo.save(repo.create(fields));
  }

  async insertRevision(
    em: EntityManager,
    documentId: string,
    revision: number,
    data: unknown,
    errors: number,
    by: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO document_revisions (document_id, revision, data, error_count, saved_by) VALUES ($1, $2, $3, $4, $5)`,
      [documentId, revision, JSON.stringify(data), errors, by],
    );
  }

  insertProject(em: EntityManager, fields: Partial<Project>): Promise<Project> {
    const repo = em.getRepository(Project);
    return repo.save(repo.create(fields));
  }

  /** One revision's data, or null when the document has no such revision. */
  async revisionData(em: EntityManager, documentId: string, revision: number): Promise<Data | null> {
    const [row] = await em.query(`SELECT data FROM document_revisions WHERE document_id = $1 AND revision = $2`, [
      documentId,
      revision,
    ]);
    return row ? row.data : null;
  }

  /** The given revisions' data. */
  revisionsData(
    em: EntityManager,
    documentId: string,
    revisions: number[],
  ): Promise<{ revision: number; data: Data }[]> {
    return em.query(`SELECT revision, data FROM document_revisions WHERE document_id = $1 AND revision = ANY($2)`, [
      documentId,
      revisions,
    ]);
  }

  /** Every revision of a document, newest first, without its data. */
  revisions(
    em: EntityManager,
    documentId: string,
  ): Promise<{ revision: number; errorCount: number; savedAt: Date; savedBy: string | null }[]> {
    return em.query(
      `SELECT revision, error_count AS "errorCount", saved_at AS "savedAt", saved_by AS "savedBy"
         FROM document_revisions WHERE document_id = $1 ORDER BY revision DESC`,
      [documentId],
    );
  }

  /**
   * Writes a save over revision `baseRevision`; false when the document has moved on since (the
   * WHERE on revision makes a lost update impossible even without the row lock).
   */
  async saveData(em: EntityManager, id: string, baseRevision: number, d: SavedData): Promise<boolean> {
    const result = await em.query(
      `UPDATE documents SET data = $3, revision = $4, valid = $5, error_count = $6, total_cost = $7, title = $8,
              sector = $9, districts = $10, updated_by = $11, updated_at = now()
        WHERE id = $1 AND revision = $2`,
      [
        id,
        baseRevision,
        JSON.stringify(d.data),
        d.revision,
        d.valid,
        d.errorCount,
        d.totalCost,
        d.title,
        d.sector,
        d.districts,
        d.updatedBy,
      ],
    );
    return result[1] === 1;
  }

  /** A document's workflow history, oldest first. */
  transitions(em: EntityManager, documentId: string): Promise<TransitionRow[]> {
    return em.query(
      `SELECT action, from_state AS "from", to_state AS "to", actor_id AS "actorId", actor_email AS "actorEmail",
              comment, workflow_version AS "workflowVersion", forum, forum_rule_id AS "forumRuleId", at
         FROM document_transitions WHERE document_id = $1 ORDER BY id`,
      [documentId],
    );
  }

  /** Holds the project's row until the caller's unit of work ends (decisions on a project one at a time). */
  async lockProject(em: EntityManager, projectId: string): Promise<void> {
    await em.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [projectId]);
  }

  /** A workflow action's effect on the document; the submission and decision times are kept when null. */
  async moveState(em: EntityManager, id: string, m: StateChange): Promise<void> {
    await em.query(
      `UPDATE documents SET state = $2, forum = $3, forum_rule_id = $4, submitted_at = COALESCE($5, submitted_at),
              decided_at = COALESCE($6, decided_at), updated_at = now()
        WHERE id = $1`,
      [id, m.state, m.forum, m.forumRuleId, m.submittedAt, m.decidedAt],
    );
  }

  /** Records a workflow action; returns the transition's id. */
  async insertTransition(em: EntityManager, t: NewTransition): Promise<{ id: string }> {
    const [row] = await em.query(
      `INSERT INTO document_transitions (document_id, action, from_state, to_state, actor_id, actor_email, comment,
                                         workflow_version, forum, forum_rule_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        t.documentId,
        t.action,
        t.from,
        t.to,
        t.actorId,
        t.actorEmail,
        t.comment,
        t.workflowVersion,
        t.forum,
        t.forumRuleId,
      ],
    );
    return row;
  }

  /**
   * One page of the document list with each row's latest transition, and how many match (counted
   * up to `countCap` + 1: counting every match of a broad filter costs more than the page itself).
   */
  async list(
    em: EntityManager,
    f: DocumentListFilter,
  ): Promise<{ rows: (ListedDocument & LastTransitionColumns)[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const mine = f.mine;
    if (mine?.kind === 'drafts') {
      where.push(`d.created_by = ${param(mine.userId)}`, `d.state = ANY(${param(mine.editable)})`);
    } else if (mine?.kind === 'returned') {
      where.push(
        `d.created_by = ${param(mine.userId)}`,
        `d.state = ANY(${param(mine.editable)})`,
        `(SELECT t.to_state FROM document_transitions t ` +
          `WHERE t.document_id = d.id ORDER BY t.id DESC LIMIT 1) = d.state`,
      );
    } else if (mine?.kind === 'awaiting') {
      where.push(
        `(d.state = ANY(${param(mine.review)}) OR (d.state = ANY(${param(mine.own)}) ` +
          `AND d.created_by = ${param(mine.userId)}))`,
      );
    }
    if (f.state) where.push(`d.state = ${param(f.state)}`);
    if (f.kind) where.push(`d.kind = ${param(f.kind)}`);
    if (f.departmentId) where.push(`d.department_id = ${param(f.departmentId)}`);
    if (f.district) where.push(`d.districts @> ARRAY[${param(f.district)}]::text[]`);
    if (f.sector) where.push(`d.sector = ${param(f.sector)}`);
    if (f.forum) where.push(`d.forum = ${param(f.forum)}`);
    if (f.minCost) where.push(`d.total_cost >= ${param(f.minCost)}::numeric`);
    if (f.maxCost) where.push(`d.total_cost <= ${param(f.maxCost)}::numeric`);
    if (f.titleQuery) where.push(`to_tsvector('simple', d.title) @@ to_tsquery('simple', ${param(f.titleQuery)})`);
    const key = f.sort.replace('-', '') as 'updatedAt' | 'totalCost' | 'title' | 'createdAt';
    const column = {
      updatedAt: 'd.updated_at',
      totalCost: 'd.total_cost',
      title: 'd.title',
      createdAt: 'd.created_at',
    }[key];
    const direction = f.sort.startsWith('-') ? 'DESC' : 'ASC';
    // Only the cost can be empty; the other sort keys are NOT NULL, and a NULLS clause on them
    // would stop Postgres from walking the (updated_at DESC, id DESC) index.
    const nulls = column === 'd.total_cost' ? ' NULLS LAST' : '';
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const filterParams = [...params];
    // The page first, then the latest transition of just its rows (LATERAL over the page).
    const rows: (ListedDocument & LastTransitionColumns)[] = await em.query(
      `SELECT page.*, lt.action AS "ltAction", lt.from_state AS "ltFromState", lt.to_state AS "ltToState",
              lt.comment AS "ltComment", lt.actor_id AS "ltActorId", lt.at AS "ltAt"
         FROM (
           SELECT d.id, d.project_id AS "projectId", d.form_key AS "formKey", d.edition, d.kind, d.title, d.state,
                  d.revision, d.valid, d.error_count AS "errorCount", d.total_cost AS "totalCost", d.forum,
                  d.department_id AS "departmentId", d.sector, d.districts, d.created_by AS "createdBy",
                  d.created_at AS "createdAt", d.updated_at AS "updatedAt"
             FROM documents d ${filter}
            ORDER BY ${column} ${direction}${nulls}, d.id ${direction}
            LIMIT ${param(f.pageSize)} OFFSET ${param(f.offset)}
         ) page
         LEFT JOIN LATERAL (
           SELECT t.action, t.from_state, t.to_state, t.comment, t.actor_id, t.at
             FROM document_transitions t WHERE t.document_id = page.id ORDER BY t.id DESC LIMIT 1
         ) lt ON true
        ORDER BY page."${key}" ${direction}${nulls}, page.id ${direction}`,
      params,
    );
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM documents d ${filter} LIMIT ${f.countCap + 1}) matches`,
      filterParams,
    );
    return { rows, total };
  }
}
