import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

type MessageHandler = (message: string) => void;

/**
 * The one place that talks to Redis: a command connection, a lazily opened subscriber
 * connection, and the connection settings BullMQ needs. Keys are namespaced by REDIS_PREFIX,
 * and per province by tenantKey(), so deployments and provinces never share keys.
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;
  private subscriber?: Redis;
  private failFast?: Redis;
  private readonly handlers = new Map<string, Set<MessageHandler>>();

  constructor(private readonly config: AppConfig) {
    // Every command of the app is bounded: while Redis is away a caller gets an error (a 503 at the
    // edge, see src/common/unavailable.ts) within the timeout instead of waiting for the reconnect.
    this.client = new Redis(config.redis.url, {
      ...this.connectionOptions(),
      commandTimeout: config.redis.commandTimeoutMs,
    });
  }

  /** Options for every connection; BullMQ's workers require maxRetriesPerRequest: null. */
  connectionOptions(): RedisOptions {
    return { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
  }

  /**
   * A second command connection that refuses commands at once while Redis is unreachable, where
   * `client` queues them until it is back (as BullMQ needs). For work that must never wait on
   * Redis: the per-province rate limit counts on it and lets requests through uncounted meanwhile.
   */
  get failFastClient(): Redis {
    if (!this.failFast) {
      this.failFast = new Redis(this.config.redis.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        enableReadyCheck: true,
      });
      this.failFast.on('error', (err) => this.logger.debug(`Redis (fail-fast connection): ${err.message}`));
    }
    return this.failFast;
  }

  /**
   * BullMQ's connection settings. No command timeout: a worker's blocking reads wait for jobs longer
   * than any timeout would allow. Adding jobs is bounded separately (TenantJobQueue.bounded).
   */
  get queueConnection(): RedisOptions {
    return { ...this.client.options, commandTimeout: undefined };
  }

  /** Retry-After for a 503 caused by Redis: about one reconnect attempt away. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.config.redis.commandTimeoutMs / 1000));
  }

  /** The longest one Redis command of the app may take (REDIS_COMMAND_TIMEOUT_MS). */
  get commandTimeoutMs(): number {
    return this.config.redis.commandTimeoutMs;
  }

  /** A Redis Cluster hash tag keeps all of one deployment's BullMQ keys addressable together. */
  get queuePrefix(): string {
    return `{${this.config.redis.prefix}}`;
  }

  key(...parts: string[]): string {
    return [this.config.redis.prefix, ...parts].join(':');
  }

  tenantKey(tenantId: string, ...parts: string[]): string {
    return this.key('t', tenantId, ...parts);
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.client.publish(this.key(channel), message);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    const fullChannel = this.key(channel);
    if (!this.subscriber) {
      this.subscriber = new Redis(this.config.redis.url, this.connectionOptions());
      this.subscriber.on('message', (ch: string, message: string) => {
        for (const h of this.handlers.get(ch) ?? []) h(message);
      });
      this.subscriber.on('error', (err) => this.logger.warn(`Redis subscriber: ${err.message}`));
    }
    const set = this.handlers.get(fullChannel) ?? new Set<MessageHandler>();
    set.add(handler);
    this.handlers.set(fullChannel, set);
    await this.subscriber.subscribe(fullChannel);
  }

  /** Readiness probe; bounded so a dead Redis answers "down" instead of hanging the probe. */
  async ping(timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    // disconnect, not quit: quit waits for a reply that an unreachable Redis never sends.
    this.failFast?.disconnect();
    await Promise.allSettled([this.client.quit(), this.subscriber?.quit()]);
  }
}
