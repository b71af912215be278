import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { quoteIdent } from '../common/sql';

/**
 * A province's configuration, parents before children: what a sandbox copies from its live
 * province (published form versions and editions, overlays, workflow versions, forum rules,
 * master data, departments). Never users, projects, documents or anything they produced.
 */
export const CONFIGURATION_TABLES = [
  'departments',
  'master_data_items',
  'form_overlays',
  'form_versions',
  'form_current_editions',
  'workflow_configs',
  'forum_rules',
] as const;

/** What a reset keeps of the sandbox's own people. */
export interface KeptPeople {
  users: unknown[];
  trainees: unknown[];
}

/**
 * The schema-level work of building a sandbox in the build's one transaction. Every statement
 * names one schema (docs/ARCHITECTURE.md, rule 9): rows are read from the live province as JSON in
 * one query and written into the sandbox in another, keeping their ids, so a sandbox document
 * pins the same form version as it would in the live province.
 */
@Injectable()
export class SandboxSchemaRepository {
  /** Serialises builds of one sandbox across processes until the transaction ends. */
  async lock(em: EntityManager, schema: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`daftar:sandbox:${schema}`]);
  }

  async exists(em: EntityManager, schema: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
    return rows.length > 0;
  }

  /** The sandbox's administrators always, its trainees too when kept, as whole rows. */
  async keptPeople(em: EntityManager, schema: string, keepTrainees: boolean): Promise<KeptPeople> {
    const s = quoteIdent(schema);
    const [users] = await em.query(
      `SELECT coalesce(jsonb_agg(to_jsonb(u)), '[]'::jsonb) AS rows FROM ${s}.users u
        WHERE 'tenant_admin' = ANY(u.roles)
           OR ($1 AND u.id IN (SELECT user_id FROM ${s}.training_trainees))`,
      [keepTrainees],
    );
    const [trainees] = keepTrainees
      ? await em.query(`SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) AS rows FROM ${s}.training_trainees t`)
      : [{ rows: [] }];
    return { users: users.rows, trainees: trainees.rows };
  }

  /** Drops whatever the sandbox holds and makes its schema anew, empty. */
  async recreate(em: EntityManager, schema: string): Promise<void> {
    await em.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await em.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  }

  /**
   * Gives the freshly made sandbox schema (its configuration tables empty, the build recreates it
   * every time) the live province's configuration; answers rows copied per table.
   */
  async copyConfiguration(em: EntityManager, live: string, sandbox: string): Promise<Record<string, number>> {
    const copied: Record<string, number> = {};
    for (const table of CONFIGURATION_TABLES) {
      const [source] = await em.query(
        `SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) AS rows FROM ${quoteIdent(live)}.${table} t`,
      );
      copied[table] = await this.insertRows(em, sandbox, table, source.rows);
    }
    return copied;
  }

  /** Puts back the people a reset keeps. */
  async restorePeople(em: EntityManager, sandbox: string, kept: KeptPeople): Promise<void> {
    await this.insertRows(em, sandbox, 'users', kept.users);
    await this.insertRows(em, sandbox, 'training_trainees', kept.trainees);
  }

  private async insertRows(em: EntityManager, schema: string, table: string, rows: unknown[]): Promise<number> {
    if (!rows.length) return 0;
    const target = `${quoteIdent(schema)}.${table}`;
    // OVERRIDING SYSTEM VALUE: identity columns keep the live province's values.
    await em.query(
      `INSERT INTO ${target} OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_recordset(NULL::${target}, $1)`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  }
}
