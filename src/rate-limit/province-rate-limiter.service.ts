import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { TenantRecord } from '../tenancy/tenant-context';

/** The counting window: limits are set per minute, and a minute is the window. */
export const WINDOW_SECONDS = 60;

/** While Redis is unreachable every request would warn; one warning this often says it. */
const FAIL_OPEN_WARNING_INTERVAL_MS = 10_000;

/** How long start-up waits for the fail-fast connection before the first requests go uncounted. */
const CONNECT_WAIT_MS = 2000;

/** The count of one request against its province's limit. */
export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends and counting starts again (at least 1). */
  resetSeconds: number;
}

/**
 * Each province's share of the API (README, "Rate limit per province"): a fixed one-minute window
 * per province, counted in Redis by rate-limiter-flexible so every API process draws on one
 * count. The limit is the province's own (platform.tenants.rate_limit_per_minute, read through
 * the cached registry, so an operator's change reaches every process with its invalidation) or
 * RATE_LIMIT_PER_PROVINCE_PER_MINUTE.
 *
 * It fails open: a province must not lose the API because the counter is unreachable, so when
 * Redis refuses or does not answer within RATE_LIMIT_REDIS_TIMEOUT_MS the request passes
 * uncounted and a warning is logged.
 */
@Injectable()
export class ProvinceRateLimiter implements OnModuleInit {
  private readonly logger = new Logger(ProvinceRateLimiter.name);
  /**
   * One limiter per limit in use, all on the same keys: a changed limit applies to the count
   * already made this minute instead of starting a fresh one.
   */
  private readonly limiters = new Map<number, RLWrapperTimeouts>();
  private lastWarningAt = 0;

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const client = this.redis.failFastClient;
    if (client.status === 'ready') return;
    // Commands sent before the connection is ready are refused (fail-fast): let it get there first.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => client.once('ready', () => resolve())),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  /** The requests a minute the province may make. */
  limitOf(tenant: Pick<TenantRecord, 'rateLimitPerMinute'>): number {
    return tenant.rateLimitPerMinute ?? this.config.rateLimit.defaultPerMinute;
  }

  /** Counts one request of the province; null when it could not be counted (let it through). */
  async consume(tenant: TenantRecord): Promise<RateLimitVerdict | null> {
    const limit = this.limitOf(tenant);
    try {
      return verdict(true, limit, await this.limiterFor(limit).consume(this.keyOf(tenant.id)));
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return verdict(false, limit, outcome);
      this.warnFailingOpen(tenant, outcome);
      return null;
    }
  }

  /** The requests counted in the province's current window; null when Redis cannot say. */
  async usage(tenantId: string): Promise<{ used: number; resetSeconds: number } | null> {
    try {
      const res = await this.limiterFor(this.config.rateLimit.defaultPerMinute).get(this.keyOf(tenantId));
      return res
        ? { used: res.consumedPoints, resetSeconds: secondsOf(res.msBeforeNext) }
        : { used: 0, resetSeconds: 0 };
    } catch {
      return null;
    }
  }

  private keyOf(tenantId: string): string {
    return this.redis.tenantKey(tenantId, 'rate-limit');
  }

  private limiterFor(limit: number): RLWrapperTimeouts {
    let limiter = this.limiters.get(limit);
    if (!limiter) {
      const counter = new RateLimiterRedis({
        storeClient: this.redis.failFastClient,
        rejectIfRedisNotReady: true,
        // Keys are complete already (keyOf): the deployment's prefix, then the province.
        keyPrefix: '',
        points: limit,
        duration: WINDOW_SECONDS,
        // Past its limit a province is refused from memory until the window ends, so a flood
        // costs this process no Redis round trips.
        inMemoryBlockOnConsumed: limit,
      });
      limiter = new RLWrapperTimeouts({ limiter: counter, timeoutMs: this.config.rateLimit.redisTimeoutMs });
      this.limiters.set(limit, limiter);
    }
    return limiter;
  }

  private warnFailingOpen(tenant: TenantRecord, error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < FAIL_OPEN_WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    this.logger.warn(
      { err: (error as Error)?.message, province: tenant.slug },
      'Rate limit not counted (Redis unreachable or slow): requests pass uncounted',
    );
  }
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function verdict(allowed: boolean, limit: number, res: RateLimiterRes): RateLimitVerdict {
  return { allowed, limit, remaining: res.remainingPoints, resetSeconds: secondsOf(res.msBeforeNext) };
}
