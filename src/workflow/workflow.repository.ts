import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_WORKFLOW, WorkflowConfig } from './workflow-config';

/** A row of the province's workflow history (migration 0006), without its configuration. */
export interface WorkflowVersionRow {
  version: number;
  createdAt: string;
  createdBy: string | null;
  notes: string | null;
}

const VERSION_COLUMNS = `version, created_at AS "createdAt", created_by AS "createdBy", notes`;

/**
 * SQL on the province's workflow_configs table, in the caller's unit of work. Versions are never
 * changed or deleted: every document transition names the version that allowed it.
 */
@Injectable()
export class WorkflowRepository {
  /** Newest first. */
  versions(em: EntityManager): Promise<WorkflowVersionRow[]> {
    return em.query(`SELECT ${VERSION_COLUMNS} FROM workflow_configs ORDER BY version DESC`);
  }

  async version(em: EntityManager, version: number): Promise<(WorkflowVersionRow & { config: WorkflowConfig }) | null> {
    const [row] = await em.query(`SELECT ${VERSION_COLUMNS}, config FROM workflow_configs WHERE version = $1`, [
      version,
    ]);
    return row ?? null;
  }

  /** Blocks other writers until the caller's unit of work ends, so versions are numbered without gaps or races. */
  async lock(em: EntityManager): Promise<void> {
    await em.query(`LOCK TABLE workflow_configs IN EXCLUSIVE MODE`);
  }

  async insert(
    em: EntityManager,
    version: number,
    config: WorkflowConfig,
    notes: string | null,
    createdBy: string | null,
  ): Promise<void> {
    await em.query(`INSERT INTO workflow_configs (version, config, notes, created_by) VALUES ($1, $2, $3, $4)`, [
      version,
      JSON.stringify(config),
      notes,
      createdBy,
    ]);
  }

  /** Version 1, the default workflow, unless the province has one (a new province; re-running changes nothing). */
  async installDefault(em: EntityManager): Promise<void> {
    await em.query(
      `INSERT INTO workflow_configs (version, config, notes) VALUES (1, $1, 'Default workflow') ON CONFLICT DO NOTHING`,
      [JSON.stringify(DEFAULT_WORKFLOW)],
    );
  }

  /** The version in force (the newest), or null when the province has none. */
  async current(em: EntityManager): Promise<{ version: number; config: WorkflowConfig } | null> {
    const [row] = await em.query(`SELECT version, config FROM workflow_configs ORDER BY version DESC LIMIT 1`);
    return row ? { version: row.version, config: row.config } : null;
  }
}
