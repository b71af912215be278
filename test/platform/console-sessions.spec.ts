import { Harness, OPERATOR, ProvisionedProvince, uniqueSlug } from '../support/harness';

/*
 * Issue 14: operators sign in to the console in the browser with the provinces' session design
 * (refresh token in an httpOnly, SameSite=Strict, host-only cookie of their own), and an
 * operator's session is worthless on any province host.
 */

const WEB = { 'X-Daftar-Client': 'web' };
const COOKIE = 'daftar_operator_refresh';
type Cookie = { name: string; value: string; attributes: Record<string, string | true> };

/** The Set-Cookie headers of a response, parsed (attribute names lower-cased). */
function cookiesOf(res: { headers: Record<string, unknown> }): Cookie[] {
  const raw = res.headers['set-cookie'];
  const lines = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return lines.map((line) => {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const a of attrs) {
      const i = a.indexOf('=');
      if (i < 0) attributes[a.toLowerCase()] = true;
      else attributes[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
    }
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes };
  });
}

const operatorCookie = (res: { headers: Record<string, unknown> }) => cookiesOf(res).find((c) => c.name === COOKIE);
const isCleared = (c: Cookie | undefined) =>
  !!c && c.value === '' && new Date(String(c.attributes.expires)).getTime() <= Date.now();

describe('operator sessions in the browser', () => {
  let h: Harness;
  let kp: ProvisionedProvince;
  let operatorId: string;

  beforeAll(async () => {
    h = await Harness.start();
    kp = await h.provisionDirect(uniqueSlug('cs-kp'));
  });
  afterAll(() => h?.close());

  const webLogin = (login: { email: string; password: string } = OPERATOR) =>
    h.on(h.platformHost).post('/api/platform/auth/login').set(WEB).send(login).expect(200);
  const webRefresh = (cookie?: string, host = h.platformHost) => {
    const req = h.on(host).post('/api/platform/auth/refresh').set(WEB);
    return cookie === undefined ? req.send() : req.set('Cookie', `${COOKIE}=${cookie}`).send();
  };

  it('answers the console profile on the platform host only, without a token', async () => {
    const res = await h.on(h.platformHost).get('/api/platform/profile').expect(200);
    expect(res.body).toEqual({ kind: 'platform', name: 'Daftar', domain: h.config.baseDomain });
    await h.on(kp.host).get('/api/platform/profile').expect(404);
  });

  it('sign-in in browser mode sets the host-only operator cookie and answers the operator, not the token', async () => {
    const res = await webLogin();
    operatorId = res.body.operator.id;
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresIn: 604800,
      operator: { id: expect.any(String), email: OPERATOR.email, name: 'Platform operator' },
    });
    const cookies = cookiesOf(res);
    expect(cookies.map((c) => c.name)).toEqual([COOKIE]);
    // No Domain attribute: host-only, so the browser never sends it to a province's host.
    expect(cookies[0].attributes).toEqual({
      'max-age': '604800',
      path: '/api/platform/auth',
      expires: expect.any(String),
      httponly: true,
      samesite: 'Strict',
    });
    const me = await h.on(h.platformHost).get('/api/platform/me', res.body.accessToken).expect(200);
    expect(me.body).toEqual({
      id: operatorId,
      email: OPERATOR.email,
      name: 'Platform operator',
      status: 'active',
      lastLoginAt: expect.any(String),
    });

    // API clients (no header) get the refresh token in the body, and no cookie.
    const api = await h.on(h.platformHost).post('/api/platform/auth/login').send(OPERATOR).expect(200);
    const refreshToken = expect.stringMatching(/^[A-Za-z0-9_-]{43}$/);
    expect(api.body).toMatchObject({ accessToken: expect.any(String), refreshToken });
    expect(api.headers['set-cookie']).toBeUndefined();
  });

  it('rotates the cookie on refresh; an old value presented again revokes the family', async () => {
    const first = operatorCookie(await webLogin())!.value;
    const res = await webRefresh(first).expect(200);
    const operator = { id: operatorId, email: OPERATOR.email };
    expect(res.body).toMatchObject({ accessToken: expect.any(String), operator });
    expect(res.body.refreshToken).toBeUndefined();
    const second = operatorCookie(res)!;
    expect(second.value).not.toBe(first);
    expect(second.attributes).toMatchObject({ path: '/api/platform/auth', httponly: true, samesite: 'Strict' });
    await h.on(h.platformHost).get('/api/platform/me', res.body.accessToken).expect(200);

    // Within the grace period the first cookie again replaces a successor whose response was lost.
    const regranted = operatorCookie(await webRefresh(first).expect(200))!.value;
    // Once its successor has been used, the first cookie again is theft: the family ends.
    const third = operatorCookie(await webRefresh(regranted).expect(200))!.value;
    const reuse = await webRefresh(first).expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    expect(isCleared(operatorCookie(reuse))).toBe(true);
    await webRefresh(third).expect(401);
    await webRefresh(second.value).expect(401);
    const reused = `/api/platform/audit?action=auth.refresh.reused&operatorId=${operatorId}`;
    const audit = await h
      .on(h.platformHost)
      .get(reused, await h.operatorToken())
      .expect(200);
    expect(audit.body.total).toBeGreaterThanOrEqual(1);
  });

  it('API clients rotate with the token in the body', async () => {
    const login = await h.on(h.platformHost).post('/api/platform/auth/login').send(OPERATOR).expect(200);
    const next = await h
      .on(h.platformHost)
      .post('/api/platform/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expect(next.body.refreshToken).not.toBe(login.body.refreshToken);
    const post = (refreshToken: string) =>
      h.on(h.platformHost).post('/api/platform/auth/refresh').send({ refreshToken });
    const third = await post(next.body.refreshToken).expect(200);
    // The first token after its successor was used: theft, the family ends.
    await post(login.body.refreshToken).expect(401);
    await post(third.body.refreshToken).expect(401);
  });

  it('refuses the cookie without the browser header or from another origin (403)', async () => {
    const cookie = operatorCookie(await webLogin())!.value;
    const bare = await h
      .on(h.platformHost)
      .post('/api/platform/auth/refresh')
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send()
      .expect(403);
    expect(bare.body.message).toMatch(/X-Daftar-Client: web/);
    const foreign = await webRefresh(cookie).set('Origin', `http://${kp.host}`);
    expect(foreign.status).toBe(403);
    await webRefresh(cookie).expect(200);
  });

  it('sign-out revokes the family and clears the cookie; a missing cookie is fine', async () => {
    const cookie = operatorCookie(await webLogin())!.value;
    const out = await h
      .on(h.platformHost)
      .post('/api/platform/auth/logout')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send()
      .expect(204);
    expect(isCleared(operatorCookie(out))).toBe(true);
    const attributes = { path: '/api/platform/auth', httponly: true, samesite: 'Strict' };
    expect(operatorCookie(out)!.attributes).toMatchObject(attributes);
    // The queue dashboard's cookie goes with the session.
    const board = cookiesOf(out).find((c) => c.name === 'daftar_operator_board');
    expect(isCleared(board)).toBe(true);
    expect(board!.attributes).toMatchObject({ path: '/api/platform/queues', httponly: true, samesite: 'Strict' });
    await webRefresh(cookie).expect(401);
    const none = await h.on(h.platformHost).post('/api/platform/auth/logout').set(WEB).send().expect(204);
    expect(isCleared(operatorCookie(none))).toBe(true);
    const logouts = `/api/platform/audit?action=auth.logout&operatorId=${operatorId}`;
    const audit = await h
      .on(h.platformHost)
      .get(logouts, await h.operatorToken())
      .expect(200);
    const expected = { action: 'auth.logout', operatorEmail: OPERATOR.email, target: OPERATOR.email };
    expect(audit.body.items[0]).toMatchObject(expected);
  });

  it("is worthless on a province host: the operator's cookie and token are refused there", async () => {
    const login = await webLogin();
    const cookie = operatorCookie(login)!.value;
    // The platform's session endpoints are not served on a province host at all.
    for (const path of ['/api/platform/auth/refresh', '/api/platform/auth/logout', '/api/platform/auth/login']) {
      const res = await h.on(kp.host).post(path).set(WEB).set('Cookie', `${COOKIE}=${cookie}`).send({});
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    // The province's own refresh ignores the operator's cookie (a different name): no session.
    const provinceRefresh = await h
      .on(kp.host)
      .post('/api/auth/refresh')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send()
      .expect(401);
    expect(provinceRefresh.body.message).toMatch(/no daftar_refresh cookie/);
    // Even presented as a province cookie, it is not a province refresh token.
    await h.on(kp.host).post('/api/auth/refresh').set(WEB).set('Cookie', `daftar_refresh=${cookie}`).send().expect(401);
    await h.on(kp.host).post('/api/auth/refresh').send({ refreshToken: cookie }).expect(401);
    // The operator's access token is refused on the province host.
    const me = await h.on(kp.host).get('/api/me', login.body.accessToken).expect(401);
    expect(me.body.message).toMatch(/operator tokens are accepted on the platform host only/);
    // … and the cookie still works where it belongs.
    await webRefresh(cookie).expect(200);
  });

  it('documents every console endpoint in the OpenAPI document', async () => {
    const spec = (await h.on(kp.host).get('/api/docs/openapi.json').expect(200)).body;
    const operations: Array<[string, string]> = [
      ['/api/platform/auth/login', 'post'],
      ['/api/platform/auth/refresh', 'post'],
      ['/api/platform/auth/logout', 'post'],
      ['/api/platform/profile', 'get'],
      ['/api/platform/me', 'get'],
      ['/api/platform/operators', 'get'],
      ['/api/platform/operators', 'post'],
      ['/api/platform/operators/{id}/disable', 'post'],
      ['/api/platform/operators/{id}/enable', 'post'],
      ['/api/platform/audit', 'get'],
      ['/api/platform/migrations', 'get'],
      ['/api/platform/migrations/run', 'post'],
      ['/api/platform/migrations/runs/{id}', 'get'],
    ];
    for (const [path, method] of operations) {
      expect([path, method, typeof spec.paths[path]?.[method]?.summary]).toEqual([path, method, 'string']);
    }
    const cookie = { type: 'apiKey', in: 'cookie', name: COOKIE };
    expect(spec.components.securitySchemes['operator-refresh-cookie']).toMatchObject(cookie);
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining([
        'OperatorSessionResponse',
        'OperatorBrowserSessionResponse',
        'PlatformAuditPageResponse',
        'MigrationRunResponse',
      ]),
    );
  });

  it("a disabled operator's access token stops at the next request and their refresh is refused", async () => {
    const admin = await h.operatorToken();
    const email = `${uniqueSlug('cs-op')}@daftar.test`;
    const password = 'Karakoram-Highway-1978';
    const created = await h
      .on(h.platformHost)
      .post('/api/platform/operators', admin)
      .send({ email, name: 'Second operator', password })
      .expect(201);
    const web = await webLogin({ email, password });
    const api = await h.on(h.platformHost).post('/api/platform/auth/login').send({ email, password }).expect(200);
    await h.on(h.platformHost).get('/api/platform/tenants', web.body.accessToken).expect(200);

    await h.on(h.platformHost).post(`/api/platform/operators/${created.body.id}/disable`, admin).expect(200);
    const refused = await h.on(h.platformHost).get('/api/platform/tenants', web.body.accessToken).expect(401);
    expect(refused.body.message).toMatch(/disabled/);
    await h.on(h.platformHost).get('/api/platform/me', api.body.accessToken).expect(401);
    await webRefresh(operatorCookie(web)!.value).expect(401);
    await h
      .on(h.platformHost)
      .post('/api/platform/auth/refresh')
      .send({ refreshToken: api.body.refreshToken })
      .expect(401);
    const signIn = await h.on(h.platformHost).post('/api/platform/auth/login').send({ email, password }).expect(401);
    expect(signIn.body.message).toBe('Wrong email or password');

    // Enabled again, they sign in afresh (old sessions stay revoked).
    await h.on(h.platformHost).post(`/api/platform/operators/${created.body.id}/enable`, admin).expect(200);
    await h
      .on(h.platformHost)
      .post('/api/platform/auth/refresh')
      .send({ refreshToken: api.body.refreshToken })
      .expect(401);
    const again = await h.on(h.platformHost).post('/api/platform/auth/login').send({ email, password }).expect(200);
    await h.on(h.platformHost).get('/api/platform/me', again.body.accessToken).expect(200);
  });
});
