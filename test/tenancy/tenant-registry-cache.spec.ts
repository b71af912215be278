import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { RedisService } from '../../src/redis/redis.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { TenantsRepository } from '../../src/tenancy/tenants.repository';

/*
 * The registry's cache on its own (no database): an entry older than the TTL is answered from the
 * cache and reloaded behind the answer; an invalidation wins over a reload in flight; the cache
 * stays bounded; TTL 0 turns it off.
 */

const TTL = 30_000;

function row(slug: string, status = 'active') {
  return { id: `id-${slug}`, slug, name: slug, schema_name: `t_${slug}`, status, settings: {} };
}

function registry(ttl = TTL) {
  const statuses = new Map<string, string>();
  const pending: Array<() => void> = [];
  let hold = false;
  const query = jest.fn(async (_sql: string, [slug]: string[]) => {
    if (hold) await new Promise<void>((resolve) => pending.push(resolve));
    return slug.startsWith('nowhere') ? [] : [row(slug, statuses.get(slug) ?? 'active')];
  });
  const listeners: Array<() => void> = [];
  const redis = {
    subscribe: async (_channel: string, listener: () => void) => void listeners.push(listener),
    publish: async () => listeners.forEach((l) => l()),
  };
  const config = { tenantCacheTtlMs: ttl } as AppConfig;
  const repository = new TenantsRepository({ query } as unknown as DataSource);
  const r = new TenantRegistry(repository, redis as unknown as RedisService, config);
  return {
    r,
    query,
    statuses,
    holdLoads: () => (hold = true),
    releaseLoads: () => {
      hold = false;
      pending.splice(0).forEach((resolve) => resolve());
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('TenantRegistry cache', () => {
  let now = 1_000_000;
  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers from the cache within the TTL: one query for many lookups', async () => {
    const { r, query } = registry();
    await r.onModuleInit();
    await Promise.all(Array.from({ length: 10 }, () => r.findBySlug('kp')));
    now += TTL - 1;
    expect((await r.findBySlug('kp'))?.slug).toBe('kp');
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('past the TTL, answers from the cache at once and reloads behind the answer', async () => {
    const { r, query, statuses, holdLoads, releaseLoads } = registry();
    await r.onModuleInit();
    await r.findBySlug('kp');
    statuses.set('kp', 'suspended'); // changed without an invalidation (a lost Redis message)
    now += TTL;
    holdLoads();
    // The reload is held: the lookup still answers, from the cache, and only one reload starts.
    expect((await r.findBySlug('kp'))?.status).toBe('active');
    expect((await r.findBySlug('kp'))?.status).toBe('active');
    expect(query).toHaveBeenCalledTimes(2);
    releaseLoads();
    await flush();
    expect((await r.findBySlug('kp'))?.status).toBe('suspended');
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('an invalidation clears at once, and a reload in flight when it came is not kept', async () => {
    const { r, query, statuses, holdLoads, releaseLoads } = registry();
    await r.onModuleInit();
    await r.findBySlug('kp');
    now += TTL;
    holdLoads();
    await r.findBySlug('kp'); // starts a reload, held
    statuses.set('kp', 'suspended');
    await r.invalidate();
    const fresh = r.findBySlug('kp'); // a miss: waits for its own load
    releaseLoads();
    expect((await fresh)?.status).toBe('suspended');
    await flush();
    expect((await r.findBySlug('kp'))?.status).toBe('suspended');
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('caches unknown hosts as null, and stays bounded', async () => {
    const { r, query } = registry();
    await r.onModuleInit();
    expect(await r.findBySlug('nowhere')).toBeNull();
    expect(await r.findBySlug('nowhere')).toBeNull();
    expect(query).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10_050; i++) await r.findBySlug(`nowhere-${i}`);
    const size = (r as unknown as { cache: Map<string, unknown> }).cache.size;
    expect(size).toBeLessThanOrEqual(10_000);
    // The oldest loaded went first; the newest are still there.
    query.mockClear();
    await r.findBySlug('nowhere-10049');
    await r.findBySlug('nowhere');
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('with a TTL of 0 reads the database on every lookup', async () => {
    const { r, query } = registry(0);
    await r.onModuleInit();
    await r.findBySlug('kp');
    await r.findBySlug('kp');
    expect(query).toHaveBeenCalledTimes(2);
  });
});
