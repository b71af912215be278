import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/** The filters as plain values (the list's and the export's). */
export interface AuditCriteria {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** What the filter pickers offer: the actions and target kinds this province's log holds. */
export interface AuditFacets {
  actions: string[];
  targetTypes: string[];
}

const COLUMNS = `id::text AS id, at, actor_type AS "actorType", actor_id AS "actorId", actor_email AS "actorEmail",
  action, target_type AS "targetType", target_id AS "targetId", ip, request_id AS "requestId", details`;

/** One thing a user did, as the audit log has it. */
export interface UserAction {
  actorId: string;
  action: string;
  targetId: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/** SQL on the province's audit_log; every method runs in the caller's unit of work (its schema). */
@Injectable()
export class AuditRepository {
  /** Appends one entry (the log is append-only). */
  async insert(em: EntityManager, entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    const repository = em.getRepository(AuditEntry);
    await repository.save(repository.create(entry));
  }

  /** Newest first (ties by id), `limit` rows from `offset`, with the total matching the filters. */
  async page(
    em: EntityManager,
    criteria: AuditCriteria,
    offset: number,
    limit: number,
  ): Promise<{ items: AuditEntry[]; total: number }> {
    const { where, params } = this.where(criteria);
    const items: AuditEntry[] = await em.query(
      `SELECT ${COLUMNS} FROM audit_log ${where} ORDER BY at DESC, id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM audit_log ${where}`, params);
    return { items, total };
  }

  async facets(em: EntityManager): Promise<AuditFacets> {
    const actions: { v: string }[] = await em.query(`SELECT DISTINCT action AS v FROM audit_log ORDER BY 1`);
    const targets: { v: string }[] = await em.query(
      `SELECT DISTINCT target_type AS v FROM audit_log WHERE target_type IS NOT NULL ORDER BY 1`,
    );
    return { actions: actions.map((r) => r.v), targetTypes: targets.map((r) => r.v) };
  }

  private where(criteria: AuditCriteria): { where: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      clauses.push(sql.replace('?', `$${params.length}`));
    };
    if (criteria.action) add('action = ?', criteria.action);
    if (criteria.actorId) add('actor_id = ?', criteria.actorId);
    if (criteria.targetType) add('target_type = ?', criteria.targetType);
    if (criteria.targetId) add('target_id = ?', criteria.targetId);
    if (criteria.from) add('at >= ?', criteria.from);
    if (criteria.to) add('at <= ?', criteria.to);
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** What these users did (action and details, oldest first): training exercises are checked against it. */
  actionsBy(em: EntityManager, actorIds: readonly string[]): Promise<UserAction[]> {
    return em.query(
      `SELECT actor_id AS "actorId", action, target_id AS "targetId", details, at FROM audit_log
        WHERE actor_type = 'user' AND actor_id = ANY($1::uuid[]) ORDER BY at, id`,
      [actorIds],
    );
  }

  /** When the province's latest audit entry was written (index on `at`), or null. */
  async lastEntryAt(em: EntityManager): Promise<Date | null> {
    const [row] = await em.query(`SELECT max(at) AS at FROM audit_log`);
    return row.at;
  }
}
