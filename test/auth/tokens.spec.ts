import { JwtService } from '@nestjs/jwt';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** docs/ARCHITECTURE.md, "Tokens": a token is worth something only on its own host. */
describe('tokens are bound to their host', () => {
  let h: Harness;
  let a: ProvisionedProvince;
  let b: ProvisionedProvince;
  let tokenA: string;
  let tokenB: string;
  let operator: string;
  let jwt: JwtService;

  beforeAll(async () => {
    h = await Harness.start();
    a = await h.provisionDirect(uniqueSlug('tok-a'));
    b = await h.provisionDirect(uniqueSlug('tok-b'));
    tokenA = await h.login(a);
    tokenB = await h.login(b);
    operator = await h.operatorToken();
    jwt = h.api.get(JwtService);
  });

  afterAll(() => h.close());

  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

  it('accepts a province token on its own host', async () => {
    await h.on(a.host).get('/api/departments', tokenA).expect(200);
    expect(claimsOf(tokenA)).toMatchObject({
      aud: 'tenant',
      tid: a.id,
      iss: 'daftar',
      typ: 'access',
      roles: ['tenant_admin'],
    });
  });

  it.each([
    ['no token', () => undefined],
    ['a malformed token', () => 'not-a-jwt'],
    ["another province's token", () => tokenB],
    ['an operator token', () => operator],
  ])('refuses %s on a province host with 401', async (_label, token) => {
    const res = await h.on(a.host).get('/api/departments', token()).expect(401);
    expect(res.body.message).toMatch(/Token refused|Sign-in/);
  });

  it('refuses province tokens on the platform host', async () => {
    await h.on(h.platformHost).get('/api/platform/tenants', tokenA).expect(401);
    await h.on(h.platformHost).get('/api/platform/tenants').expect(401);
  });

  it('refuses a token whose tid was edited without re-signing', async () => {
    const [header, , signature] = tokenB.split('.');
    const forged = [header, b64({ ...claimsOf(tokenB), tid: a.id }), signature].join('.');
    await h.on(a.host).get('/api/departments', forged).expect(401);
  });

  it('refuses a correctly signed token naming another province in tid', async () => {
    const replayed = await jwt.signAsync(
      { tid: b.id, email: a.adminEmail, roles: ['tenant_admin'], typ: 'access' },
      { audience: 'tenant', subject: claimsOf(tokenA).sub, issuer: 'daftar', expiresIn: 60 },
    );
    await h.on(a.host).get('/api/departments', replayed).expect(401);
  });

  it('refuses alg "none", a foreign secret, the wrong audience, an expired token and a non-access token', async () => {
    const claims = claimsOf(tokenA);
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    const foreign = await jwt.signAsync({ ...claims }, { secret: 'x'.repeat(40) });
    const wrongAudience = await jwt.signAsync({ ...claims, aud: 'someone-else' });
    const expired = await jwt.signAsync({
      ...claims,
      exp: Math.floor(Date.now() / 1000) - 10,
      iat: Math.floor(Date.now() / 1000) - 100,
    });
    const refresh = await jwt.signAsync({ ...claims, typ: 'refresh' });
    for (const token of [none, foreign, wrongAudience, expired, refresh]) {
      await h.on(a.host).get('/api/departments', token).expect(401);
    }
    const stillFine = await jwt.signAsync({ ...claims });
    await h.on(a.host).get('/api/departments', stillFine).expect(200);
  });

  it('answers sign-in failures the same way for an unknown email and a wrong password', async () => {
    const unknown = await h
      .on(a.host)
      .post('/api/auth/login')
      .send({ email: 'nobody@x.pk', password: 'whatever-123' })
      .expect(401);
    const wrong = await h
      .on(a.host)
      .post('/api/auth/login')
      .send({ email: a.adminEmail, password: 'whatever-123' })
      .expect(401);
    expect(unknown.body).toEqual(wrong.body);
    // The same email in another province does not sign in here.
    await h
      .on(b.host)
      .post('/api/auth/login')
      .send({ email: a.adminEmail, password: 'Province-Admin-Pass-1' })
      .expect(401);
  });

  it('refuses operator sign-in on a province host and wrong operator passwords', async () => {
    await h.on(a.host).post('/api/platform/auth/login').send(h.operatorLogin).expect(404);
    await h
      .on(h.platformHost)
      .post('/api/platform/auth/login')
      .send({ ...h.operatorLogin, password: 'wrong-password-1' })
      .expect(401);
  });

  it('refuses a province admin action to a user without the role (403)', async () => {
    const viewer = await jwt.signAsync(
      { tid: a.id, email: 'viewer@x.pk', roles: ['viewer'], typ: 'access' },
      { audience: 'tenant', subject: claimsOf(tokenA).sub, issuer: 'daftar', expiresIn: 60 },
    );
    await h.on(a.host).get('/api/departments', viewer).expect(200);
    const res = await h.on(a.host).post('/api/departments', viewer).send({ code: 'X', name: 'X' }).expect(403);
    expect(res.body.message).toMatch(/departments\.manage/);
  });
});
