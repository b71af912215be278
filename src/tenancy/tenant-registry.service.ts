import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUnavailable } from '../common/unavailable';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { TenantRecord } from './tenant-context';
import { Tenant, TenantStatus } from './tenant.entity';
import { NewTenant, TenantLookup, TenantsRepository } from './tenants.repository';

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
    private readonly repository: TenantsRepository,
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.redis.subscribe(INVALIDATION_CHANNEL, () => this.clearLocal());
  }

  findBySlug(slug: string): Promise<TenantRecord | null> {
    return this.cached(`slug:${slug}`, 'slug', slug);
  }

  findById(id: string): Promise<TenantRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    return this.cached(`id:${id}`, 'id', id);
  }

  findByDomain(domain: string): Promise<TenantRecord | null> {
    return this.cached(`domain:${domain}`, 'domain', domain);
  }

  /** Every active province, uncached: for periodic fan-out work (mail sweeps, digests). */
  activeProvinces(): Promise<TenantRecord[]> {
    return this.repository.activeRecords();
  }

  /** Ids of the provinces that are active now, read from the database (not the cache). */
  activeIds(): Promise<string[]> {
    return this.repository.activeIds();
  }

  /** Calls `listener` in this process after any province's status, settings or domains change, in any process. */
  async onChange(listener: () => void): Promise<void> {
    await this.redis.subscribe(INVALIDATION_CHANNEL, listener);
  }

  /** Call after any change to a province's status, settings or domains. */
  async invalidate(): Promise<void> {
    this.clearLocal();
    try {
      await this.redis.publish(INVALIDATION_CHANNEL, String(Date.now()));
    } catch (error) {
      // The change is committed; a lost message only delays the other processes until their cache
      // entries expire (TENANT_CACHE_TTL_MS). Failing here instead would strand the caller's next
      // step (e.g. queueing a provisioning run) while Redis is down.
      if (!isUnavailable(error)) throw error;
      this.logger.warn(`Province change not broadcast (Redis unavailable): ${(error as Error).message}`);
    }
  }

  private clearLocal(): void {
    this.generation++;
    this.cache.clear();
    this.inflight.clear();
  }

  private cached(key: CacheKey, by: TenantLookup, value: string): Promise<TenantRecord | null> {
    // TENANT_CACHE_TTL_MS=0: no cache, every lookup reads platform.tenants.
    const hit = this.config.tenantCacheTtlMs > 0 ? this.cache.get(key) : undefined;
    if (hit) {
      if (hit.refreshAt <= Date.now() && !this.inflight.has(key)) {
        // Behind the answer: a failed reload keeps the entry, and the next lookup tries again.
        this.fetch(key, by, value).catch((error) =>
          this.logger.warn({ err: (error as Error).message, key }, 'Province registry reload failed'),
        );
      }
      return Promise.resolve(hit.value);
    }
    // Concurrent misses for the same key share one query.
    return this.inflight.get(key) ?? this.fetch(key, by, value);
  }

  private fetch(key: CacheKey, by: TenantLookup, value: string): Promise<TenantRecord | null> {
    const generation = this.generation;
    const load = this.repository
      .findRecord(by, value)
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

  // The write side, for the operators' platform and provisioning. Callers invalidate() after
  // their transaction commits, so no process answers from a stale entry.

  /** Every province with its domains, read now (not cached). */
  all(): Promise<Tenant[]> {
    return this.repository.all();
  }

  /** One province with its domains, read now (not cached). */
  describe(slug: string): Promise<Tenant | null> {
    return this.repository.bySlug(slug);
  }

  /** One province by id, read now (not cached): provisioning works from its current row. */
  describeById(id: string): Promise<Tenant | null> {
    return this.repository.byId(id);
  }

  /** The training sandbox of a live province (src/training), read now (not cached). */
  sandboxOf(liveSlug: string): Promise<Tenant | null> {
    return this.repository.sandboxOf(liveSlug);
  }

  /** Ids of the active training sandboxes, read now. */
  activeSandboxIds(): Promise<string[]> {
    return this.repository.activeSandboxIds();
  }

  /** Moves a training sandbox's closing time; the caller invalidates. */
  setSandboxExpiry(id: string, at: Date): Promise<void> {
    return this.repository.setSandboxExpiry(id, at);
  }

  register(em: EntityManager, tenant: NewTenant): Promise<Tenant> {
    return this.repository.insert(em, tenant);
  }

  replaceDomains(em: EntityManager, tenantId: string, domains: readonly string[]): Promise<void> {
    return this.repository.replaceDomains(em, tenantId, domains);
  }

  lockBySlug(em: EntityManager, slug: string): Promise<{ id: string; status: TenantStatus } | null> {
    return this.repository.lockBySlug(em, slug);
  }

  lockById(em: EntityManager, id: string): Promise<TenantStatus | null> {
    return this.repository.lockById(em, id);
  }

  /** Sets a province's own rate limit (null: the default); undefined when there is no such province. */
  setRateLimit(
    em: EntityManager,
    slug: string,
    perMinute: number | null,
  ): Promise<{ before: number | null } | undefined> {
    return this.repository.setRateLimit(em, slug, perMinute);
  }

  setStatus(em: EntityManager, id: string, status: TenantStatus, reason: string | null): Promise<void> {
    return this.repository.setStatus(em, id, status, reason);
  }

  /** Moves a province from one status to another; false when it was not in `from` (nothing changed). */
  transition(
    where: { id: string } | { slug: string },
    from: TenantStatus,
    to: TenantStatus,
    reason: string | null,
    em?: EntityManager,
  ): Promise<boolean> {
    return this.repository.transition(where, from, to, reason, em);
  }
}
