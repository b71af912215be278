import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ImportedProjectRow {
  importKey: string;
  title: string;
  departmentId: string;
  sector: string;
  districts: string[];
  adpNumber: string | null;
  computerCode: string | null;
  createdBy: string;
}

export interface ImportedDocumentRow {
  projectId: string;
  importKey: string;
  formKey: string;
  formVersionId: string;
  edition: string;
  kind: string;
  sequence: number;
  parentId: string | null;
  title: string;
  state: string;
  data: Record<string, unknown>;
  valid: boolean;
  errorCount: number;
  totalCost: string;
  forum: string | null;
  departmentId: string;
  sector: string;
  districts: string[];
  /** The instant of the decision its state follows (instantOnDay of the decision's date). */
  decidedAt: Date | null;
  createdBy: string;
}

/**
 * SQL on the projects and documents tables for projects brought by the legacy portfolio import
 * (src/imports). Runs in the caller's unit of work.
 */
@Injectable()
export class ImportedProjectsRepository {
  async idByImportKey(em: EntityManager, importKey: string): Promise<string | null> {
    const [row] = await em.query(`SELECT id FROM projects WHERE import_key = $1`, [importKey]);
    return row?.id ?? null;
  }

  async insertProject(em: EntityManager, p: ImportedProjectRow): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO projects (title, department_id, sector, districts, adp_number, ` +
        `computer_code, import_key, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'approved', $8) RETURNING id`,
      [p.title, p.departmentId, p.sector, p.districts, p.adpNumber, p.computerCode, p.importKey, p.createdBy],
    );
    return row.id;
  }

  /**
   * An imported document and its first revision. created_at is the statement's clock, not the
   * transaction's start: the project's documents are written in one transaction, and the project
   * summary takes the latest one as current, so they must not all carry the same instant.
   */
  async insertDocument(em: EntityManager, d: ImportedDocumentRow): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO documents (project_id, import_key, form_key, form_version_id, ` +
        `edition, kind, sequence, parent_id, title, state, revision, data,
                              valid, error_count, total_cost, forum, ` +
        `department_id, sector, districts, created_by, updated_by, decided_at,
                              created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $13, $14, ` +
        `$15, $16, $17, $18, $19, $19, $20::timestamptz,
               clock_timestamp(), clock_timestamp())
       RETURNING id`,
      [
        d.projectId,
        d.importKey,
        d.formKey,
        d.formVersionId,
        d.edition,
        d.kind,
        d.sequence,
        d.parentId,
        d.title,
        d.state,
        JSON.stringify(d.data),
        d.valid,
        d.errorCount,
        d.totalCost,
        d.forum,
        d.departmentId,
        d.sector,
        d.districts,
        d.createdBy,
        d.decidedAt,
      ],
    );
    await em.query(
      `INSERT INTO document_revisions (document_id, revision, data, error_count, saved_by) VALUES ($1, 1, $2, $3, $4)`,
      [row.id, JSON.stringify(d.data), d.errorCount, d.createdBy],
    );
    return row.id;
  }

  /** The project's own status once its history is in (approval records may have moved it meanwhile). */
  async setStatus(
    em: EntityManager,
    projectId: string,
    status: 'approved' | 'completed',
    completedAt: string | null,
  ): Promise<void> {
    await em.query(`UPDATE projects SET status = $2, completed_at = $3::date WHERE id = $1`, [
      projectId,
      status,
      completedAt,
    ]);
  }
}
