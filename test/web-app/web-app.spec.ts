import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { WEB_APP_CSP } from '../../src/web-app/web-app.server';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/*
 * The browser app served by the API at the same origin, on every host: hashed assets cached for
 * ever, other root files briefly, index.html (no-store) for any page of the app; never in place
 * of the API, the probes or a missing asset; nothing outside the build folder reachable.
 */

const INDEX =
  '<!doctype html><html><head><script type="module" ' +
  'src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = 'console.log("daftar web app");';
const SECRET = 'secret-outside-the-build-folder';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const EXPECTED_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

function fakeBuild(): string {
  const base = mkdtempSync(path.join(tmpdir(), 'daftar-web-'));
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  const dist = path.join(base, 'web');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), APP_JS);
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\nDisallow:\n');
  writeFileSync(path.join(dist, '.env'), SECRET);
  return dist;
}

const expectSecurityHeaders = (res: request.Response) => {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['x-frame-options']).toBe('DENY');
};

describe('the browser app served at the API origin', () => {
  let h: Harness;
  let province: ProvisionedProvince;
  const raw = (host: string, method: 'get' | 'head' | 'post', p: string) => request(h.url)[method](p).set('Host', host);

  beforeAll(async () => {
    h = await Harness.start({ env: { WEB_DIST_DIR: fakeBuild() } });
    province = await h.provisionDirect(uniqueSlug('web'));
  });
  afterAll(() => h?.close());

  it('the CSP is exactly the one agreed', () => expect(WEB_APP_CSP).toBe(EXPECTED_CSP));

  it('answers pages of the app with index.html, not cached, with the CSP, on every host', async () => {
    const hosts = [province.host, h.platformHost, 'nowhere.daftar.test', '10.1.2.3'];
    for (const host of hosts) {
      for (const p of [
        '/',
        '/projects/123',
        '/accept-invitation?token=x',
        '/index.html',
        '/documents/abc/edit?tab=2',
      ]) {
        const res = await raw(host, 'get', p).set('Accept', HTML);
        expect({ host, p, status: res.status, body: res.text }).toEqual({ host, p, status: 200, body: INDEX });
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP);
        expectSecurityHeaders(res);
      }
    }
    // */* (curl, some fetches) takes HTML too; HEAD answers the headers alone.
    expect((await raw(province.host, 'get', '/projects').set('Accept', '*/*').expect(200)).text).toBe(INDEX);
    const head = await raw(province.host, 'head', '/projects/123').set('Accept', HTML).expect(200);
    expect(head.headers['cache-control']).toBe('no-store');
    expect(head.text ?? '').toBe('');
  });

  it('never answers the API, the probes or non-HTML requests with the app', async () => {
    const api = await raw(province.host, 'get', '/api/nope').set('Accept', HTML).expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect(api.body).toMatchObject({ statusCode: 404 });
    expect(api.headers['content-security-policy']).toBeUndefined();
    expectSecurityHeaders(api);
    expect((await raw(province.host, 'get', '/api').set('Accept', HTML).expect(404)).headers['content-type']).toMatch(
      /json/,
    );
    // An unknown host still gets the API's 404 JSON from the host guard.
    const unknown = await raw('nowhere.daftar.test', 'get', '/api/tenant').set('Accept', HTML).expect(404);
    expect(unknown.body).toMatchObject({
      statusCode: 404,
      message: 'No province is served at host "nowhere.daftar.test".',
    });
    expectSecurityHeaders(unknown);
    const health = await raw(province.host, 'get', '/health').set('Accept', HTML).expect(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(health.headers['content-security-policy']).toBeUndefined();
    expectSecurityHeaders(health);
    expect((await raw('10.1.2.3', 'get', '/ready').set('Accept', HTML).expect(200)).body.status).toBe('ok');
    // No HTML wanted, or not a GET: the API's 404.
    expect(
      (await raw(province.host, 'get', '/projects/123').set('Accept', 'application/json').expect(404)).body,
    ).toMatchObject({ statusCode: 404 });
    await raw(province.host, 'get', '/projects/123').set('Accept', 'text/html;q=0').expect(404);
    await raw(province.host, 'post', '/projects/123').set('Accept', HTML).send({}).expect(404);
    // The API itself is unchanged, and carries the security headers.
    const tenant = await h.on(province.host).get('/api/tenant').expect(200);
    expect(tenant.body.slug).toBe(province.slug);
    expectSecurityHeaders(tenant);
    expectSecurityHeaders(await h.on(province.host).get('/api/me').expect(401));
  });

  it('serves hashed assets for a year as immutable, and a missing one as 404 (never index.html)', async () => {
    const js = await raw(province.host, 'get', '/assets/app-abc123.js').set('Accept', '*/*').expect(200);
    expect(js.text).toBe(APP_JS);
    expect(js.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-security-policy']).toBe(EXPECTED_CSP);
    expectSecurityHeaders(js);
    expect(
      (await raw('nowhere.daftar.test', 'head', '/assets/app-abc123.js').expect(200)).headers['cache-control'],
    ).toBe('public, max-age=31536000, immutable');

    for (const p of ['/assets/missing.js', '/assets/', '/assets/app-abc123.js/x']) {
      const res = await raw(province.host, 'get', p).set('Accept', HTML);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      expect(res.text).not.toContain('<div id="root">');
      expect(res.headers['cache-control']).toBeUndefined();
    }
  });

  it('serves the other root files with a short cache', async () => {
    const icon = await raw(province.host, 'get', '/favicon.svg').set('Accept', 'image/*').expect(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    const robots = await raw(h.platformHost, 'get', '/robots.txt').set('Accept', '*/*').expect(200);
    expect(robots.text).toContain('User-agent');
    expect(robots.headers['cache-control']).toBe('public, max-age=3600');
    // Dot files are not served: the page of the app instead, for a browser.
    const dot = await raw(province.host, 'get', '/.env').set('Accept', HTML);
    expect(dot.text).not.toContain(SECRET);
  });

  it('cannot be led outside the build folder', async () => {
    const attempts = [
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/%2e%2e%2f.env',
      '/assets/.env',
    ];
    for (const p of attempts) {
      for (const accept of [HTML, 'application/json']) {
        const res = await raw(province.host, 'get', p).set('Accept', accept);
        expect({ p, accept, leaked: res.text.includes(SECRET) || res.text.includes('"name": "daftar"') }).toEqual({
          p,
          accept,
          leaked: false,
        });
        if (p.startsWith('/assets/'))
          expect({ p, status: res.status }).toEqual({
            p,
            status: [403, 404].includes(res.status) ? res.status : 'not 403/404',
          });
      }
    }
  });

  it('leaves Swagger UI at /api/docs without the app CSP', async () => {
    const docs = await raw(province.host, 'get', '/api/docs').set('Accept', HTML).redirects(2).expect(200);
    expect(docs.text).toMatch(/swagger/i);
    expect(docs.headers['content-security-policy']).toBeUndefined();
    expectSecurityHeaders(docs);
    const spec = await raw(province.host, 'get', '/api/docs/openapi.json').expect(200);
    expect(spec.body.paths['/api/projects'].get).toBeDefined();
    expect(spec.body.paths['/api/me'].patch).toBeDefined();
    for (const route of ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']) {
      expect(spec.body.paths[route].post.parameters).toContainEqual(
        expect.objectContaining({ name: 'X-Daftar-Client', in: 'header', required: false }),
      );
    }
    // Accept-Language is read where present, never required; the preview documents its optional body.
    const operations = Object.values(
      spec.body.paths as Record<
        string,
        Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>
      >,
    ).flatMap((p) => Object.values(p));
    const languageHeaders = operations
      .flatMap((o) => o.parameters ?? [])
      .filter((p) => p.in === 'header' && p.name.toLowerCase() === 'accept-language');
    expect(languageHeaders.length).toBeGreaterThanOrEqual(7);
    expect(languageHeaders.filter((p) => p.required)).toEqual([]);
    expect(spec.body.paths['/api/forms/{key}/preview'].post.requestBody).toMatchObject({ required: false });
    expect(spec.body.components.securitySchemes['refresh-cookie']).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'daftar_refresh',
    });
    expect(Object.keys(spec.body.components.schemas)).toEqual(
      expect.arrayContaining(['SessionResponse', 'BrowserSessionResponse', 'MeResponse']),
    );
  });

  it('says how to build the app when it is not built (503), and still 404s missing assets', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'daftar-web-empty-'));
    const unbuilt = await Harness.start({ env: { WEB_DIST_DIR: empty } });
    try {
      const res = await request(unbuilt.url).get('/').set('Host', province.host).set('Accept', HTML).expect(503);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text.trim()).toBe('The web app is not built: run npm run build');
      expect(res.headers['cache-control']).toBe('no-store');
      await request(unbuilt.url).get('/projects/1').set('Host', 'admin.daftar.test').set('Accept', HTML).expect(503);
      await request(unbuilt.url).get('/assets/app-abc123.js').set('Host', province.host).expect(404);
      await request(unbuilt.url).get('/health').set('Host', province.host).set('Accept', HTML).expect(200);
    } finally {
      await unbuilt.close();
    }
  });
});
