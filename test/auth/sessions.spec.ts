import { sha256Hex } from '../../src/common/hash';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness, ProvisionedProvince, uniqueSlug, ADMIN_PASSWORD } from '../support/harness';

/** Issue 4 §3: refresh tokens rotate in families; reuse or sign-out ends the family. */
describe('sessions: refresh, rotation, reuse, sign-out, /api/me', () => {
  let h: Harness;
  let a: ProvisionedProvince;
  let b: ProvisionedProvince;

  beforeAll(async () => {
    h = await Harness.start();
    a = await h.provisionDirect(uniqueSlug('ses-a'));
    b = await h.provisionDirect(uniqueSlug('ses-b'));
  });

  afterAll(() => h.close());

  const signIn = async (p: ProvisionedProvince) =>
    (await h.on(p.host).post('/api/auth/login').send({ email: p.adminEmail, password: ADMIN_PASSWORD }).expect(200))
      .body;
  const refresh = (p: ProvisionedProvince, refreshToken: string) =>
    h.on(p.host).post('/api/auth/refresh').send({ refreshToken });

  it('signs in with an access and a refresh token, and /api/me answers who this is', async () => {
    const session = await signIn(a);
    expect(session).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 7 * 86400 });
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await h.on(a.host).get('/api/me', session.accessToken).expect(200);
    expect(me.body).toMatchObject({ email: a.adminEmail, roles: ['tenant_admin'], status: 'active', province: a.slug });
    await h.on(a.host).get('/api/me').expect(401);
  });

  it('rotates: each refresh gives a working access token and a new refresh token', async () => {
    const first = await signIn(a);
    const second = (await refresh(a, first.refreshToken).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await h.on(a.host).get('/api/me', second.accessToken).expect(200);
    const third = (await refresh(a, second.refreshToken).expect(200)).body;
    expect(third.refreshToken).not.toBe(second.refreshToken);
  });

  it('revokes the whole family when a used refresh token comes back after its successor was used', async () => {
    const first = await signIn(a);
    const second = (await refresh(a, first.refreshToken).expect(200)).body;
    const third = (await refresh(a, second.refreshToken).expect(200)).body;
    const reuse = await refresh(a, first.refreshToken).expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    // The legitimate successor is dead too.
    await refresh(a, third.refreshToken).expect(401);
    // Another sign-in is another family, unaffected.
    const other = await signIn(a);
    await refresh(a, other.refreshToken).expect(200);
  });

  it('replaces a successor whose response was lost: the old token again within the grace period', async () => {
    const first = await signIn(a);
    const lost = (await refresh(a, first.refreshToken).expect(200)).body;
    const again = (await refresh(a, first.refreshToken).expect(200)).body;
    expect(again.refreshToken).not.toBe(lost.refreshToken);
    await h.on(a.host).get('/api/me', again.accessToken).expect(200);
    // The lost successor no longer works, and presenting it ends the family (a thief's copy would).
    await refresh(a, lost.refreshToken).expect(401);
    await refresh(a, again.refreshToken).expect(401);
  });

  it('gives no grace once it has passed', async () => {
    const strict = await Harness.start({ env: { REFRESH_REUSE_GRACE_SECONDS: '1' } });
    try {
      const province = await strict.provisionDirect(uniqueSlug('strict'));
      const login = await strict
        .on(province.host)
        .post('/api/auth/login')
        .send({ email: province.adminEmail, password: ADMIN_PASSWORD })
        .expect(200);
      const post = (token: string) => strict.on(province.host).post('/api/auth/refresh').send({ refreshToken: token });
      const second = await post(login.body.refreshToken).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await post(login.body.refreshToken).expect(401);
      await post(second.body.refreshToken).expect(401);
    } finally {
      await strict.close();
    }
  });

  it('two racing refreshes with the same token both succeed; only the later successor lives', async () => {
    const session = await signIn(a);
    const [x, y] = await Promise.all([refresh(a, session.refreshToken), refresh(a, session.refreshToken)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    // The row lock serialises them: the second replaced the first's successor. Which came second is
    // the database's choice, so the rows say which successor lives (presenting the revoked one
    // first would end the whole family, as a theft would).
    const rows: Array<{ token_hash: string; revoked: boolean }> = await h.dataSource.query(
      `SELECT token_hash, revoked_at IS NOT NULL AS revoked FROM ${schemaNameFor(a.slug)}.refresh_tokens
        WHERE token_hash = ANY($1)`,
      [[x, y].map((r) => sha256Hex(r.body.refreshToken))],
    );
    expect(rows.map((r) => r.revoked).sort()).toEqual([false, true]);
    const [later, earlier] = [x, y].sort(
      (p, q) =>
        Number(rows.find((r) => r.token_hash === sha256Hex(p.body.refreshToken))!.revoked) -
        Number(rows.find((r) => r.token_hash === sha256Hex(q.body.refreshToken))!.revoked),
    );
    await refresh(a, later.body.refreshToken).expect(200);
    await refresh(a, earlier.body.refreshToken).expect(401);
  });

  it('signs out: the refresh token stops working', async () => {
    const session = await signIn(a);
    await h.on(a.host).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await refresh(a, session.refreshToken).expect(401);
    await h.on(a.host).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
  });

  it("refuses a province's refresh token on another province and as an access token", async () => {
    const session = await signIn(a);
    await refresh(b, session.refreshToken).expect(401);
    await h.on(a.host).get('/api/me', session.refreshToken).expect(401);
    await refresh(a, session.refreshToken).expect(200);
  });

  it('stops refresh at once, and /api/me, when the user is disabled', async () => {
    const session = await signIn(b);
    await h.dataSource.query(`UPDATE ${schemaNameFor(b.slug)}.users SET status = 'disabled'`);
    await refresh(b, session.refreshToken).expect(401);
    await h.on(b.host).get('/api/me', session.accessToken).expect(401);
  });

  it('names bad refresh payloads', async () => {
    const res = await h.on(a.host).post('/api/auth/refresh').send({ refreshToken: 'short', extra: 1 }).expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['extra', 'refreshToken']);
  });
});
