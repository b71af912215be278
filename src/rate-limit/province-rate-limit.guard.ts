import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { ClsService } from 'nestjs-cls';
import { AppConfig } from '../config/app-config';
import { DaftarStore } from '../tenancy/tenant-context';
import { ProvinceRateLimiter } from './province-rate-limiter.service';

/** The 429 a province gets past its share of the API. */
export class ProvinceRateLimitExceeded extends HttpException {
  constructor(limit: number, retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `This province has used its ${limit} requests a minute; try again in ${retryAfterSeconds} seconds`,
        reason: 'province-rate-limit',
        limitPerMinute: limit,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Second global guard, after HostScopeGuard has put the province into the context and before
 * the token is verified (a province past its limit costs no JWT check). Only province requests
 * are counted: the operators' host and the probes (/health, /ready, /metrics) have no province
 * in the context and pass (as everything does with RATE_LIMIT_ENABLED=false). Every counted
 * answer carries the RateLimit-* headers (seconds for Reset, as in the IETF RateLimit header
 * fields draft); a refused one also Retry-After.
 */
@Injectable()
export class ProvinceRateLimitGuard implements CanActivate {
  constructor(
    private readonly cls: ClsService<DaftarStore>,
    private readonly limiter: ProvinceRateLimiter,
    config: AppConfig,
  ) {
    this.enabled = config.rateLimit.enabled;
  }

  private readonly enabled: boolean;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const tenant = this.enabled ? this.cls.get('tenant') : undefined;
    if (!tenant) return true;
    const verdict = await this.limiter.consume(tenant);
    if (!verdict) return true;
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('RateLimit-Limit', String(verdict.limit));
    res.setHeader('RateLimit-Remaining', String(verdict.remaining));
    res.setHeader('RateLimit-Reset', String(verdict.resetSeconds));
    if (verdict.allowed) return true;
    res.setHeader('Retry-After', String(verdict.resetSeconds));
    throw new ProvinceRateLimitExceeded(verdict.limit, verdict.resetSeconds);
  }
}
