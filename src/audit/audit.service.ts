import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { offsetOf } from '../common/paging';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { AuditActorType, AuditEntry } from './audit-entry.entity';
import { AuditQuery } from './dto';

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
  ) {}

  async record(em: EntityManager, event: AuditEvent): Promise<void> {
    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    const actor = event.actor ?? (principal
      ? { type: principal.kind, id: principal.id, email: principal.email }
      : { type: 'system' as const });
    const repo = em.getRepository(AuditEntry);
    const entry = repo.create({
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
    await repo.save(entry);
  }

  /** For events with no other write to join (e.g. a failed sign-in). */
  recordAlone(event: AuditEvent): Promise<void> {
    return this.db.transaction((em) => this.record(em, event));
  }

  list(query: AuditQuery): Promise<AuditPage> {
    return this.db.transaction(async (em) => {
      const qb = em.getRepository(AuditEntry).createQueryBuilder('a');
      if (query.action) qb.andWhere('a.action = :action', { action: query.action });
      if (query.actorId) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
      if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
      if (query.to) qb.andWhere('a.at <= :to', { to: query.to });
      const [items, total] = await qb
        .orderBy('a.at', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .skip(offsetOf(query))
        .take(query.pageSize)
        .getManyAndCount();
      return { items, total, page: query.page, pageSize: query.pageSize };
    });
  }
}
