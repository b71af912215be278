import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** SQL on the province's departments table for the newer features; runs in the caller's unit of work. */
@Injectable()
export class DepartmentsRepository {
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
}
