import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import ipaddr from 'ipaddr.js';
import { ClsService } from 'nestjs-cls';
import { AppConfig } from '../config/app-config';
import { HostResolver } from '../tenancy/host-resolver.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { bearerOf, OperatorAccess } from './operator-access';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1: an IPv4 client of a dual-stack socket) is its IPv4 address. */
function normalise(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

/**
 * Who may read /metrics (README, "Metrics and the queue dashboard"): a client inside
 * METRICS_ALLOWED_NETWORKS on any host without a token (a Prometheus server on the private
 * network), otherwise an operator's token on the platform host. Elsewhere the endpoint does not
 * exist (404), so a province host never reveals it; on the platform host no or a bad token is 401
 * and a province token 403.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly networks: Array<[Address, number]>;

  constructor(
    config: AppConfig,
    private readonly resolver: HostResolver,
    private readonly access: OperatorAccess,
    private readonly cls: ClsService<DaftarStore>,
  ) {
    // Validated at start-up (config); parsed once here.
    this.networks = config.metrics.allowedNetworks.map((cidr) => {
      const [address, bits] = ipaddr.parseCIDR(cidr);
      const net = normalise(address);
      return [net, net.kind() === address.kind() ? bits : bits - 96];
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const host = await this.resolver.resolve(req);
    this.cls.set('host', host);
    if (host.kind === 'tenant') this.cls.set('tenant', host.tenant);
    if (this.fromAllowedNetwork(req.ip)) return true;
    if (host.kind !== 'platform') throw new NotFoundException('Cannot GET /metrics');
    const check = await this.access.check(bearerOf(req));
    if (check.ok) return true;
    throw check.status === 403 ? new ForbiddenException(check.message) : new UnauthorizedException(check.message);
  }

  private fromAllowedNetwork(ip: string | undefined): boolean {
    if (!ip || !this.networks.length || !ipaddr.isValid(ip)) return false;
    const address = normalise(ipaddr.parse(ip));
    return this.networks.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));
  }
}
