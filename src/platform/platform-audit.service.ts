import { Injectable, Logger } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { DaftarStore } from '../tenancy/tenant-context';
import { PlatformAuditFilter, PlatformAuditItem, PlatformAuditRepository } from './platform-audit.repository';

/** Who did it, when the request context does not say (sign-in, the command line, the worker). */
export interface PlatformAuditActor {
  operatorId?: string | null;
  operatorEmail?: string | null;
  /** Joins the caller's transaction, so the record commits (or rolls back) with the change. */
  em?: EntityManager;
}

/** platform.audit_log.target's limit (migration 0003); an email may be longer (254), so it is cut. */
const TARGET_MAX = 200;

export interface PlatformAuditPage {
  items: PlatformAuditItem[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The platform audit log: every operator action (sign-in, provinces, operators, migrations,
 * queue dashboard), recorded with the operator and client address from the request context.
 * Action names are `<area>.<verb>`, e.g. `tenant.suspended`, `operator.disabled`, `auth.login`.
 */
@Injectable()
export class PlatformAuditService {
  private readonly logger = new Logger(PlatformAuditService.name);

  constructor(
    private readonly repo: PlatformAuditRepository,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  /**
   * Records an action by the signed-in operator (or the one named in `actor`). `target` names
   * what it was about, e.g. a province slug, an operator's email, a queue or a run id.
   */
  async record(
    action: string,
    target: string | null,
    details: Record<string, unknown> = {},
    actor: PlatformAuditActor = {},
  ): Promise<void> {
    const context = this.cls.isActive() ? this.cls.get() : undefined;
    const principal = context?.principal?.kind === 'operator' ? context.principal : undefined;
    await this.repo.insert(
      {
        operatorId: actor.operatorId !== undefined ? actor.operatorId : (principal?.id ?? null),
        operatorEmail: actor.operatorEmail !== undefined ? actor.operatorEmail : (principal?.email ?? null),
        action,
        target: target === null ? null : target.slice(0, TARGET_MAX),
        details,
        clientIp: context?.clientIp ?? null,
      },
      actor.em,
    );
    this.logger.debug({ action, target }, 'Platform audit');
  }

  async list(filter: PlatformAuditFilter): Promise<PlatformAuditPage> {
    const { items, total } = await this.repo.page(filter);
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }
}
