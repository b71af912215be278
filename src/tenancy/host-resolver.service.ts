import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../config/app-config';
import { HostResolution } from './tenant-context';
import { TenantRegistry } from './tenant-registry.service';
import { slugProblem } from './slug';

/**
 * Turns a request's Host into the platform, a province, or a clear refusal (docs/ARCHITECTURE.md, "Jobs":
 * host → province). Never throws: a registry outage becomes a 503 refusal, not an unhandled error.
 */
@Injectable()
export class HostResolver {
  private readonly logger = new Logger(HostResolver.name);

  constructor(
    private readonly config: AppConfig,
    private readonly registry: TenantRegistry,
  ) {}

  /** The host the client asked for, honouring X-Forwarded-Host only behind a trusted proxy. */
  requestHost(req: Pick<Request, 'headers'>): string {
    const forwarded = this.config.trustProxy ? firstHeader(req.headers['x-forwarded-host']) : undefined;
    const raw = forwarded?.split(',')[0] ?? firstHeader(req.headers.host) ?? '';
    return normalizeHost(raw);
  }

  async resolve(req: Pick<Request, 'headers'>): Promise<HostResolution> {
    const host = this.requestHost(req);
    if (host === this.config.platformHost) return { kind: 'platform', host };
    try {
      return await this.resolveTenantHost(host);
    } catch (error) {
      this.logger.error({ err: error, host }, 'Tenant registry lookup failed');
      return {
        kind: 'refused',
        host,
        status: 503,
        reason: 'The province registry is unavailable; try again shortly.',
        retryAfterSeconds: this.config.provisioning.retryAfterSeconds,
      };
    }
  }

  private async resolveTenantHost(host: string): Promise<HostResolution> {
    const suffix = `.${this.config.baseDomain}`;
    let tenant = null;
    if (host.endsWith(suffix)) {
      const label = host.slice(0, -suffix.length);
      if (slugProblem(label) === null) tenant = await this.registry.findBySlug(label);
    }
    tenant ??= host ? await this.registry.findByDomain(host) : null;
    if (!tenant) {
      return { kind: 'refused', host, status: 404, reason: `No province is served at host "${host}".` };
    }
    switch (tenant.status) {
      case 'active':
        // A training sandbox past its date is closed until the trainer or an operator extends it.
        if (tenant.sandboxExpiresAt && new Date(tenant.sandboxExpiresAt) <= new Date())
          return {
            kind: 'refused',
            host,
            status: 403,
            reason: `Training sandbox "${tenant.slug}" expired; ask the trainer to extend it.`,
          };
        return { kind: 'tenant', host, tenant };
      case 'provisioning':
        return {
          kind: 'refused',
          host,
          status: 503,
          reason: `Province "${tenant.slug}" is being set up; try again shortly.`,
          retryAfterSeconds: this.config.provisioning.retryAfterSeconds,
        };
      case 'suspended':
        return {
          kind: 'refused',
          host,
          status: 403,
          reason: `Province "${tenant.slug}" is suspended by the platform operators.`,
        };
      case 'failed':
        return {
          kind: 'refused',
          host,
          status: 503,
          reason: `Province "${tenant.slug}" could not be set up; the platform operators have been told.`,
          retryAfterSeconds: this.config.provisioning.retryAfterSeconds,
        };
    }
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Lower-cases, trims, strips the port (IPv6 aware) and one trailing dot. */
export function normalizeHost(raw: string): string {
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    host = end > 0 ? host.slice(0, end + 1) : host;
  } else {
    host = host.replace(/:\d*$/, '');
  }
  return host.replace(/\.$/, '');
}
