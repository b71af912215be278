import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { HOST_SCOPE, HostScope } from '../tenancy/host-scope';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../tenancy/access.decorators';
import { DeclaredPermission } from '../tenancy/permissions';

export interface EndpointInfo {
  method: string;
  path: string;
  scope: HostScope;
  isPublic: boolean;
  permission: DeclaredPermission | null;
}

/** Every HTTP endpoint of the app with its host scope and permission, read from Nest's metadata. */
@Injectable()
export class EndpointCatalog {
  private cache?: EndpointInfo[];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  list(): EndpointInfo[] {
    this.cache ??= this.read();
    return this.cache;
  }

  private read(): EndpointInfo[] {
    const scanner = new MetadataScanner();
    const endpoints: EndpointInfo[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = (type.prototype as Record<string, () => unknown>)[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const targets = [handler, type];
        endpoints.push({
          method: RequestMethod[method],
          path: `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
          scope: this.reflector.getAllAndOverride<HostScope>(HOST_SCOPE, targets) ?? 'tenant',
          isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
          permission: this.reflector.getAllAndOverride<DeclaredPermission>(REQUIRED_PERMISSION, targets) ?? null,
        });
      }
    }
    return endpoints.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}
