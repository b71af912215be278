import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { offsetOf } from '../common/paging';
import { neutraliseText } from '../common/cell-safety';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { AuditActorType, AuditEntry } from './audit-entry.entity';
import { AuditCriteria, AuditFacets, AuditRepository, UserAction } from './audit.repository';
import { AUDIT_EXPORT_MAX_ROWS, AuditExportQuery, AuditQuery } from './dto';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  /** Who acted, when it is not the signed-in principal (e.g. a sign-in attempt). */
  actor?: { type: AuditActorType; id?: string | null; email?: string | null };
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditCsv {
  fileName: string;
  csv: string;
  /** Entries matching the filters; more than the file holds when it was cut at AUDIT_EXPORT_MAX_ROWS. */
  total: number;
  truncated: boolean;
}

/** The export's columns: the entry as stored, details as JSON. */
const CSV_HEADER = [
  'at',
  'actorType',
  'actorEmail',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'ip',
  'requestId',
  'details',
];

/**
 * Writes a province's audit log. record() joins the caller's unit of work, so an entry exists
 * exactly when the change it describes was committed; who, from where and which request come
 * from the request's AsyncLocalStorage context.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly cls: ClsService<DaftarStore>,
    private readonly repository: AuditRepository,
  ) {}

  async record(em: EntityManager, event: AuditEvent): Promise<void> {
    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    const actor =
      event.actor ??
      (principal ? { type: principal.kind, id: principal.id, email: principal.email } : { type: 'system' as const });
    await this.repository.insert(em, {
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorEmail: actor.email ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ip: (this.cls.isActive() && this.cls.get('clientIp')) || null,
      requestId: (this.cls.isActive() && this.cls.getId()) || null,
      details: event.details ?? {},
    });
  }

  /** What these users did, oldest first, in the caller's unit of work (training exercises). */
  actionsBy(em: EntityManager, actorIds: readonly string[]): Promise<UserAction[]> {
    return this.repository.actionsBy(em, actorIds);
  }

  /** For events with no other write to join (e.g. a failed sign-in). */
  recordAlone(event: AuditEvent): Promise<void> {
    return this.db.transaction((em) => this.record(em, event));
  }

  list(query: AuditQuery): Promise<AuditPage> {
    return this.db.transaction(async (em) => {
      const { items, total } = await this.repository.page(em, criteriaOf(query), offsetOf(query), query.pageSize);
      return { items, total, page: query.page, pageSize: query.pageSize };
    });
  }

  /** The actions and target kinds the log holds, for the filter pickers. */
  facets(): Promise<AuditFacets> {
    return this.db.transaction((em) => this.repository.facets(em));
  }

  /**
   * The filtered log as CSV, newest first, at most AUDIT_EXPORT_MAX_ROWS rows. A UTF-8 byte-order
   * mark makes Excel read Urdu names right; every text cell is made formula-safe (a target id or
   * an email is chosen by whoever acted, so it may start with "=").
   */
  exportCsv(query: AuditExportQuery): Promise<AuditCsv> {
    return this.db.transaction(async (em) => {
      const { items, total } = await this.repository.page(em, criteriaOf(query), 0, AUDIT_EXPORT_MAX_ROWS);
      const rows = items.map((e) =>
        [
          new Date(e.at).toISOString(),
          e.actorType,
          e.actorEmail,
          e.actorId,
          e.action,
          e.targetType,
          e.targetId,
          e.ip,
          e.requestId,
          Object.keys(e.details ?? {}).length ? JSON.stringify(e.details) : '',
        ].map((cell) => neutraliseText(cell ?? '')),
      );
      const csv = stringify([CSV_HEADER, ...rows], { bom: true, record_delimiter: 'windows' });
      const day = new Date().toISOString().slice(0, 10);
      const fileName = `audit-log-${this.db.currentTenant().slug}-${day}.csv`;
      // Who took the log away, with which filters, is itself part of the log.
      const filters = Object.fromEntries(Object.entries(criteriaOf(query)).filter(([, v]) => v !== undefined));
      await this.record(em, {
        action: 'audit.exported',
        targetType: 'audit',
        details: { filters, rows: items.length },
      });
      return { fileName, csv, total, truncated: total > items.length };
    });
  }

  /** When the province's latest audit entry was written, or null, in the caller's unit of work. */
  lastEntryAt(em: EntityManager): Promise<Date | null> {
    return this.repository.lastEntryAt(em);
  }
}

function criteriaOf(query: AuditCriteria): AuditCriteria {
  const { action, actorId, targetType, targetId, from, to } = query;
  return { action, actorId, targetType, targetId, from, to };
}
