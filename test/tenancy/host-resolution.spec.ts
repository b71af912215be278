import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/** docs/ARCHITECTURE.md, "Registry and hosts" and issue 2 §4: every way a Host header can arrive. */
describe('host resolution', () => {
  let h: Harness;
  let trusting: Harness;
  let province: ProvisionedProvince;
  let other: ProvisionedProvince;
  let operator: string;

  beforeAll(async () => {
    // A long cache TTL proves that changes propagate by invalidation, not by expiry.
    h = await Harness.start({ worker: true, env: { TENANT_CACHE_TTL_MS: '600000' } });
    trusting = await Harness.start({
      env: { TRUST_PROXY: 'true', TENANT_CACHE_TTL_MS: '600000' },
      redisPrefix: h.config.redis.prefix,
    });
    province = await h.provisionDirect(uniqueSlug('host-a'), 'Host Province A');
    other = await h.provisionDirect(uniqueSlug('host-b'), 'Host Province B');
    operator = await h.operatorToken();
  });

  afterAll(async () => {
    await trusting.close();
    await h.close();
  });

  it.each([
    ['exact', (s: string) => `${s}.daftar.test`],
    ['upper case', (s: string) => `${s.toUpperCase()}.DAFTAR.TEST`],
    ['with port', (s: string) => `${s}.daftar.test:3000`],
    ['trailing dot', (s: string) => `${s}.daftar.test.`],
    ['mixed case, trailing dot and port', (s: string) => `${s}.Daftar.Test.:8443`],
  ])('resolves the province from a %s host', async (_label, host) => {
    const res = await h.on(host(province.slug)).get('/api/tenant').expect(200);
    expect(res.body).toMatchObject({ slug: province.slug, name: 'Host Province A', locales: ['en', 'ur'] });
  });

  it.each([
    ['an unknown province', 'nowhere.daftar.test'],
    ['the bare base domain', 'daftar.test'],
    ['a nested subdomain', `x.${'host'}.daftar.test`],
    ['an unrelated domain', 'example.org'],
    ['an empty host', ''],
  ])('answers 404 with a reason for %s', async (_label, host) => {
    const res = await h.on(host).get('/api/tenant').expect(404);
    expect(res.body.message).toMatch(/No province is served at host/);
  });

  it('serves the platform on admin.<base> and keeps province endpoints off it', async () => {
    await h.on('ADMIN.daftar.test:3000').get('/api/platform/tenants', operator).expect(200);
    const res = await h.on('admin.daftar.test').get('/api/tenant').expect(404);
    expect(res.body.message).toMatch(/province hosts only/);
    const platformOnTenant = await h.on(province.host).get('/api/platform/tenants', operator).expect(404);
    expect(platformOnTenant.body.message).toMatch(/platform host only/);
  });

  it('serves a custom domain registered for the province, and stops when it is removed', async () => {
    const domain = `${province.slug}.planning.example.pk`;
    await h
      .on(h.platformHost)
      .put(`/api/platform/tenants/${province.slug}/domains`, operator)
      .send({ domains: [domain] })
      .expect(200);
    const res = await h.on(domain.toUpperCase()).get('/api/tenant').expect(200);
    expect(res.body.slug).toBe(province.slug);
    // Another province can't take the same domain.
    await h
      .on(h.platformHost)
      .put(`/api/platform/tenants/${other.slug}/domains`, operator)
      .send({ domains: [domain] })
      .expect(409);
    // A domain under the base domain would shadow slug resolution.
    const bad = await h
      .on(h.platformHost)
      .put(`/api/platform/tenants/${other.slug}/domains`, operator)
      .send({ domains: ['evil.daftar.test'] })
      .expect(400);
    expect(bad.body.fields.domains[0]).toMatch(/base domain/);
    await h
      .on(h.platformHost)
      .put(`/api/platform/tenants/${province.slug}/domains`, operator)
      .send({ domains: [] })
      .expect(200);
    await h.on(domain).get('/api/tenant').expect(404);
  });

  it('ignores X-Forwarded-Host unless the proxy is trusted', async () => {
    const untrusted = await h
      .on('internal-lb.local')
      .get('/api/tenant')
      .set('X-Forwarded-Host', province.host)
      .expect(404);
    expect(untrusted.body.host).toBe('internal-lb.local');
    const spoof = await h.on(province.host).get('/api/tenant').set('X-Forwarded-Host', other.host).expect(200);
    expect(spoof.body.slug).toBe(province.slug);

    const trusted = await trusting
      .on('internal-lb.local')
      .get('/api/tenant')
      .set('X-Forwarded-Host', `${other.host}:443, proxy.local`)
      .expect(200);
    expect(trusted.body.slug).toBe(other.slug);
  });

  it('answers 503 with Retry-After while a province is being provisioned', async () => {
    const slug = uniqueSlug('host-p');
    // Registered straight in the registry, with no run queued: it stays "provisioning".
    await h.dataSource.query(
      `INSERT INTO platform.tenants (slug, name, schema_name, status) VALUES ($1, 'Pending', $2, 'provisioning')`,
      [slug, `t_${slug.replace(/-/g, '_')}`],
    );
    await h.api.get(TenantRegistry).invalidate();
    const res = await h.on(h.hostOf(slug)).get('/api/tenant').expect(503);
    expect(res.headers['retry-after']).toBe(String(h.config.provisioning.retryAfterSeconds));
    expect(res.body.message).toMatch(/being set up/);
  });

  it('answers 403 for a suspended province on every process at once, and serves it again on resume', async () => {
    // Warm both processes' caches first.
    await h.on(other.host).get('/api/tenant').expect(200);
    await trusting.on(other.host).get('/api/tenant').expect(200);
    const workerRegistry = h.worker!.get(TenantRegistry);
    expect((await workerRegistry.findBySlug(other.slug))?.status).toBe('active');

    await h
      .on(h.platformHost)
      .post(`/api/platform/tenants/${other.slug}/suspend`, operator)
      .send({ reason: 'Audit' })
      .expect(200);
    await eventually(async () => {
      const res = await trusting.on(other.host).get('/api/tenant');
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/suspended/);
    });
    await h.on(other.host).get('/api/tenant').expect(403);
    await eventually(async () => expect((await workerRegistry.findBySlug(other.slug))?.status).toBe('suspended'));

    await h.on(h.platformHost).post(`/api/platform/tenants/${other.slug}/suspend`, operator).send({}).expect(409);
    await h.on(h.platformHost).post(`/api/platform/tenants/${other.slug}/resume`, operator).expect(200);
    await eventually(async () => expect((await trusting.on(other.host).get('/api/tenant')).status).toBe(200));
  });

  it('answers health probes on any host', async () => {
    await h.on('10.1.2.3:3000').get('/health').expect(200, { status: 'ok' });
    const ready = await h.on('10.1.2.3').get('/ready').expect(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('echoes a sane X-Request-Id and mints one otherwise', async () => {
    const given = await h.on(province.host).get('/api/tenant').set('X-Request-Id', 'req-12345678').expect(200);
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const minted = await h.on(province.host).get('/api/tenant').set('X-Request-Id', 'bad id <script>').expect(200);
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** Pub/sub delivery is asynchronous: retry an assertion for up to two seconds. */
async function eventually(assertion: () => Promise<void>, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
