import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** SQL on the province's departments table for the newer features; runs in the caller's unit of work. */
@Injectable()
export class DepartmentsRepository {
  /** Department names by id, in one query. */
  async namesByIds(em: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (!unique.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query(`SELECT id, name FROM departments WHERE id = ANY($1::uuid[])`, [unique]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
