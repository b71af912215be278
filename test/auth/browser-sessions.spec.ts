import { ADMIN_PASSWORD, Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/*
 * Browser sessions: with the header X-Daftar-Client: web, sign-in keeps the refresh token in the
 * httpOnly cookie daftar_refresh instead of the body; refresh and sign-out read it only with that
 * header and from a page of the same host. The JSON-body flow of API clients is unchanged.
 */

const WEB = { 'X-Daftar-Client': 'web' };
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

const refreshCookie = (res: { headers: Record<string, unknown> }) =>
  cookiesOf(res).find((c) => c.name === 'daftar_refresh');
const isCleared = (c: Cookie | undefined) =>
  !!c && c.value === '' && new Date(String(c.attributes.expires)).getTime() <= Date.now();

describe('browser sessions: the refresh token in an httpOnly cookie', () => {
  let h: Harness;
  let kp: ProvisionedProvince;
  let gb: ProvisionedProvince;

  beforeAll(async () => {
    h = await Harness.start();
    [kp, gb] = await Promise.all([h.provisionDirect(uniqueSlug('bs-kp')), h.provisionDirect(uniqueSlug('bs-gb'))]);
  });
  afterAll(() => h?.close());

  const webLogin = (p: ProvisionedProvince) =>
    h.on(p.host).post('/api/auth/login').set(WEB).send({ email: p.adminEmail, password: ADMIN_PASSWORD }).expect(200);
  const webRefresh = (p: ProvisionedProvince, cookie?: string, headers: Record<string, string> = WEB) => {
    const req = h.on(p.host).post('/api/auth/refresh').set(headers);
    return cookie === undefined ? req.send() : req.set('Cookie', `daftar_refresh=${cookie}`).send();
  };

  it(
    'sign-in in browser mode sets the cookie with exactly these ' + 'attributes and leaves the token out of the body',
    async () => {
      const res = await webLogin(kp);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshExpiresIn: 604800,
      });
      const cookies = cookiesOf(res);
      expect(cookies.map((c) => c.name)).toEqual(['daftar_refresh']);
      const [cookie] = cookies;
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Host-only (no Domain), scripts cannot read it, only sent to /api/auth, never cross-site; no Secure over http.
      expect(cookie.attributes).toEqual({
        'max-age': '604800',
        path: '/api/auth',
        expires: expect.any(String),
        httponly: true,
        samesite: 'Strict',
      });
      expect(new Date(String(cookie.attributes.expires)).getTime()).toBeGreaterThan(Date.now() + 604000 * 1000);
      await h.on(kp.host).get('/api/me', res.body.accessToken).expect(200);

      // API clients (no header) are answered as before: the token in the body, no cookie.
      const api = await h
        .on(kp.host)
        .post('/api/auth/login')
        .send({ email: kp.adminEmail, password: ADMIN_PASSWORD })
        .expect(200);
      expect(api.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(api.headers['set-cookie']).toBeUndefined();
    },
  );

  it('refresh with the cookie rotates it: a new cookie, a working access token, no token in the body', async () => {
    const first = refreshCookie(await webLogin(kp))!.value;
    const res = await webRefresh(kp, first).expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresIn: 604800,
    });
    const second = refreshCookie(res)!;
    expect(second.value).not.toBe(first);
    expect(second.attributes).toMatchObject({
      path: '/api/auth',
      httponly: true,
      samesite: 'Strict',
      'max-age': '604800',
    });
    await h.on(kp.host).get('/api/me', res.body.accessToken).expect(200);
    const third = refreshCookie(await webRefresh(kp, second.value).expect(200))!;
    expect(third.value).not.toBe(second.value);
    // The app sends an empty JSON object, as fetch with a JSON body does: the same.
    const fourth = await h
      .on(kp.host)
      .post('/api/auth/refresh')
      .set(WEB)
      .set('Cookie', `daftar_refresh=${third.value}`)
      .send({})
      .expect(200);
    expect(fourth.body.refreshToken).toBeUndefined();
    expect(refreshCookie(fourth)!.value).not.toBe(third.value);
  });

  it('an old cookie value presented again revokes the whole family, and is cleared', async () => {
    const first = refreshCookie(await webLogin(kp))!.value;
    const second = refreshCookie(await webRefresh(kp, first).expect(200))!.value;
    const third = refreshCookie(await webRefresh(kp, second).expect(200))!.value;
    const reuse = await webRefresh(kp, first).expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    expect(isCleared(refreshCookie(reuse))).toBe(true);
    // The legitimate successor is dead too.
    const successor = await webRefresh(kp, third).expect(401);
    expect(isCleared(refreshCookie(successor))).toBe(true);
  });

  it('a page that left mid-refresh: the old cookie again within the grace period keeps the session', async () => {
    const first = refreshCookie(await webLogin(kp))!.value;
    const lost = refreshCookie(await webRefresh(kp, first).expect(200))!.value;
    const again = await webRefresh(kp, first).expect(200);
    const next = refreshCookie(again)!.value;
    expect(next).not.toBe(lost);
    await h.on(kp.host).get('/api/me', again.body.accessToken).expect(200);
    await webRefresh(kp, next).expect(200);
  });

  it('a missing or made-up cookie is 401 and clears the cookie', async () => {
    const none = await webRefresh(kp).expect(401);
    expect(none.body.message).toMatch(/no daftar_refresh cookie/);
    expect(isCleared(refreshCookie(none))).toBe(true);
    const unknown = await webRefresh(kp, 'A'.repeat(43)).expect(401);
    expect(isCleared(refreshCookie(unknown))).toBe(true);
    expect(isCleared(refreshCookie(await webRefresh(kp, 'not a token!').expect(401)))).toBe(true);
  });

  it('refuses the cookie without the X-Daftar-Client header (403), and the cookie still works afterwards', async () => {
    const cookie = refreshCookie(await webLogin(kp))!.value;
    const refused = await webRefresh(kp, cookie, {}).expect(403);
    expect(refused.body.message).toMatch(/X-Daftar-Client: web/);
    expect(refused.headers['set-cookie']).toBeUndefined();
    const wrongValue = await webRefresh(kp, cookie, { 'X-Daftar-Client': 'mobile' }).expect(403);
    expect(wrongValue.body.message).toMatch(/X-Daftar-Client: web/);
    const logout = await h
      .on(kp.host)
      .post('/api/auth/logout')
      .set('Cookie', `daftar_refresh=${cookie}`)
      .send()
      .expect(403);
    expect(logout.body.message).toMatch(/X-Daftar-Client: web/);
    await webRefresh(kp, cookie).expect(200);
  });

  it('refuses a page of another origin (403), accepts its own', async () => {
    const cookie = refreshCookie(await webLogin(kp))!.value;
    for (const origin of [
      'https://evil.example',
      `http://${gb.host}`,
      `http://${kp.host}.evil.example`,
      'null',
      `http://${kp.host}:8443`,
    ]) {
      const res = await webRefresh(kp, cookie, { ...WEB, Origin: origin });
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect(res.body.message).toMatch(/Origin .* is not this host/);
    }
    const login = await h
      .on(kp.host)
      .post('/api/auth/login')
      .set({ ...WEB, Origin: 'https://evil.example' })
      .send({ email: kp.adminEmail, password: ADMIN_PASSWORD })
      .expect(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    const own = await webRefresh(kp, cookie, { ...WEB, Origin: `http://${kp.host.toUpperCase()}` }).expect(200);
    expect(refreshCookie(own)!.value).not.toBe(cookie);
  });

  it('sign-out revokes the family and clears the cookie, even when the cookie is unknown or missing', async () => {
    const cookie = refreshCookie(await webLogin(kp))!.value;
    const out = await h
      .on(kp.host)
      .post('/api/auth/logout')
      .set(WEB)
      .set('Cookie', `daftar_refresh=${cookie}`)
      .send()
      .expect(204);
    expect(isCleared(refreshCookie(out))).toBe(true);
    expect(refreshCookie(out)!.attributes).toMatchObject({ path: '/api/auth', httponly: true, samesite: 'Strict' });
    await webRefresh(kp, cookie).expect(401);
    const again = await h
      .on(kp.host)
      .post('/api/auth/logout')
      .set(WEB)
      .set('Cookie', `daftar_refresh=${cookie}`)
      .send()
      .expect(204);
    expect(isCleared(refreshCookie(again))).toBe(true);
    expect(isCleared(refreshCookie(await h.on(kp.host).post('/api/auth/logout').set(WEB).send().expect(204)))).toBe(
      true,
    );
    const audit = await h
      .on(kp.host)
      .get('/api/audit?action=auth.logout', await h.login(kp))
      .expect(200);
    expect(audit.body.total).toBeGreaterThanOrEqual(1);
  });

  it(
    "refuses one province's cookie on another province's host (401): " + "tokens live in the province's schema",
    async () => {
      const kpCookie = refreshCookie(await webLogin(kp))!.value;
      const res = await webRefresh(gb, kpCookie, { ...WEB, Origin: `http://${gb.host}` }).expect(401);
      expect(isCleared(refreshCookie(res))).toBe(true);
      // Still good at home.
      await webRefresh(kp, kpCookie).expect(200);
    },
  );

  it('keeps the JSON-body flow for API clients, with or without the header', async () => {
    const session = (
      await h.on(kp.host).post('/api/auth/login').send({ email: kp.adminEmail, password: ADMIN_PASSWORD }).expect(200)
    ).body;
    const next = await h
      .on(kp.host)
      .post('/api/auth/refresh')
      .set(WEB)
      .send({ refreshToken: session.refreshToken })
      .expect(200);
    expect(next.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next.headers['set-cookie']).toBeUndefined();
    await h.on(kp.host).post('/api/auth/logout').send({ refreshToken: next.body.refreshToken }).expect(204);
    await h.on(kp.host).post('/api/auth/refresh').send({ refreshToken: next.body.refreshToken }).expect(401);
    // An empty body from an API client is refused, naming the way out; null is not "absent".
    const empty = await h.on(kp.host).post('/api/auth/refresh').send({}).expect(403);
    expect(empty.body.message).toMatch(/refreshToken/);
    const nulled = await h.on(kp.host).post('/api/auth/refresh').set(WEB).send({ refreshToken: null }).expect(400);
    expect(Object.keys(nulled.body.fields)).toEqual(['refreshToken']);
  });

  it('marks the cookie Secure when the public scheme is https', async () => {
    const secure = await Harness.start({ env: { PUBLIC_URL_SCHEME: 'https' } });
    try {
      const res = await secure
        .on(kp.host)
        .post('/api/auth/login')
        .set(WEB)
        .send({ email: kp.adminEmail, password: ADMIN_PASSWORD })
        .expect(200);
      expect(refreshCookie(res)!.attributes).toMatchObject({
        secure: true,
        httponly: true,
        samesite: 'Strict',
        path: '/api/auth',
      });
      expect(refreshCookie(res)!.attributes.domain).toBeUndefined();
      const out = await secure
        .on(kp.host)
        .post('/api/auth/logout')
        .set(WEB)
        .set('Cookie', `daftar_refresh=${refreshCookie(res)!.value}`)
        .send()
        .expect(204);
      expect(refreshCookie(out)!.attributes).toMatchObject({ secure: true });
    } finally {
      await secure.close();
    }
  });
});
