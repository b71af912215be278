import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { TenantRecord } from './tenant-context';

const INVALIDATION_CHANNEL = 'tenant-registry';

/**
 * Most lookups kept: every province under its slug, id and a domain, with room for unknown hosts
 * (cached as null, so a flood of made-up hosts costs one query each, then none).
 */
const MAX_ENTRIES = 10_000;

type CacheKey = `slug:${string}` | `domain:${string}` | `id:${string}`;

interface CacheEntry {
  value: TenantRecord | null;
  /** After this, the next lookup still answers from the cache and reloads the entry behind it. */
  refreshAt: number;
}

/**
 * Read side of the province registry with an in-process cache. Any status or domain change
 * calls invalidate(), which clears this process and, through Redis pub/sub, every other API
 * and worker process. An entry never expires under a request: once older than
 * TENANT_CACHE_TTL_MS, the next lookup answers from it and reloads it in the background, so a
 * busy province never waits for platform.tenants (at 1,000 provinces and a hard expiry, a third
 * to a half of requests did; docs/ARCHITECTURE.md, "Speed"). The reload only bounds staleness if
 * a Redis message is ever lost. The cache holds at most MAX_ENTRIES lookups, oldest loaded first
 * out.
 */
@Injectable()
export class TenantRegistry implements OnModuleInit {
  private readonly logger = new Logger(TenantRegistry.name);
  private readonly cache = new Map<CacheKey, CacheEntry>();
  private readonly inflight = new Map<CacheKey, Promise<TenantRecord | null>>();
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.redis.subscribe(INVALIDATION_CHANNEL, () => this.clearLocal());
  }

  findBySlug(slug: string): Promise<TenantRecord | null> {
    return this.cached(`slug:${slug}`, `t.slug = $1`, slug);
  }

  findById(id: string): Promise<TenantRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    return this.cached(`id:${id}`, `t.id = $1`, id);
  }

  findByDomain(domain: string): Promise<TenantRecord | null> {
    return this.cached(
      `domain:${domain}`,
      `t.id = (SELECT tenant_id FROM platform.tenant_domains WHERE domain = $1)`,
      domain,
    );
  }

  /** Every active province, uncached: for periodic fan-out work (mail sweeps, digests). */
  async activeProvinces(): Promise<TenantRecord[]> {
    const rows: Array<{
      id: string;
      slug: string;
      name: string;
      schema_name: string;
      status: TenantRecord['status'];
      settings: TenantRecord['settings'];
    }> = await this.dataSource.query(
      `SELECT id, slug, name, schema_name, status, settings ` +
        `FROM platform.tenants WHERE status = 'active' ORDER BY slug`,
    );
    return rows.map((row) =>
      Object.freeze({
        id: row.id,
        slug: row.slug,
        name: row.name,
        schemaName: row.schema_name,
        status: row.status,
        settings: row.settings ?? {},
      }),
    );
  }

  /** Ids of the provinces that are active now, read from the database (not the cache). */
  async activeIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM platform.tenants WHERE status = 'active' ORDER BY slug`,
    );
    return rows.map((r) => r.id);
  }

  /** Calls `listener` in this process after any province's status, settings or domains change, in any process. */
  async onChange(listener: () => void): Promise<void> {
    await this.redis.subscribe(INVALIDATION_CHANNEL, listener);
  }

  /** Call after any change to a province's status, settings or domains. */
  async invalidate(): Promise<void> {
    this.clearLocal();
    await this.redis.publish(INVALIDATION_CHANNEL, String(Date.now()));
  }

  private clearLocal(): void {
    this.generation++;
    this.cache.clear();
    this.inflight.clear();
  }

  private cached(key: CacheKey, where: string, param: string): Promise<TenantRecord | null> {
    // TENANT_CACHE_TTL_MS=0: no cache, every lookup reads platform.tenants.
    const hit = this.config.tenantCacheTtlMs > 0 ? this.cache.get(key) : undefined;
    if (hit) {
      if (hit.refreshAt <= Date.now() && !this.inflight.has(key)) {
        // Behind the answer: a failed reload keeps the entry, and the next lookup tries again.
        this.fetch(key, where, param).catch((error) =>
          this.logger.warn({ err: (error as Error).message, key }, 'Province registry reload failed'),
        );
      }
      return Promise.resolve(hit.value);
    }
    // Concurrent misses for the same key share one query.
    return this.inflight.get(key) ?? this.fetch(key, where, param);
  }

  private fetch(key: CacheKey, where: string, param: string): Promise<TenantRecord | null> {
    const generation = this.generation;
    const load = this.load(where, param)
      .then((value) => {
        // An invalidation that arrived while loading makes this result untrustworthy: don't cache it.
        if (generation === this.generation) this.remember(key, value);
        return value;
      })
      .finally(() => {
        if (this.inflight.get(key) === load) this.inflight.delete(key);
      });
    this.inflight.set(key, load);
    return load;
  }

  private remember(key: CacheKey, value: TenantRecord | null): void {
    // Re-inserted at each load, so the oldest loaded goes first when full.
    this.cache.delete(key);
    this.cache.set(key, { value, refreshAt: Date.now() + this.config.tenantCacheTtlMs });
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as CacheKey);
  }

  private async load(where: string, param: string): Promise<TenantRecord | null> {
    const rows: Array<{
      id: string;
      slug: string;
      name: string;
      schema_name: string;
      status: TenantRecord['status'];
      settings: TenantRecord['settings'];
    }> = await this.dataSource.query(
      `SELECT t.id, t.slug, t.name, t.schema_name, t.status, t.settings FROM platform.tenants t WHERE ${where}`,
      [param],
    );
    const row = rows[0];
    if (!row) return null;
    return Object.freeze({
      id: row.id,
      slug: row.slug,
      name: row.name,
      schemaName: row.schema_name,
      status: row.status,
      settings: row.settings ?? {},
    });
  }
}
