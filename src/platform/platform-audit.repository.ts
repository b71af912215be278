import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { offsetOf, Paged } from '../common/paging';

export interface PlatformAuditRow {
  operatorId: string | null;
  operatorEmail: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  clientIp: string | null;
}

export interface PlatformAuditFilter extends Paged {
  action?: string;
  operatorId?: string;
  target?: string;
  from?: Date;
  to?: Date;
}

export interface PlatformAuditItem {
  id: string;
  at: Date;
  operatorId: string | null;
  operatorEmail: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  clientIp: string | null;
}

const ITEM_COLUMNS = `id::text AS id, at, operator_id AS "operatorId", operator_email AS "operatorEmail",
  action, target, details, client_ip AS "clientIp"`;

/** SQL on platform.audit_log (append-only: nothing here updates or deletes). */
@Injectable()
export class PlatformAuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the caller's transaction when one is given, so the record commits with the change. */
  async insert(row: PlatformAuditRow, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource).query(
      `INSERT INTO platform.audit_log (operator_id, operator_email, action, target, details, client_ip)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [row.operatorId, row.operatorEmail, row.action, row.target, JSON.stringify(row.details), row.clientIp],
    );
  }

  /** Newest first; `action` ending in `.` (e.g. `tenant.`) matches every action of that family. */
  async page(filter: PlatformAuditFilter): Promise<{ items: PlatformAuditItem[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.action?.endsWith('.')) add((p) => `starts_with(action, ${p})`, filter.action);
    else if (filter.action) add((p) => `action = ${p}`, filter.action);
    if (filter.operatorId) add((p) => `operator_id = ${p}`, filter.operatorId);
    if (filter.target) add((p) => `target = ${p}`, filter.target);
    if (filter.from) add((p) => `at >= ${p}`, filter.from);
    if (filter.to) add((p) => `at <= ${p}`, filter.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM platform.audit_log ${clause}`,
      params,
    );
    const items: PlatformAuditItem[] = await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS} FROM platform.audit_log ${clause}
       ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, offsetOf(filter)],
    );
    return { items, total };
  }
}
