import { randomBytes } from 'node:crypto';
import { schemaNameFor } from '../../src/tenancy/slug';
import { PasswordHasher } from '../../src/users/password-hasher.service';
import { ADMIN_PASSWORD, Harness, ProvisionedProvince } from '../support/harness';

/*
 * Issue 16 §3: a change of roles, a disabled account or a new password takes effect on the next
 * request, whatever the access token says. Several provinces, and two API instances sharing Redis
 * (each app has its own guard and so its own cache of token versions).
 */
describe('token versions: roles and disabled accounts take effect at once', () => {
  let h: Harness;
  let other: Harness;
  let a: ProvisionedProvince & { adminToken: string };
  let b: ProvisionedProvince & { adminToken: string };

  beforeAll(async () => {
    h = await Harness.start();
    // A second API process of the same deployment: same database, same Redis prefix.
    other = await Harness.start({ redisPrefix: h.config.redis.prefix });
    a = await h.provinceWithAdmin('tv-a');
    b = await h.provinceWithAdmin('tv-b');
  });

  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  /** A user created directly in the province with these roles (and, when given, this id). */
  const addUser = async (p: ProvisionedProvince, roles: string[], id?: string) => {
    const email = `u-${randomBytes(4).toString('hex')}@${p.slug}.gov.pk`;
    const hash = await h.api.get(PasswordHasher).hash(ADMIN_PASSWORD);
    const [row] = await h.dataSource.query(
      `INSERT INTO ${schemaNameFor(p.slug)}.users (id, email, name, password_hash, roles, status)
       VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, 'Officer', $3, $4, 'active') RETURNING id`,
      [id ?? null, email, hash, roles],
    );
    return { id: row.id as string, email };
  };
  const signIn = async (p: ProvisionedProvince, email: string, on = h) =>
    (await on.on(p.host).post('/api/auth/login').send({ email, password: ADMIN_PASSWORD }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

  it('a demoted administrator loses admin endpoints at the next request; a refresh gives the new roles', async () => {
    const officer = await addUser(a, ['tenant_admin']);
    const session = await signIn(a, officer.email);
    expect(claimsOf(session.accessToken)).toMatchObject({ roles: ['tenant_admin'], tv: 0 });
    await h.on(a.host).get('/api/users', session.accessToken).expect(200);

    await h
      .on(a.host)
      .patch(`/api/users/${officer.id}`, a.adminToken)
      .send({ roles: ['viewer'] })
      .expect(200);

    const refused = await h.on(a.host).get('/api/users', session.accessToken).expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, reason: 'token-stale', message: expect.any(String) });
    // Every endpoint, not only the admin ones: the token's roles are no longer the account's.
    expect((await h.on(a.host).get('/api/departments', session.accessToken).expect(401)).body.reason).toBe(
      'token-stale',
    );

    const renewed = (
      await h.on(a.host).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200)
    ).body;
    expect(claimsOf(renewed.accessToken)).toMatchObject({ roles: ['viewer'], tv: 1 });
    await h.on(a.host).get('/api/users', renewed.accessToken).expect(403);
    const me = await h.on(a.host).get('/api/me', renewed.accessToken).expect(200);
    expect(me.body.roles).toEqual(['viewer']);

    // A change that leaves the roles as they are keeps the token.
    await h.on(a.host).patch(`/api/users/${officer.id}`, a.adminToken).send({ designation: 'Director' }).expect(200);
    await h.on(a.host).get('/api/departments', renewed.accessToken).expect(200);
  });

  it('a disabled user is refused at the next request, refresh too; enabled again, only a new sign-in', async () => {
    const officer = await addUser(a, ['preparer']);
    const session = await signIn(a, officer.email);
    await h.on(a.host).get('/api/departments', session.accessToken).expect(200);

    await h.on(a.host).post(`/api/users/${officer.id}/disable`, a.adminToken).expect(200);

    const refused = await h.on(a.host).get('/api/departments', session.accessToken).expect(401);
    expect(refused.body.reason).toBe('account-inactive');
    await h.on(a.host).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);

    await h.on(a.host).post(`/api/users/${officer.id}/enable`, a.adminToken).expect(200);
    expect((await h.on(a.host).get('/api/departments', session.accessToken).expect(401)).body.reason).toBe(
      'token-stale',
    );
    const again = await signIn(a, officer.email);
    await h.on(a.host).get('/api/departments', again.accessToken).expect(200);
  });

  it("a new password ends the old access tokens, the changer's own included", async () => {
    const officer = await addUser(a, ['viewer']);
    const session = await signIn(a, officer.email);
    const newPassword = 'Hunza-Valley-2500m';
    await h
      .on(a.host)
      .post('/api/me/password', session.accessToken)
      .send({ currentPassword: ADMIN_PASSWORD, newPassword })
      .expect(204);
    expect((await h.on(a.host).get('/api/me', session.accessToken).expect(401)).body.reason).toBe('token-stale');
    const fresh = (
      await h.on(a.host).post('/api/auth/login').send({ email: officer.email, password: newPassword }).expect(200)
    ).body;
    await h.on(a.host).get('/api/me', fresh.accessToken).expect(200);
  });

  it('another API instance sharing Redis refuses the token on the very next request', async () => {
    const officer = await addUser(a, ['tenant_admin']);
    const session = await signIn(a, officer.email, other);
    // Loads the token version into the other instance's cache.
    await other.on(a.host).get('/api/users', session.accessToken).expect(200);

    // Control: a version raised behind the caches' back (no Redis message) is not seen yet, so what
    // refuses the token below is the message, not a database read on every request.
    const schema = schemaNameFor(a.slug);
    await h.dataSource.query(`UPDATE ${schema}.users SET token_version = token_version + 1 WHERE id = $1`, [
      officer.id,
    ]);
    await other.on(a.host).get('/api/users', session.accessToken).expect(200);
    await h.dataSource.query(`UPDATE ${schema}.users SET token_version = token_version - 1 WHERE id = $1`, [
      officer.id,
    ]);

    // Demoted through the first instance; the next request goes to the other one.
    await h
      .on(a.host)
      .patch(`/api/users/${officer.id}`, a.adminToken)
      .send({ roles: ['viewer'] })
      .expect(200);
    expect((await other.on(a.host).get('/api/users', session.accessToken).expect(401)).body.reason).toBe('token-stale');

    // The new token is accepted by both, though neither was told its version directly.
    const renewed = (
      await other.on(a.host).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200)
    ).body;
    await other.on(a.host).get('/api/users', renewed.accessToken).expect(403);
    await h.on(a.host).get('/api/users', renewed.accessToken).expect(403);
    await h.on(a.host).get('/api/me', renewed.accessToken).expect(200);

    // Disabled through the other instance: the first refuses the token on its next request.
    await other.on(a.host).post(`/api/users/${officer.id}/disable`, a.adminToken).expect(200);
    expect((await h.on(a.host).get('/api/me', renewed.accessToken).expect(401)).body.reason).toBe('account-inactive');
  });

  it('the same user id in another province is another account: a change in one leaves the other alone', async () => {
    const inA = await addUser(a, ['tenant_admin']);
    const inB = await addUser(b, ['tenant_admin'], inA.id);
    expect(inB.id).toBe(inA.id);
    const sessionA = await signIn(a, inA.email);
    const sessionB = await signIn(b, inB.email);
    await h.on(a.host).get('/api/users', sessionA.accessToken).expect(200);
    await h.on(b.host).get('/api/users', sessionB.accessToken).expect(200);

    // Concurrently: A's account is demoted and then disabled while B's is used.
    // (then() sends a supertest request at once; it would otherwise wait to be awaited.)
    const uses = Array.from({ length: 10 }, () =>
      h
        .on(b.host)
        .get('/api/users', sessionB.accessToken)
        .then((r) => r),
    );
    await h
      .on(a.host)
      .patch(`/api/users/${inA.id}`, a.adminToken)
      .send({ roles: ['viewer'] })
      .expect(200);
    await h.on(a.host).post(`/api/users/${inA.id}/disable`, a.adminToken).expect(200);
    expect((await Promise.all(uses)).map((r) => r.status)).toEqual(Array(10).fill(200));

    expect((await h.on(a.host).get('/api/users', sessionA.accessToken).expect(401)).body.reason).toBe(
      'account-inactive',
    );
    await h.on(b.host).get('/api/users', sessionB.accessToken).expect(200);
    await other.on(b.host).get('/api/users', sessionB.accessToken).expect(200);
    const [row] = await h.dataSource.query(
      `SELECT token_version, status FROM ${schemaNameFor(b.slug)}.users WHERE id = $1`,
      [inB.id],
    );
    expect(row).toEqual({ token_version: 0, status: 'active' });

    // And the other way round: B's change does not revive or touch A's.
    await h
      .on(b.host)
      .patch(`/api/users/${inB.id}`, b.adminToken)
      .send({ roles: ['preparer'] })
      .expect(200);
    expect((await h.on(b.host).get('/api/users', sessionB.accessToken).expect(401)).body.reason).toBe('token-stale');
    expect((await h.on(a.host).get('/api/users', sessionA.accessToken).expect(401)).body.reason).toBe(
      'account-inactive',
    );
    // A province token stays on its own host whatever its version.
    await h.on(b.host).get('/api/users', sessionA.accessToken).expect(401);
  });

  it('a disabled operator is refused on the next request', async () => {
    const operator = { email: `op-${randomBytes(4).toString('hex')}@daftar.test`, password: 'Tirich-Mir-7708m' };
    const admin = await h.operatorToken();
    const created = (
      await h
        .on(h.platformHost)
        .post('/api/platform/operators', admin)
        .send({ ...operator, name: 'Second operator' })
        .expect(201)
    ).body;
    const token = (await other.on(other.platformHost).post('/api/platform/auth/login').send(operator).expect(200)).body
      .accessToken;
    await other.on(other.platformHost).get('/api/platform/tenants', token).expect(200);
    await h.on(h.platformHost).post(`/api/platform/operators/${created.id}/disable`, admin).expect(200);
    await other.on(other.platformHost).get('/api/platform/tenants', token).expect(401);
    await h.on(h.platformHost).get('/api/platform/tenants', token).expect(401);
  });
});
