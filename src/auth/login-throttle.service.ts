import { createHash } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';

/** Where the sign-in happens: a province (by id) or the operators' console. */
export type SignInRealm = { tenantId: string } | 'platform';

export class TooManySignInAttempts extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Brute-force protection for sign-in: failed attempts are counted per account and per client
 * address in Redis (so the limit holds across all API processes), in a fixed window that
 * starts at the first failure. Past the limit, sign-in is refused before any password is
 * checked, with the time left until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  /** Throws TooManySignInAttempts when either counter is at its limit. */
  async assertAllowed(realm: SignInRealm, email: string, address: string | undefined): Promise<void> {
    const [account, byAddress] = this.keys(realm, email, address);
    const limits = this.config.loginThrottle;
    const pipeline = this.redis.client.pipeline().get(account).ttl(account);
    if (byAddress) pipeline.get(byAddress).ttl(byAddress);
    const r = failedOrResults(await pipeline.exec());
    const value = (i: number) => Number(r[i]?.[1] ?? 0);
    if (value(0) >= limits.maxPerAccount) throw new TooManySignInAttempts(Math.max(1, value(1)));
    if (byAddress && value(2) >= limits.maxPerAddress) throw new TooManySignInAttempts(Math.max(1, value(3)));
  }

  async recordFailure(realm: SignInRealm, email: string, address: string | undefined): Promise<void> {
    const window = this.config.loginThrottle.windowSeconds;
    const pipeline = this.redis.client.pipeline();
    for (const key of this.keys(realm, email, address)) {
      if (!key) continue;
      // NX: the window starts at the first failure and is not extended by later ones.
      pipeline.incr(key).expire(key, window, 'NX');
    }
    failedOrResults(await pipeline.exec());
  }

  /** A good sign-in clears the account's counter (not the address's: one success proves little). */
  async recordSuccess(realm: SignInRealm, email: string): Promise<void> {
    await this.redis.client.del(this.keys(realm, email, undefined)[0]);
  }

  private keys(realm: SignInRealm, email: string, address: string | undefined): [string, string | undefined] {
    // Hashed so addresses and emails are not readable from Redis.
    const digest = (v: string) => createHash('sha256').update(v).digest('base64url');
    const base = (...parts: string[]) =>
      realm === 'platform'
        ? this.redis.key('platform', 'login-failures', ...parts)
        : this.redis.tenantKey(realm.tenantId, 'login-failures', ...parts);
    return [
      base('account', digest(email.trim().toLowerCase())),
      address ? base('address', digest(address)) : undefined,
    ];
  }
}

/** Adds the Retry-After header to a throttled sign-in's 429. */
@Catch(TooManySignInAttempts)
export class TooManySignInAttemptsFilter implements ExceptionFilter {
  catch(exception: TooManySignInAttempts, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(exception.getStatus()).json(exception.getResponse());
  }
}

/**
 * ioredis resolves a pipeline with each command's error instead of rejecting. A throttle that
 * cannot count must not wave sign-ins through, so the first error is thrown (a 503 while Redis
 * is unreachable: src/common/unavailable.ts).
 */
function failedOrResults(results: [Error | null, unknown][] | null): [Error | null, unknown][] {
  const failed = results?.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
  return results ?? [];
}
