import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { PROJECT_ROOT } from './paths';

describe('loadConfig', () => {
  it('works with no environment at all, with local defaults', () => {
    const c = loadConfig({});
    expect(c.database.url).toBe('postgres://postgres@127.0.0.1:5432/daftar');
    expect(c.database.name).toBe('daftar');
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(c.port).toBe(3000);
    expect(c.platformHost).toBe('admin.localhost');
    expect(c.urlFor('gb.localhost')).toBe('http://gb.localhost:3000');
    expect(c.timeZone).toBe('Asia/Karachi');
    expect(c.webDistDir).toBe(path.join(PROJECT_ROOT, 'dist', 'web'));
  });

  it('resolves WEB_DIST_DIR from the project root; an absolute one stays as given', () => {
    expect(loadConfig({ WEB_DIST_DIR: 'build/web' }).webDistDir).toBe(path.join(PROJECT_ROOT, 'build', 'web'));
    expect(loadConfig({ WEB_DIST_DIR: '/srv/daftar/web' }).webDistDir).toBe('/srv/daftar/web');
    expect(PROJECT_ROOT).toBe(path.resolve(__dirname, '..', '..'));
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL: must be a postgres/],
    ['REDIS_URL', 'http://x', /REDIS_URL/],
    ['BASE_DOMAIN', 'not a domain', /BASE_DOMAIN/],
    ['TRUST_PROXY', 'maybe', /TRUST_PROXY/],
    ['JWT_SECRET', 'short', /JWT_SECRET: must be at least 32/],
    ['DB_POOL_SIZE', '0', /DB_POOL_SIZE/],
    ['TIME_ZONE', 'Asia/Lahore-ish', /TIME_ZONE: must be an IANA time zone/],
  ])('stops start-up naming %s when it is invalid', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  it('requires real secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: is required[\s\S]*PLATFORM_ADMIN_PASSWORD: is required/,
    );
  });

  it('checks token versions unless told otherwise, and never lets production turn the check off', () => {
    expect(loadConfig({}).userTokens).toEqual({ check: true, cacheTtlMs: 60_000, cacheSize: 100_000 });
    expect(loadConfig({ USER_TOKEN_CHECK: 'false' }).userTokens.check).toBe(false);
    expect(() => loadConfig({ USER_TOKEN_CACHE_SIZE: '10' })).toThrow(/USER_TOKEN_CACHE_SIZE/);
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      PLATFORM_ADMIN_EMAIL: 'ops@daftar.gov.pk',
      PLATFORM_ADMIN_PASSWORD: 'A-long-operator-password',
      SMTP_URL: 'smtp://mail.daftar.gov.pk:25',
    };
    expect(loadConfig(production).userTokens.check).toBe(true);
    expect(() => loadConfig({ ...production, USER_TOKEN_CHECK: 'false' })).toThrow(
      /USER_TOKEN_CHECK: cannot be off when NODE_ENV=production/,
    );
  });

  it('refuses more provisioning workers than the pool can serve', () => {
    expect(() => loadConfig({ DB_POOL_SIZE: '2', PROVISIONING_CONCURRENCY: '2' })).toThrow(
      /PROVISIONING_CONCURRENCY: must be less than DB_POOL_SIZE/,
    );
  });
});
