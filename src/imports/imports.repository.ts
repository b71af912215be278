import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { offsetOf } from '../common/paging';
import { NormalizedRow } from './portfolio-rows';

export interface ImportedProjectRecord {
  importKey: string;
  projectId: string;
  fingerprint: string;
  rows: NormalizedRow[];
}

export interface ImportRunSummary {
  id: string;
  kind: string;
  format: string;
  fileName: string | null;
  fileSha256: string | null;
  startedBy: string | null;
  startedAt: Date;
  counts: Record<string, unknown>;
}

const RUN_COLUMNS =
  `id, kind, format, file_name AS "fileName", file_sha256 AS "fileSha256", ` +
  `started_by AS "startedBy", started_at AS "startedAt", counts`;

/**
 * SQL on the imports module's tables (import_runs, imported_projects; migration 0017), in the
 * caller's unit of work.
 */
@Injectable()
export class ImportsRepository {
  /** Each project of a run in a savepoint: a project that cannot be written leaves nothing. */
  async beginProject(em: EntityManager): Promise<void> {
    await em.query('SAVEPOINT import_project');
  }

  async keepProject(em: EntityManager): Promise<void> {
    await em.query('RELEASE SAVEPOINT import_project');
  }

  async undoProject(em: EntityManager): Promise<void> {
    await em.query('ROLLBACK TO SAVEPOINT import_project');
  }

  /** One import at a time per province: two runs of the same file must not both find a project missing. */
  async lockProvinceImports(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':portfolio-import'))`);
  }

  async startRun(
    em: EntityManager,
    run: { format: string; fileName: string | null; fileSha256: string | null; startedBy: string },
  ): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO import_runs (format, file_name, file_sha256, started_by, ` +
        `counts, report) VALUES ($1, $2, $3, $4, '{}', '{}') RETURNING id`,
      [run.format, run.fileName, run.fileSha256, run.startedBy],
    );
    return row.id;
  }

  async finishRun(em: EntityManager, id: string, counts: object, report: object): Promise<void> {
    await em.query(`UPDATE import_runs SET counts = $2, report = $3 WHERE id = $1`, [
      id,
      JSON.stringify(counts),
      JSON.stringify(report),
    ]);
  }

  async runs(
    em: EntityManager,
    page: { page: number; pageSize: number },
  ): Promise<{ items: ImportRunSummary[]; total: number }> {
    const items: ImportRunSummary[] = await em.query(
      `SELECT ${RUN_COLUMNS} FROM import_runs ORDER BY started_at DESC, id DESC LIMIT $1 OFFSET $2`,
      [page.pageSize, offsetOf(page)],
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM import_runs`);
    return { items, total };
  }

  async run(em: EntityManager, id: string): Promise<(ImportRunSummary & { report: Record<string, unknown> }) | null> {
    const [row] = await em.query(`SELECT ${RUN_COLUMNS}, report FROM import_runs WHERE id = $1`, [id]);
    return row ?? null;
  }

  async importedProjects(em: EntityManager, keys: readonly string[]): Promise<Map<string, ImportedProjectRecord>> {
    const rows: ImportedProjectRecord[] = await em.query(
      `SELECT import_key AS "importKey", project_id AS "projectId", fingerprint, ` +
        `rows FROM imported_projects WHERE import_key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((r) => [r.importKey, r]));
  }

  async recordImportedProject(em: EntityManager, p: ImportedProjectRecord & { runId: string }): Promise<void> {
    await em.query(
      `INSERT INTO imported_projects (import_key, project_id, fingerprint, rows, run_id) VALUES ($1, $2, $3, $4, $5)`,
      [p.importKey, p.projectId, p.fingerprint, JSON.stringify(p.rows), p.runId],
    );
  }
}
