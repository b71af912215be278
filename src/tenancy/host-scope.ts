import { CanActivate, ExecutionContext, HttpException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ClsService } from 'nestjs-cls';
import { HostResolver } from './host-resolver.service';
import { DaftarStore } from './tenant-context';

/** Which hosts serve an endpoint: a province's (the default), the operators' console, or any. */
export type HostScope = 'tenant' | 'platform' | 'any';
export const HOST_SCOPE = 'daftar:host-scope';

export const PlatformHost = () => SetMetadata(HOST_SCOPE, 'platform' satisfies HostScope);
export const AnyHost = () => SetMetadata(HOST_SCOPE, 'any' satisfies HostScope);

export function hostScopeOf(reflector: Reflector, context: ExecutionContext): HostScope {
  return (
    reflector.getAllAndOverride<HostScope | undefined>(HOST_SCOPE, [context.getHandler(), context.getClass()]) ??
    'tenant'
  );
}

/**
 * First global guard: resolves the Host (only for endpoints that need it: probes answer without
 * touching the registry), puts the province into the request's AsyncLocalStorage context, answers
 * unknown (404), provisioning (503 + Retry-After) and suspended (403) hosts, and keeps platform
 * endpoints off province hosts and province endpoints off the console.
 */
@Injectable()
export class HostScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly cls: ClsService<DaftarStore>,
    private readonly resolver: HostResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = hostScopeOf(this.reflector, context);
    if (scope === 'any') return true;
    const req = context.switchToHttp().getRequest<Request>();
    this.cls.set('clientIp', req.ip);
    const host = await this.resolver.resolve(req);
    this.cls.set('host', host);
    if (host.kind === 'tenant') this.cls.set('tenant', host.tenant);
    if (host.kind === 'refused') {
      if (host.retryAfterSeconds) {
        context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(host.retryAfterSeconds));
      }
      throw new HttpException(
        { statusCode: host.status, error: ERROR_NAMES[host.status], message: host.reason, host: host.host },
        host.status,
      );
    }
    if (host.kind !== scope) {
      const where = scope === 'platform' ? 'the platform host only' : 'province hosts only';
      throw new HttpException(
        { statusCode: 404, error: 'Not Found', message: `This endpoint is served on ${where}.` },
        404,
      );
    }
    return true;
  }
}

const ERROR_NAMES = { 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' } as const;
