import { Injectable, Logger } from '@nestjs/common';
import { settleWithConcurrency } from '../common/concurrency';
import { AppConfig } from '../config/app-config';
import { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { ProjectsService } from '../projects/projects.service';
import { ProvinceSchemas } from '../tenancy/province-schemas.service';
import { UsersService } from '../users/users.service';
import { TenantsService } from './tenants.service';

/** A province's figures for the operator console, read from its own schema. */
export interface ProvinceCounts {
  users: number;
  projects: number;
  documents: number;
  attachments: number;
  attachmentBytes: number;
  lastActivityAt: Date | null;
}

/** A province's figures, or `unreadable` (its schema could not be read) without them. */
export type ProvinceStats = { slug: string } & (ProvinceCounts | { unreadable: true });

/**
 * Users, projects, documents, attachments and last activity of every active or suspended
 * province, for the console's province list. One short read per province, a few at a time
 * (MIGRATION_CONCURRENCY: the same bound as other work across every province), kept for
 * PROVINCE_STATS_CACHE_SECONDS so a console polling it costs the database little.
 */
@Injectable()
export class ProvinceStatsService {
  private readonly logger = new Logger(ProvinceStatsService.name);
  private cached?: { at: number; value: Promise<ProvinceStats[]> };

  constructor(
    private readonly tenants: TenantsService,
    private readonly schemas: ProvinceSchemas,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly projects: ProjectsService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
  ) {}

  all(): Promise<ProvinceStats[]> {
    const maxAgeMs = this.config.provinceStatsCacheSeconds * 1000;
    if (!this.cached || Date.now() - this.cached.at >= maxAgeMs) {
      const value = this.read();
      // Concurrent callers share one read; a failed read is not kept.
      this.cached = { at: Date.now(), value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached = undefined;
      });
    }
    return this.cached.value;
  }

  private async read(): Promise<ProvinceStats[]> {
    const provinces = (await this.tenants.list()).filter((t) => t.status === 'active' || t.status === 'suspended');
    const results = await settleWithConcurrency(provinces, this.config.migrationConcurrency, (t) =>
      this.schemas.inSchema(t.schemaName, (em) => this.countsIn(em)),
    );
    // One province that cannot be read (a broken migration, a lock) must not hide every other's figures.
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [provinces[i].slug] : []));
    if (failed.length) {
      const first = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      const err = (first.reason as Error)?.message;
      this.logger.error({ provinces: failed, err }, 'Province figures could not be read');
    }
    return provinces.map((t, i) => {
      const result = results[i];
      return result.status === 'fulfilled'
        ? { slug: t.slug, ...result.value }
        : { slug: t.slug, unreadable: true as const };
    });
  }

  /**
   * One province's figures, each from the module that owns the table (docs/ARCHITECTURE.md, "Who
   * may touch what"): four short reads in one unit of work on the province's schema.
   */
  private async countsIn(em: EntityManager): Promise<ProvinceCounts> {
    const users = await this.users.count(em);
    const { projects, documents, lastChangedAt } = await this.projects.figures(em);
    const files = await this.attachments.totals(em);
    const lastAudit = await this.audit.lastEntryAt(em);
    const times = [lastAudit, lastChangedAt].filter((t): t is Date => t !== null);
    const lastActivityAt = times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null;
    return { users, projects, documents, attachments: files.count, attachmentBytes: files.bytes, lastActivityAt };
  }
}
