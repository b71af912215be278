import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UsersRepository } from './users.repository';

const INVALIDATION_CHANNEL = 'user-token-versions';

/**
 * How long a change's response waits for its Redis message. With Redis down the message goes when
 * it is back (ioredis queues it), and other processes' entries age out within USER_TOKEN_CACHE_TTL_MS.
 */
const PUBLISH_WAIT_MS = 2000;

/**
 * What an access token is worth now: `current`, `stale` (roles, status or password changed since it
 * was issued: a refresh gives a token with the current roles), `inactive` (disabled or not yet
 * active: a refresh is refused too) or `unknown` (no such user in this province).
 */
export type TokenStanding = 'current' | 'stale' | 'inactive' | 'unknown';

interface Entry {
  version: number;
  active: boolean;
  /** After this the entry is read again from the database before it answers. */
  expiresAt: number;
}

/**
 * Province users' token versions. Every access token carries the version it was issued at (`tv`);
 * a change of roles, a disabled account or a new password raises the user's version in the same
 * transaction (revoke()), so the token is refused on its next request, whatever it says, rather
 * than when it expires (ACCESS_TOKEN_TTL_SECONDS).
 *
 * Checked on every province request, so answered from a per-process cache keyed by province and
 * user. A revoke clears the key in this process and, through Redis pub/sub, in every other API
 * process, after the commit and before the response that made the change is sent (as the province
 * registry does: docs/ARCHITECTURE.md, "Registry and hosts"). USER_TOKEN_CACHE_TTL_MS bounds
 * staleness only if a Redis message is lost. A token newer than the cached version means this
 * process missed a message: the entry is read again rather than the token refused.
 */
@Injectable()
export class TokenVersions implements OnModuleInit {
  private readonly logger = new Logger(TokenVersions.name);
  private readonly cache = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry | null>>();
  /** Raised by every invalidation: a read that started before one is not cached (it may predate the change). */
  private generation = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly db: TenantDatabase,
    private readonly users: UsersRepository,
    private readonly redis: RedisService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.redis.subscribe(INVALIDATION_CHANNEL, (key) => this.forget(key));
  }

  /** The standing of a token of the current province issued to `userId` at `tokenVersion`. */
  async standing(userId: string, tokenVersion: number): Promise<TokenStanding> {
    if (!this.config.userTokens.check) return 'current';
    const key = this.keyOf(userId);
    let entry: Entry | null | undefined = this.cached(key);
    if (!entry || entry.version < tokenVersion) entry = await this.load(key, userId);
    if (!entry) return 'unknown';
    if (!entry.active) return 'inactive';
    return entry.version === tokenVersion ? 'current' : 'stale';
  }

  /**
   * Every access token issued to the user so far stops working, inside the caller's unit of work;
   * every process forgets its cached version once it commits (never if it rolls back).
   */
  async revoke(em: EntityManager, userId: string): Promise<void> {
    await this.users.bumpTokenVersion(em, userId);
    const key = this.keyOf(userId);
    this.db.afterCommit(em, () => this.invalidate(key));
  }

  private async invalidate(key: string): Promise<void> {
    this.forget(key);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), PUBLISH_WAIT_MS)));
    try {
      const outcome = await Promise.race([this.redis.publish(INVALIDATION_CHANNEL, key), late]);
      if (outcome === 'late') {
        this.logger.warn({ key }, 'Token version change not yet published (Redis slow or down); it will be sent later');
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private forget(key: string): void {
    this.generation++;
    this.cache.delete(key);
    this.inflight.delete(key);
  }

  /** Province and user: the same user id in another province is another account. */
  private keyOf(userId: string): string {
    return `${this.db.currentTenant().id}:${userId}`;
  }

  private cached(key: string): Entry | undefined {
    const entry = this.cache.get(key);
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  }

  private load(key: string, userId: string): Promise<Entry | null> {
    const running = this.inflight.get(key);
    if (running) return running;
    const generation = this.generation;
    const load = this.users
      .tokenStanding(userId)
      .then((row) => {
        const entry = row && {
          version: row.version,
          active: row.status === 'active',
          expiresAt: Date.now() + this.config.userTokens.cacheTtlMs,
        };
        if (entry && generation === this.generation && this.config.userTokens.cacheTtlMs > 0) this.remember(key, entry);
        return entry;
      })
      .finally(() => {
        if (this.inflight.get(key) === load) this.inflight.delete(key);
      });
    this.inflight.set(key, load);
    return load;
  }

  private remember(key: string, entry: Entry): void {
    // Re-inserted at each load, so the oldest loaded goes first when full.
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > this.config.userTokens.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}
