import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/app-config';
import { schemaNameFor } from '../../src/tenancy/slug';
import { PasswordHasher } from '../../src/users/password-hasher.service';
import { ADMIN_PASSWORD, Harness, ProvisionedProvince } from '../support/harness';

/** A TCP proxy in this process that can be cut (every connection dropped, nothing listening) and restored. */
class CuttableProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<number> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

/*
 * Issue 16 §3 with Redis unavailable: a change of roles still commits and answers (its Redis
 * message waits at most a moment), this process refuses the old token at once, and the other
 * processes are told when Redis is back.
 */
describe('token versions while Redis is unavailable', () => {
  const redis = new URL(loadConfig(process.env).redis.url);
  const proxy = new CuttableProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  let h: Harness;
  let other: Harness;
  let province: ProvisionedProvince & { adminToken: string };

  beforeAll(async () => {
    const port = await proxy.open();
    // This instance reaches Redis through the proxy; the other one directly, with the same prefix.
    h = await Harness.start({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    other = await Harness.start({ redisPrefix: h.config.redis.prefix });
    province = await h.provinceWithAdmin('tv-redis');
  });

  afterAll(async () => {
    await other?.close();
    await h?.close();
    await proxy.cut().catch(() => undefined);
  });

  it('commits and answers the change, refuses the old token here at once, elsewhere once Redis is back', async () => {
    const email = `officer-${randomBytes(3).toString('hex')}@${province.slug}.gov.pk`;
    const hash = await h.api.get(PasswordHasher).hash(ADMIN_PASSWORD);
    const [{ id }] = await h.dataSource.query(
      `INSERT INTO ${schemaNameFor(province.slug)}.users (email, name, password_hash, roles, status)
       VALUES ($1, 'Officer', $2, '{tenant_admin}', 'active') RETURNING id`,
      [email, hash],
    );
    const token = (await other.on(province.host).post('/api/auth/login').send({ email, password: ADMIN_PASSWORD })).body
      .accessToken as string;
    await h.on(province.host).get('/api/users', token).expect(200);
    await other.on(province.host).get('/api/users', token).expect(200);

    await proxy.cut();
    await h
      .on(province.host)
      .patch(`/api/users/${id}`, province.adminToken)
      .send({ roles: ['viewer'] })
      .expect(200);
    expect((await h.on(province.host).get('/api/users', token).expect(401)).body.reason).toBe('token-stale');
    // The other process has not been told yet: its cached version still answers.
    await other.on(province.host).get('/api/users', token).expect(200);

    await proxy.open();
    // The queued message goes out once this instance has reconnected (ioredis retries within ~2 s).
    let status = 200;
    for (let attempt = 0; attempt < 100 && status === 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await other.on(province.host).get('/api/users', token)).status;
    }
    expect(status).toBe(401);
  });
});
