import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../../src/auth/auth.decorators';
import { HOST_SCOPE, HostScope } from '../../src/tenancy/host-scope';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/** Endpoints that answer without a token, on purpose. Adding one means adding it here. */
const PUBLIC_ENDPOINTS = [
  'GET /health',
  'GET /ready',
  'GET /api/tenant',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'POST /api/platform/auth/login',
];

interface Endpoint {
  method: string;
  path: string;
  isPublic: boolean;
  scope: HostScope;
}

/** Every route of the running app, read from Nest's own metadata, not from a hand-kept list. */
function endpointsOf(h: Harness): Endpoint[] {
  const discovery = new DiscoveryService(h.api.get(ModulesContainer));
  const reflector = h.api.get(Reflector);
  const scanner = new MetadataScanner();
  const endpoints: Endpoint[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!type) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      endpoints.push({
        method: RequestMethod[method],
        path,
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler as never, type]) ?? false,
        scope: reflector.getAllAndOverride<HostScope>(HOST_SCOPE, [handler as never, type]) ?? 'tenant',
      });
    }
  }
  return endpoints;
}

describe('every endpoint is guarded', () => {
  let h: Harness;
  let province: ProvisionedProvince;

  beforeAll(async () => {
    h = await Harness.start();
    province = await h.provisionDirect(uniqueSlug('guard'));
  });

  afterAll(() => h.close());

  it('finds the routes and only the listed ones are public', () => {
    const endpoints = endpointsOf(h);
    expect(endpoints.length).toBeGreaterThan(PUBLIC_ENDPOINTS.length);
    const publicOnes = endpoints.filter((e) => e.isPublic).map((e) => `${e.method} ${e.path}`).sort();
    expect(publicOnes).toEqual([...PUBLIC_ENDPOINTS].sort());
  });

  it('refuses a request with no token on every other endpoint (401), on its own host', async () => {
    const guarded = endpointsOf(h).filter((e) => !e.isPublic);
    for (const e of guarded) {
      const host = e.scope === 'platform' ? h.platformHost : province.host;
      const path = e.path.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000').replace(/:slug\b/g, province.slug);
      const method = e.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      const res = await h.on(host)[method](path).send({});
      expect([`${e.method} ${e.path}`, res.status]).toEqual([`${e.method} ${e.path}`, 401]);
    }
  });
});
