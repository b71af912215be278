import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { Department } from './department.entity';

/** The columns of a department as the API has always served it (the entity's field order). */
const COLUMNS = `id, code, name, name_ur AS "nameUr", active, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A new department, or a seed one (config/master-data). */
export interface NewDepartment {
  code: string;
  name: string;
  nameUr: string | null;
}

/** SQL on the province's departments table; runs in the caller's unit of work or as one read statement. */
@Injectable()
export class DepartmentsRepository {
  constructor(private readonly db: TenantDatabase) {}

  /** Department names by id, in one query. */
  async namesByIds(em: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (!unique.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query(
      `SELECT id, name FROM departments WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Department ids by code, in one query; codes the province does not have are absent. */
  async idsByCode(em: EntityManager, codes: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (!unique.length) return new Map();
    const rows: { id: string; code: string }[] = await em.query(
      `SELECT id, code FROM departments WHERE code = ANY($1::text[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /**
   * One department by id, as a single statement (the read path the benchmark measures: no
   * transaction of its own; docs/ARCHITECTURE.md, "Speed").
   */
  async get(id: string): Promise<Department | null> {
    const [row] = await this.db.read<Department>(
      (t) => `SELECT ${COLUMNS} FROM ${t('departments')} WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The departments by code, the inactive ones too when asked, as a single statement. */
  list(includeInactive: boolean): Promise<Department[]> {
    const where = includeInactive ? '' : 'WHERE active';
    return this.db.read<Department>((t) => `SELECT ${COLUMNS} FROM ${t('departments')} ${where} ORDER BY code`);
  }

  /** The active departments by code, in the caller's unit of work (a form version's options). */
  active(em: EntityManager): Promise<Department[]> {
    return em.query(`SELECT ${COLUMNS} FROM departments WHERE active ORDER BY code`);
  }

  /** Whether the department is active; null when the province has no such department. */
  async activeOf(em: EntityManager, id: string): Promise<boolean | null> {
    const [row] = await em.query(`SELECT active FROM departments WHERE id = $1`, [id]);
    return row ? row.active : null;
  }

  /** One department, locked until the caller's unit of work ends. */
  async lock(em: EntityManager, id: string): Promise<Department | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM departments WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async insert(em: EntityManager, d: NewDepartment): Promise<Department> {
    const [row] = await em.query(
      `INSERT INTO departments (code, name, name_ur) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [d.code, d.name, d.nameUr],
    );
    return row;
  }

  async update(em: EntityManager, d: Department): Promise<Department> {
    const [[row]] = await em.query(
      `UPDATE departments SET name = $2, name_ur = $3, active = $4, updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [d.id, d.name, d.nameUr, d.active],
    );
    return row;
  }

  /** Whether the province has any department (a seed is installed only into an empty table). */
  async any(em: EntityManager): Promise<boolean> {
    const [row] = await em.query(`SELECT EXISTS (SELECT 1 FROM departments) AS "any"`);
    return row.any;
  }

  /** Inserts the departments whose code the province lacks. */
  async insertMissing(em: EntityManager, rows: readonly NewDepartment[]): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `INSERT INTO departments (code, name, name_ur)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.nameUr)],
    );
  }
}
