import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

const PER_ACCOUNT = 3;
const PER_ADDRESS = 6;

/** Issue 4 §4: failed sign-ins are limited per account and per address, in Redis. */
describe('sign-in brute-force protection', () => {
  let h: Harness;
  let second: Harness;
  let a: ProvisionedProvince;
  let b: ProvisionedProvince;
  const env = {
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
    LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
    LOGIN_FAILURE_WINDOW_SECONDS: '120',
    // Client addresses come from X-Forwarded-For, as behind the deployment's own proxy.
    TRUST_PROXY: 'true',
  };

  beforeAll(async () => {
    h = await Harness.start({ env });
    // A second API process of the same deployment: the counters must hold across both.
    second = await Harness.start({ env, redisPrefix: h.config.redis.prefix });
    a = await h.provisionDirect(uniqueSlug('thr-a'));
    b = await h.provisionDirect(uniqueSlug('thr-b'));
  });

  afterAll(async () => {
    await second.close();
    await h.close();
  });

  const attempt = (server: Harness, p: ProvisionedProvince, email: string, password: string, from = '10.0.0.1') =>
    server.on(p.host).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('locks an account after too many failures, even for the right password, and says when to retry', async () => {
    for (let i = 0; i < PER_ACCOUNT; i++) {
      await attempt(i % 2 ? second : h, a, a.adminEmail, 'wrong-password-1').expect(401);
    }
    const locked = await attempt(second, a, a.adminEmail, 'Province-Admin-Pass-1').expect(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(locked.body).toMatchObject({ statusCode: 429, retryAfterSeconds: retryAfter });
    expect(locked.body.message).toMatch(/try again in \d+ seconds/);
    // The same email in another province is another account.
    await attempt(h, b, a.adminEmail, 'Province-Admin-Pass-1').expect(401);
    await attempt(h, b, b.adminEmail, 'Province-Admin-Pass-1').expect(200);
  });

  it('treats unknown emails like known ones', async () => {
    for (let i = 0; i < PER_ACCOUNT; i++)
      await attempt(h, b, 'ghost@nowhere.pk', 'wrong-password-1', '10.0.0.2').expect(401);
    await attempt(h, b, 'ghost@nowhere.pk', 'wrong-password-1', '10.0.0.2').expect(429);
  });

  it('limits one address trying many accounts', async () => {
    for (let i = 0; i < PER_ADDRESS; i++)
      await attempt(h, b, `user${i}@x.pk`, 'wrong-password-1', '10.9.9.9').expect(401);
    await attempt(h, b, b.adminEmail, 'Province-Admin-Pass-1', '10.9.9.9').expect(429);
    await attempt(h, b, b.adminEmail, 'Province-Admin-Pass-1', '10.9.9.10').expect(200);
  });

  it('protects operator sign-in the same way', async () => {
    const op = (password: string) =>
      h.on(h.platformHost).post('/api/platform/auth/login').send({ email: 'someone@daftar.test', password });
    for (let i = 0; i < PER_ACCOUNT; i++) await op('wrong-password-1').expect(401);
    await op('wrong-password-1').expect(429);
  });
});
