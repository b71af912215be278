import net from 'node:net';
import request from 'supertest';
import { RedisService } from '../../src/redis/redis.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/**
 * Issue 16 item 7, noisy neighbours: each province's requests are counted in Redis per minute,
 * across API processes; past its limit a province gets 429 with Retry-After while the others
 * carry on. Two API instances share one Redis prefix (one deployment); a third reaches Redis
 * through a TCP proxy this spec can cut.
 */

type Response = request.Response;

/** A TCP hop between an app and Redis that can drop or stall every connection through it. */
class RedisHop {
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  /** Connections accepted while stalled, never forwarded. */
  private readonly held = new Set<net.Socket>();
  private mode: 'up' | 'down' | 'stalled' = 'up';
  private readonly server = net.createServer((client) => this.accept(client));

  constructor(private readonly target: URL) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as net.AddressInfo;
    return `redis://127.0.0.1:${port}`;
  }

  /** Every connection reset, new ones refused: Redis is down. */
  down(): void {
    this.mode = 'down';
    this.closeAll();
  }

  /** Connections stay open but nothing passes either way: Redis hangs. */
  stall(): void {
    this.mode = 'stalled';
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** Redis is back: stalled connections are reset so their clients reconnect. */
  up(): void {
    this.closeAll();
    this.mode = 'up';
  }

  async close(): Promise<void> {
    this.closeAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'down') return void client.destroy();
    if (this.mode === 'stalled') {
      this.held.add(client);
      return void client.pause();
    }
    const upstream = net.connect(Number(this.target.port || 6379), this.target.hostname);
    upstream.on('error', () => client.destroy());
    const pair: [net.Socket, net.Socket] = [client, upstream];
    this.pairs.add(pair);
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', forget);
    upstream.on('close', forget);
    client.pipe(upstream).pipe(client);
  }

  private closeAll(): void {
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
    for (const client of this.held) client.destroy();
    this.held.clear();
  }
}

describe('rate limit per province', () => {
  let a: Harness;
  let b: Harness;
  let gb: ProvisionedProvince;
  let kp: ProvisionedProvince;
  let operator: string;

  beforeAll(async () => {
    a = await Harness.start();
    // A second API process of the same deployment: same database, same Redis prefix.
    b = await Harness.start({ redisPrefix: a.config.redis.prefix });
    [gb, kp] = await Promise.all([a.provisionDirect(uniqueSlug('rl-gb')), a.provisionDirect(uniqueSlug('rl-kp'))]);
    operator = await a.operatorToken();
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Sets a province's limit through the operators' API and waits until `others` have heard of it. */
  async function setLimit(slug: string, perMinute: number | null, others: Harness[] = [b]) {
    const heard = others.map(
      (h) => new Promise<void>((resolve) => void h.api.get(TenantRegistry).onChange(() => resolve())),
    );
    // Subscriptions settle before the change is published.
    await Promise.all(others.map((h) => h.api.get(RedisService).ping()));
    const res = await a
      .on(a.platformHost)
      .patch(`/api/platform/tenants/${slug}/rate-limit`, operator)
      .send({ perMinute })
      .expect(200);
    await Promise.all(heard);
    return res.body;
  }

  const profile = (h: Harness, province: ProvisionedProvince) => h.on(province.host).get('/api/tenant');

  /** Requests one after another until the first 429 (at most `max`). */
  async function untilRefused(h: Harness | Harness[], province: ProvisionedProvince, max: number) {
    const apps = Array.isArray(h) ? h : [h];
    const answers: Response[] = [];
    for (let i = 0; i < max; i++) {
      const res = await profile(apps[i % apps.length], province);
      answers.push(res);
      if (res.status === 429) break;
    }
    return answers;
  }

  it("refuses GB's burst past its limit with 429 and Retry-After while KP keeps getting 200s", async () => {
    const view = await setLimit(gb.slug, 10);
    expect(view).toMatchObject({ slug: gb.slug, perMinute: 10, effectivePerMinute: 10, defaultPerMinute: 1_000_000 });

    const answers = await untilRefused(a, gb, 30);
    const allowed = answers.filter((r) => r.status === 200);
    const refused = answers.at(-1)!;
    // Everything this minute counts (the admin's sign-in too): the first answer says how much is left.
    expect(allowed.length).toBe(Number(allowed[0].headers['ratelimit-remaining']) + 1);
    expect(allowed.length).toBeLessThanOrEqual(10);
    expect(allowed.at(-1)!.headers['ratelimit-remaining']).toBe('0');
    for (const r of allowed) expect(r.headers['ratelimit-limit']).toBe('10');

    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit-reset']).toBe(String(retryAfter));
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.headers['content-type']).toMatch(/application\/json/);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      reason: 'province-rate-limit',
      limitPerMinute: 10,
      retryAfterSeconds: retryAfter,
    });
    expect(refused.body.message).toMatch(/10 requests a minute/);

    // GB stays refused, on every endpoint and whatever the token; KP is untouched, interleaved with it.
    const gbAdmin = await a.login(gb).catch((e: Error) => e);
    expect(gbAdmin).toBeInstanceOf(Error);
    const interleaved = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? profile(a, gb) : profile(a, kp))),
    );
    expect(interleaved.filter((_, i) => i % 2).map((r) => r.status)).toEqual(Array(10).fill(429));
    expect(interleaved.filter((_, i) => !(i % 2)).map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(interleaved[0].headers['ratelimit-limit']).toBe('1000000');
    const kpAdmin = await a.login(kp);
    await a.on(kp.host).get('/api/users', kpAdmin).expect(200);
  });

  it("shares one count between two API processes: a province's limit is not per process", async () => {
    const p = await a.provisionDirect(uniqueSlug('rl-two'));
    await setLimit(p.slug, 8);
    const answers = await untilRefused([a, b], p, 30);
    const allowed = answers.filter((r) => r.status === 200);
    // Per process the two would allow 16 between them before refusing.
    expect(allowed.length).toBeLessThanOrEqual(8);
    expect(allowed.length).toBe(Number(allowed[0].headers['ratelimit-remaining']) + 1);
    expect(answers.at(-1)!.status).toBe(429);
    // Both processes now refuse it.
    expect((await profile(a, p)).status).toBe(429);
    expect((await profile(b, p)).status).toBe(429);
  });

  it("obeys an operator's change at once in every process, audited; null returns to the default", async () => {
    const p = await a.provisionDirect(uniqueSlug('rl-change'));
    await setLimit(p.slug, 3);
    const answers = await untilRefused(b, p, 10);
    expect(answers.at(-1)!.status).toBe(429);

    // Raised on A: B, which cached the province with limit 3, hears of it and lets requests through again.
    const raised = await setLimit(p.slug, 1000);
    expect(raised).toMatchObject({ perMinute: 1000, effectivePerMinute: 1000 });
    expect(raised.usage.used).toBeGreaterThanOrEqual(3);
    const after = await profile(b, p).expect(200);
    expect(after.headers['ratelimit-limit']).toBe('1000');
    // The count of this minute carries over: the 429s were not counted, the three before were.
    expect(Number(after.headers['ratelimit-remaining'])).toBe(1000 - answers.length);

    const reset = await setLimit(p.slug, null);
    expect(reset).toMatchObject({ perMinute: null, effectivePerMinute: 1_000_000 });
    expect((await profile(b, p).expect(200)).headers['ratelimit-limit']).toBe('1000000');
    const read = await a.on(a.platformHost).get(`/api/platform/tenants/${p.slug}/rate-limit`, operator).expect(200);
    expect(read.body).toMatchObject({
      perMinute: null,
      defaultPerMinute: 1_000_000,
      usage: { used: expect.any(Number) },
    });
    expect((await a.on(a.platformHost).get(`/api/platform/tenants/${p.slug}`, operator)).body.rateLimitPerMinute).toBe(
      null,
    );

    const audit = await a.dataSource.query(
      `SELECT operator_email, details FROM platform.audit_log
        WHERE action = 'tenant.rate-limit.set' AND target = $1 ORDER BY id`,
      [p.slug],
    );
    expect(audit).toEqual([
      { operator_email: a.operatorLogin.email, details: { before: null, after: 3 } },
      { operator_email: a.operatorLogin.email, details: { before: 3, after: 1000 } },
      { operator_email: a.operatorLogin.email, details: { before: 1000, after: null } },
    ]);
  });

  it('refuses a bad limit with a 400 naming perMinute, an unknown province with 404, changing nothing', async () => {
    const p = await a.provisionDirect(uniqueSlug('rl-bad'));
    await setLimit(p.slug, 500);
    for (const body of [
      { perMinute: 0 },
      { perMinute: -5 },
      { perMinute: 2.5 },
      { perMinute: '100' },
      { perMinute: 10_000_001 },
      { perMinute: 1e20 },
      {},
      { perMinute: 100, extra: true },
    ]) {
      const res = await a.on(a.platformHost).patch(`/api/platform/tenants/${p.slug}/rate-limit`, operator).send(body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual(expect.arrayContaining(['extra' in body ? 'extra' : 'perMinute']));
    }
    await a
      .on(a.platformHost)
      .patch('/api/platform/tenants/nowhere-land/rate-limit', operator)
      .send({ perMinute: 5 })
      .expect(404);
    await a.on(a.platformHost).get('/api/platform/tenants/nowhere-land/rate-limit', operator).expect(404);
    const read = await a.on(a.platformHost).get(`/api/platform/tenants/${p.slug}/rate-limit`, operator).expect(200);
    expect(read.body.perMinute).toBe(500);
  });

  it("does not let a province's token read or change any limit, its own or another's", async () => {
    const provinceAdmin = await b.login(kp);
    for (const target of [kp.slug, gb.slug]) {
      await a
        .on(a.platformHost)
        .patch(`/api/platform/tenants/${target}/rate-limit`, provinceAdmin)
        .send({ perMinute: 1 })
        .expect(401);
      await a.on(a.platformHost).get(`/api/platform/tenants/${target}/rate-limit`, provinceAdmin).expect(401);
      // On a province host the operators' endpoint does not exist.
      await a
        .on(kp.host)
        .patch(`/api/platform/tenants/${target}/rate-limit`, provinceAdmin)
        .send({ perMinute: 1 })
        .expect(404);
    }
    await a.on(a.platformHost).patch(`/api/platform/tenants/${kp.slug}/rate-limit`).send({ perMinute: 1 }).expect(401);
    const [row] = await a.dataSource.query(`SELECT rate_limit_per_minute FROM platform.tenants WHERE slug = $1`, [
      kp.slug,
    ]);
    expect(row.rate_limit_per_minute).toBeNull();
  });

  it('counts its 429s per province in /metrics and in the console summary', async () => {
    const p = await a.provisionDirect(uniqueSlug('rl-metrics'));
    await setLimit(p.slug, 2);
    const refusals = async () => {
      const text = (await a.on(a.platformHost).get('/metrics', operator).expect(200)).text;
      const line = text.split('\n').find((l) => l.startsWith(`daftar_http_rate_limited_total{province="${p.slug}"}`));
      return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
    };
    const before = await refusals();
    const answers = [...(await untilRefused(a, p, 10)), await profile(a, p), await profile(a, p)];
    const refused = answers.filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect((await refusals()) - before).toBe(refused);
    // The other API process answered none of them: its own count of the province stays where it was.
    const other = (await b.on(b.platformHost).get('/metrics', operator).expect(200)).text;
    expect(other).not.toContain(`daftar_http_rate_limited_total{province="${p.slug}"}`);
    const summary = await a.on(a.platformHost).get('/api/platform/metrics/summary', operator).expect(200);
    expect(summary.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ province: p.slug, rateLimited: before + refused })]),
    );
    expect(summary.body.find((r: { province: string }) => r.province === kp.slug)).toMatchObject({ rateLimited: 0 });
  });

  it("does not count the operators' host or the probes", async () => {
    const p = await a.provisionDirect(uniqueSlug('rl-ops'));
    await setLimit(p.slug, 1);
    for (let i = 0; i < 5; i++) {
      const res = await a.on(a.platformHost).get(`/api/platform/tenants/${p.slug}/rate-limit`, operator).expect(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
      const health = await a.on(p.host).get('/health').expect(200);
      expect(health.headers['ratelimit-limit']).toBeUndefined();
    }
    // The province's own first request of the minute is still there to spend.
    expect((await profile(a, p).expect(200)).headers['ratelimit-remaining']).toBe('0');
  });

  describe('with Redis unreachable', () => {
    let hop: RedisHop;
    let c: Harness;

    beforeAll(async () => {
      hop = new RedisHop(new URL(a.config.redis.url));
      c = await Harness.start({
        redisPrefix: a.config.redis.prefix,
        // Long enough that a loaded CI machine's Redis round trip is never taken for a hang (at 100 ms
        // the first request after Redis came back went uncounted once), short enough for 8 hung requests.
        env: { REDIS_URL: await hop.listen(), RATE_LIMIT_REDIS_TIMEOUT_MS: '500' },
      });
    });

    afterAll(async () => {
      hop?.up();
      await c?.close();
      await hop?.close();
    });

    /** Redis reachable again through the hop: waits until the limiter's connection is ready. */
    async function redisBack(): Promise<void> {
      hop.up();
      const client = c.api.get(RedisService).failFastClient;
      // Its status may still say 'ready' for the connection just reset: a PING through it tells.
      for (;;) {
        const answered = await client.ping().then(
          () => true,
          () => false,
        );
        if (answered) return;
        await new Promise((resolve) => client.once('ready', resolve));
      }
    }

    for (const fault of ['down', 'stall'] as const) {
      const state = fault === 'down' ? 'down' : 'hanging';
      it(`lets requests through uncounted (fails open) when Redis is ${state}, and counts again after`, async () => {
        const p = await a.provisionDirect(uniqueSlug(`rl-${fault}`));
        const admin = await a.login(p);
        await setLimit(p.slug, 5, [b, c]);
        // Counted while Redis answers: this minute has the sign-in and one request, so 3 remain.
        expect((await c.on(p.host).get('/api/users', admin).expect(200)).headers['ratelimit-remaining']).toBe('3');

        if (fault === 'down') hop.down();
        else hop.stall();
        const during = [];
        for (let i = 0; i < 8; i++) during.push(await c.on(p.host).get('/api/users', admin));
        expect(during.map((r) => r.status)).toEqual(Array(8).fill(200));
        for (const r of during) expect(r.headers['ratelimit-limit']).toBeUndefined();
        expect(during[0].body.items.map((u: { email: string }) => u.email)).toContain(p.adminEmail);

        await redisBack();
        // The 8 went uncounted: the count resumes where it stood.
        const resumed = await untilRefused(c, p, 10);
        expect(resumed.map((r) => r.status)).toEqual([200, 200, 200, 429]);
        expect(resumed[0].headers['ratelimit-remaining']).toBe('2');
      });
    }
  });
});
