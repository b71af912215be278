import { randomUUID } from 'node:crypto';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/** Every `name{labels}` sample line of a Prometheus text answer, as label objects. */
function samples(body: string, name: string): Array<Record<string, string>> {
  return body
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .map((line) => {
      const pairs = line.slice(name.length + 1, line.indexOf('}')).matchAll(/(\w+)="([^"]*)"/g);
      return Object.fromEntries([...pairs].map((m) => [m[1], m[2]]));
    });
}

const labelValues = (body: string, name: string, label: string) => new Set(samples(body, name).map((s) => s[label]));

/** The value of the first sample of `name` whose labels include `labels`. */
function valueOf(body: string, name: string, labels: Record<string, string>): number | undefined {
  const line = body.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`)) return false;
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`));
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Issue 14: /metrics in Prometheus format, labelled by province with bounded cardinality, operators only. */
describe('/metrics', () => {
  let h: Harness;
  let kp: ProvisionedProvince & { adminToken: string };
  let gb: ProvisionedProvince & { adminToken: string };
  let operator: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true, env: { WORKER_METRICS_PUSH_SECONDS: '1' } });
    [kp, gb] = [await h.provinceWithAdmin('m-kp'), await h.provinceWithAdmin('m-gb')];
    operator = await h.operatorToken();
    // Traffic on both provinces, a route with an id, and hosts and paths no one knows.
    for (const p of [kp, gb]) {
      await h.on(p.host).get('/api/tenant').expect(200);
      await h.on(p.host).get(`/api/projects/${randomUUID()}`, p.adminToken).expect(404);
    }
    await h
      .on(`nowhere-${randomUUID().slice(0, 8)}.${h.config.baseDomain}`)
      .get('/api/tenant')
      .expect(404);
    await h.on('evil.example.org').get(`/api/projects/${randomUUID()}`).expect(404);
    await h.on(kp.host).get(`/api/no-such-thing/${randomUUID()}`).expect(404);
  });

  afterAll(() => h.close());

  it('answers an operator on the platform host in Prometheus text format with the named series', async () => {
    const res = await h.on(h.platformHost).get('/metrics', operator).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    for (const [name, type] of [
      ['daftar_http_requests_total', 'counter'],
      ['daftar_http_request_duration_seconds', 'histogram'],
      ['daftar_http_errors_total', 'counter'],
      ['daftar_queue_jobs', 'gauge'],
      ['daftar_db_pool_connections', 'gauge'],
      ['daftar_db_pool_waiting_requests', 'gauge'],
      ['daftar_job_duration_seconds', 'histogram'],
      ['daftar_jobs_completed_total', 'counter'],
      ['daftar_jobs_failed_total', 'counter'],
      ['process_cpu_user_seconds_total', 'counter'],
      ['nodejs_heap_size_used_bytes', 'gauge'],
    ]) {
      expect(res.text).toContain(`# TYPE ${name} ${type}`);
    }
    expect(valueOf(res.text, 'daftar_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(valueOf(res.text, 'daftar_queue_jobs', { queue: 'mail', state: 'waiting' })).toBeGreaterThanOrEqual(0);
    const queues = [...labelValues(res.text, 'daftar_queue_jobs', 'queue')];
    expect(queues).toEqual(expect.arrayContaining(['mail', 'pdf', 'provisioning', 'schedule', 'webhooks']));
  });

  it('labels requests by province and route pattern, never by raw path or host', async () => {
    const body = (await h.on(h.platformHost).get('/metrics', operator).expect(200)).text;
    const requests = samples(body, 'daftar_http_requests_total');
    for (const p of [kp, gb]) {
      expect(requests).toContainEqual({ province: p.slug, method: 'GET', route: '/api/tenant', status_class: '2xx' });
      const byId = { province: p.slug, method: 'GET', route: '/api/projects/:id', status_class: '4xx' };
      expect(requests).toContainEqual(byId);
    }
    const kpTenant = { province: kp.slug, route: '/api/tenant' };
    const timed = valueOf(body, 'daftar_http_request_duration_seconds_count', kpTenant);
    expect(timed).toBe(1);
    expect(requests).toContainEqual({ province: 'unknown', method: 'GET', route: 'unmatched', status_class: '4xx' });
    const routes = [...labelValues(body, 'daftar_http_requests_total', 'route')];
    expect(routes.filter((r) => UUID.test(r) || (r !== 'unmatched' && !r.startsWith('/')))).toEqual([]);
    expect(routes.filter((r) => r.includes('*'))).toEqual([]);
    // Unknown hosts add no label value: every province label is a real province, the platform or "unknown".
    const provinces = labelValues(body, 'daftar_http_requests_total', 'province');
    const rows: { slug: string }[] = await h.dataSource.query(`SELECT slug FROM platform.tenants`);
    const allowed = new Set(['platform', 'unknown', ...rows.map((r) => r.slug)]);
    expect([...provinces].filter((value) => !allowed.has(value))).toEqual([]);
    expect([...provinces].some((v) => v.startsWith('nowhere') || v.includes('example'))).toBe(false);
  });

  it('refuses everyone else: 401 without or with a bad token, 403 for a province token, 404 elsewhere', async () => {
    await h.on(h.platformHost).get('/metrics').expect(401);
    await h
      .on(h.platformHost)
      .get('/metrics', `${operator.slice(0, -4)}AAAA`)
      .expect(401);
    const refused = await h.on(h.platformHost).get('/metrics', kp.adminToken).expect(403);
    expect(refused.body.message).toMatch(/province token/);
    await h.on(kp.host).get('/metrics', kp.adminToken).expect(404);
    await h.on(kp.host).get('/metrics', operator).expect(404);
    await h.on(gb.host).get('/metrics').expect(404);
    await h.on('evil.example.org').get('/metrics').expect(404);
  });

  it("counts the worker's jobs by queue and province", async () => {
    const slug = uniqueSlug('m-job');
    expect((await h.provisionViaApi(slug)).status).toBe(202);
    let body = '';
    for (let i = 0; i < 50; i++) {
      body = (await h.on(h.platformHost).get('/metrics', operator).expect(200)).text;
      if (valueOf(body, 'daftar_jobs_completed_total', { province: slug })) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const job = { queue: 'provisioning', province: slug };
    expect(valueOf(body, 'daftar_jobs_completed_total', job)).toBe(1);
    expect(valueOf(body, 'daftar_job_duration_seconds_count', job)).toBe(1);
    expect(valueOf(body, 'daftar_job_duration_seconds_sum', job)).toBeGreaterThan(0);
  });

  it('sums requests, errors and p95 latency per province for the console, operators only', async () => {
    const res = await h.on(h.platformHost).get('/api/platform/metrics/summary', operator).expect(200);
    const kpRow = res.body.find((r: { province: string }) => r.province === kp.slug);
    expect(kpRow).toMatchObject({ province: kp.slug, requests: expect.any(Number), errors: 0 });
    // /api/tenant, /api/auth/login (provinceWithAdmin) and /api/projects/:id, at least.
    expect(kpRow.requests).toBeGreaterThanOrEqual(3);
    expect(kpRow.p95Seconds).toBeGreaterThan(0);
    const provinces = res.body.map((r: { province: string }) => r.province);
    expect(provinces).toEqual(expect.arrayContaining(['platform', 'unknown', gb.slug]));
    await h.on(h.platformHost).get('/api/platform/metrics/summary', kp.adminToken).expect(401);
    await h.on(kp.host).get('/api/platform/metrics/summary', operator).expect(404);
  });

  describe('with an allowed network and a small province-label limit', () => {
    let h2: Harness;
    const slugs: string[] = [];

    beforeAll(async () => {
      h2 = await Harness.start({
        env: { METRICS_ALLOWED_NETWORKS: '10.0.0.0/8, 127.0.0.1/32', METRICS_PROVINCE_LABEL_LIMIT: '2' },
      });
      for (const prefix of ['m-l1', 'm-l2', 'm-l3']) {
        const p = await h2.provisionDirect(uniqueSlug(prefix));
        slugs.push(p.slug);
        await h2.on(p.host).get('/api/tenant').expect(200);
      }
    });

    afterAll(() => h2.close());

    it('lets a client of the allowed network scrape without a token, on any host', async () => {
      const res = await h2.on(h2.hostOf(slugs[0])).get('/metrics').expect(200);
      expect(res.text).toContain('# TYPE daftar_http_requests_total counter');
      await h2.on('scraper.internal').get('/metrics').expect(200);
      await h2.on(h2.platformHost).get('/metrics').expect(200);
    });

    it('gives the first provinces their own label and collapses the rest into "other"', async () => {
      const body = (await h2.on(h2.platformHost).get('/metrics').expect(200)).text;
      const provinces = labelValues(body, 'daftar_http_requests_total', 'province');
      expect(provinces.has(slugs[0]) && provinces.has(slugs[1])).toBe(true);
      expect(provinces.has(slugs[2])).toBe(false);
      expect(valueOf(body, 'daftar_http_requests_total', { province: 'other', route: '/api/tenant' })).toBe(1);
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
    let h3: Harness;
    let slug: string;

    beforeAll(async () => {
      h3 = await Harness.start({ env: { TRUST_PROXY: 'true', METRICS_ALLOWED_NETWORKS: '10.0.0.0/8' } });
      slug = (await h3.provisionDirect(uniqueSlug('m-px'))).slug;
    });

    afterAll(() => h3.close());

    it('takes the address our proxy saw, not one the client wrote into X-Forwarded-For', async () => {
      // The proxy appends the address it saw (203.0.113.9) to what the client sent (10.1.2.3).
      const spoofed = '10.1.2.3, 203.0.113.9';
      await h3.on(h3.hostOf(slug)).get('/metrics').set('X-Forwarded-For', spoofed).expect(404);
      await h3.on(h3.platformHost).get('/metrics').set('X-Forwarded-For', spoofed).expect(401);
      // A scraper inside the network, as the proxy reports it.
      await h3.on(h3.hostOf(slug)).get('/metrics').set('X-Forwarded-For', '203.0.113.9, 10.1.2.3').expect(200);
    });
  });
});
