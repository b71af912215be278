import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TenantRecord } from './tenant-context';
import { TenantDomain } from './tenant-domain.entity';
import { Tenant, TenantSettings, TenantStatus } from './tenant.entity';

/** How a province is looked up on the request path. */
export type TenantLookup = 'slug' | 'id' | 'domain';

const LOOKUP_CONDITION: Record<TenantLookup, string> = {
  slug: 't.slug = $1',
  id: 't.id = $1',
  domain: 't.id = (SELECT tenant_id FROM platform.tenant_domains WHERE domain = $1)',
};

const RECORD_COLUMNS = [
  't.id',
  't.slug',
  't.name',
  't.schema_name',
  't.status',
  't.settings',
  't.rate_limit_per_minute',
  't.sandbox_of',
  't.sandbox_expires_at',
].join(', ');

interface RecordRow {
  id: string;
  slug: string;
  name: string;
  schema_name: string;
  status: TenantStatus;
  settings: TenantSettings | null;
  rate_limit_per_minute: number | null;
  sandbox_of: string | null;
  sandbox_expires_at: Date | null;
}

/** A registry row as the request path keeps it: small and frozen, as it is cached and shared. */
function recordOf(row: RecordRow): TenantRecord {
  return Object.freeze({
    id: row.id,
    slug: row.slug,
    name: row.name,
    schemaName: row.schema_name,
    status: row.status,
    settings: row.settings ?? {},
    rateLimitPerMinute: row.rate_limit_per_minute,
    sandboxOf: row.sandbox_of,
    sandboxExpiresAt: row.sandbox_expires_at,
  });
}

/** A province about to be registered. */
export interface NewTenant {
  slug: string;
  name: string;
  schemaName: string;
  status: TenantStatus;
  settings: TenantSettings;
  /** Set for a training sandbox: the live province's slug and when the sandbox closes. */
  sandboxOf?: string | null;
  sandboxExpiresAt?: Date | null;
}

/**
 * SQL on the province registry (`platform.tenants`, `platform.tenant_domains`), which tenancy
 * owns; the operators' platform and provisioning change it through TenantRegistry. Methods that
 * take an EntityManager run in the caller's platform transaction.
 */
@Injectable()
export class TenantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findRecord(by: TenantLookup, value: string): Promise<TenantRecord | null> {
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM platform.tenants t WHERE ${LOOKUP_CONDITION[by]}`,
      [value],
    );
    return rows[0] ? recordOf(rows[0]) : null;
  }

  async activeRecords(): Promise<TenantRecord[]> {
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM platform.tenants t WHERE t.status = 'active' ORDER BY t.slug`,
    );
    return rows.map(recordOf);
  }

  async activeIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM platform.tenants WHERE status = 'active' ORDER BY slug`,
    );
    return rows.map((r) => r.id);
  }

  /** Every province with its domains, by slug. */
  all(): Promise<Tenant[]> {
    return this.dataSource.getRepository(Tenant).find({ relations: { domains: true }, order: { slug: 'ASC' } });
  }

  /** One province by id, read now. */
  byId(id: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOneBy({ id });
  }

  /** One province with its domains. */
  bySlug(slug: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOne({ where: { slug }, relations: { domains: true } });
  }

  insert(em: EntityManager, tenant: NewTenant): Promise<Tenant> {
    const repo = em.getRepository(Tenant);
    return repo.save(repo.create(tenant));
  }

  async replaceDomains(em: EntityManager, tenantId: string, domains: readonly string[]): Promise<void> {
    const repo = em.getRepository(TenantDomain);
    await repo.delete({ tenantId });
    if (domains.length) await repo.insert(domains.map((domain) => ({ domain, tenantId })));
  }

  /** The province's id and status, its row locked until the caller's transaction ends. */
  async lockBySlug(em: EntityManager, slug: string): Promise<{ id: string; status: TenantStatus } | null> {
    const [row] = await em.query(`SELECT id, status FROM platform.tenants WHERE slug = $1 FOR UPDATE`, [slug]);
    return row ?? null;
  }

  /** The province's status, its row locked until the caller's transaction ends. */
  async lockById(em: EntityManager, id: string): Promise<TenantStatus | null> {
    const [row] = await em.query(`SELECT status FROM platform.tenants WHERE id = $1 FOR UPDATE`, [id]);
    return row?.status ?? null;
  }

  /** Moves a training sandbox's closing time (the caller invalidates the registry). */
  async setSandboxExpiry(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.tenants SET sandbox_expires_at = $2, updated_at = now()
        WHERE id = $1 AND sandbox_of IS NOT NULL`,
      [id, at],
    );
  }

  /** The training sandbox of a live province, read now. */
  sandboxOf(liveSlug: string): Promise<Tenant | null> {
    return this.dataSource
      .getRepository(Tenant)
      .findOne({ where: { sandboxOf: liveSlug }, relations: { domains: true } });
  }

  /** Ids of the active training sandboxes (the scheduled reset). */
  async activeSandboxIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM platform.tenants WHERE status = 'active' AND sandbox_of IS NOT NULL ORDER BY slug`,
    );
    return rows.map((r) => r.id);
  }

  /** Sets the province's status whatever it was (the caller holds its row lock). */
  async setStatus(em: EntityManager, id: string, status: TenantStatus, reason: string | null): Promise<void> {
    await em.query(`UPDATE platform.tenants SET status = $2, status_reason = $3, updated_at = now() WHERE id = $1`, [
      id,
      status,
      reason,
    ]);
  }

  /**
   * Sets the province's own rate limit (null: the default) and answers the one it replaced;
   * undefined when there is no such province. The row stays locked until the caller's transaction ends.
   */
  async setRateLimit(
    em: EntityManager,
    slug: string,
    perMinute: number | null,
  ): Promise<{ before: number | null } | undefined> {
    const [row]: { before: number | null }[] = await em.query(
      `SELECT rate_limit_per_minute AS before FROM platform.tenants WHERE slug = $1 FOR UPDATE`,
      [slug],
    );
    if (!row) return undefined;
    await em.query(`UPDATE platform.tenants SET rate_limit_per_minute = $2, updated_at = now() WHERE slug = $1`, [
      slug,
      perMinute,
    ]);
    return { before: row.before };
  }

  /**
   * Moves the province from `from` to `to` (with a reason, or none) and answers whether it was in
   * `from`: a concurrent change in between leaves it untouched.
   */
  async transition(
    where: { id: string } | { slug: string },
    from: TenantStatus,
    to: TenantStatus,
    reason: string | null,
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const [column, value] = 'id' in where ? ['id', where.id] : ['slug', where.slug];
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [, affected]: [unknown[], number] = await em.query(
      `UPDATE platform.tenants SET status = $3, status_reason = $4, updated_at = now() ` +
        `WHERE ${column} = $1 AND status = $2 RETURNING id`,
      [value, from, to, reason],
    );
    return affected > 0;
  }
}
