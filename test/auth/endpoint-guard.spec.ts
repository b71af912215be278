import { EndpointCatalog } from '../../src/auth/endpoint-catalog.service';
import { PERMISSIONS, PLATFORM_PERMISSION } from '../../src/tenancy/permissions';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/** Endpoints that answer without a token, on purpose. Adding one means adding it here. */
const PUBLIC_ENDPOINTS = [
  'GET /health',
  'GET /ready',
  'GET /api/tenant',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'POST /api/auth/accept-invitation',
  'POST /api/auth/reset-password',
  'POST /api/platform/auth/login',
  'POST /api/platform/auth/refresh',
  'POST /api/platform/auth/logout',
  'GET /api/platform/profile',
  // Its own guard decides: an allowed network, or an operator token on the platform host (test/metrics).
  'GET /metrics',
];

const endpointsOf = (h: Harness) => h.api.get(EndpointCatalog).list();

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
    const publicOnes = endpoints
      .filter((e) => e.isPublic)
      .map((e) => `${e.method} ${e.path}`)
      .sort();
    expect(publicOnes).toEqual([...PUBLIC_ENDPOINTS].sort());
  });

  it('has a known permission declared on every other endpoint (a new endpoint without one fails here)', () => {
    const known = new Set<string>([...Object.keys(PERMISSIONS), PLATFORM_PERMISSION]);
    const undeclared = endpointsOf(h)
      .filter((e) => !e.isPublic && !known.has(e.permission ?? ''))
      .map((e) => `${e.method} ${e.path}`);
    expect(undeclared).toEqual([]);
    for (const e of endpointsOf(h).filter((x) => x.scope === 'platform' && !x.isPublic))
      expect(e.permission).toBe(PLATFORM_PERMISSION);
  });

  it('lists the role matrix with every province endpoint', async () => {
    const token = await h.login(province);
    const res = await h.on(province.host).get('/api/roles', token).expect(200);
    expect(Object.keys(res.body.roles).sort()).toEqual(['approver', 'preparer', 'reviewer', 'tenant_admin', 'viewer']);
    expect(res.body.roles.viewer).not.toContain('departments.manage');
    expect(res.body.endpoints).toContainEqual({
      method: 'POST',
      path: '/api/departments',
      permission: 'departments.manage',
    });
    expect(res.body.endpoints).toContainEqual({ method: 'POST', path: '/api/auth/login', permission: 'public' });
    expect(res.body.endpoints.every((e: { path: string }) => !e.path.startsWith('/api/platform'))).toBe(true);
  });

  it('refuses a request with no token on every other endpoint (401), on its own host', async () => {
    const guarded = endpointsOf(h).filter((e) => !e.isPublic);
    for (const e of guarded) {
      const host = e.scope === 'platform' ? h.platformHost : province.host;
      const path = e.path.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000').replace(/:slug\b/g, province.slug);
      const method = e.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const res = await h.on(host)[method](path).send({});
      expect([`${e.method} ${e.path}`, res.status]).toEqual([`${e.method} ${e.path}`, 401]);
    }
  });

  it(
    'refuses a signed-in user whose roles grant nothing (403) ' +
      'on every province endpoint that declares a permission',
    async () => {
      const { JwtService } = await import('@nestjs/jwt');
      const { schemaNameFor } = await import('../../src/tenancy/slug');
      // A real account with no roles: a token naming no account of the province is refused with 401.
      const [nobody] = await h.dataSource.query(
        `INSERT INTO ${schemaNameFor(province.slug)}.users (email, name, roles, status)
         VALUES ('nobody@x.pk', 'Nobody', '{}', 'active') RETURNING id`,
      );
      const roleless = await h.api
        .get(JwtService)
        .signAsync(
          { tid: province.id, email: 'nobody@x.pk', roles: [], tv: 0, typ: 'access' },
          { audience: 'tenant', subject: nobody.id, issuer: 'daftar', expiresIn: 60 },
        );
      for (const e of endpointsOf(h).filter((x) => !x.isPublic && x.scope === 'tenant')) {
        const path = e.path.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000');
        const method = e.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const res = await h.on(province.host)[method](path, roleless).send({});
        expect([`${e.method} ${e.path}`, res.status]).toEqual([`${e.method} ${e.path}`, 403]);
      }
    },
  );
});
