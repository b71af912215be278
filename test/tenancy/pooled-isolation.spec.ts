import { Client } from 'pg';
import { recordCrossProvinceRows } from '../support/cross-province';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';
import { appDatabaseUrl, recreateDatabase, specDatabaseName, VIA_POOLER } from '../support/test-env';

/**
 * Provinces stay apart when many client connections share a few server connections, as behind
 * PgBouncer in transaction mode (docs/ARCHITECTURE.md, "Tenancy"). Plain Jest runs it on Postgres
 * directly; scripts/pooled-isolation.mjs runs it again through PgBouncer, where the app's 16
 * pooled connections share at most 8 server connections, so a server connection serves one
 * province's transaction and then another's.
 */
describe('province isolation with client connections sharing server connections', () => {
  let h: Harness;
  const provinces: ProvisionedProvince[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    h = await Harness.start({ freshDatabase: 'daftar_test_pooled', env: { DB_POOL_SIZE: '16' } });
    for (const prefix of ['pool-a', 'pool-b', 'pool-c', 'pool-d']) {
      const p = await h.provisionDirect(uniqueSlug(prefix));
      provinces.push(p);
      const token = await h.login(p);
      tokens.set(p.slug, token);
      await h
        .on(p.host)
        .post('/api/departments', token)
        .send({ code: 'PND', name: `marker-${p.slug}` })
        .expect(201);
    }
  });
  afterAll(() => h?.close());

  /** Rows in an answer to `p` named after another province. */
  const foreignRows = (p: ProvisionedProvince, rows: unknown): number =>
    (Array.isArray(rows) ? rows : [rows]).filter((row: { name?: string } | null) =>
      provinces.some((other) => other !== p && row?.name?.includes(other.slug)),
    ).length;

  it('serves reads, writes and rolled-back writes of four provinces at once, each only its own rows', async () => {
    const expected = new Map(provinces.map((p) => [p.slug, [`marker-${p.slug}`]]));
    const kinds = ['write', 'duplicate', 'read', 'read'] as const;
    const calls = Array.from({ length: 320 }, (_, i) => {
      const p = provinces[i % provinces.length];
      const kind = kinds[Math.floor(i / provinces.length) % kinds.length];
      const api = h.on(p.host);
      const token = tokens.get(p.slug)!;
      const call =
        kind === 'write'
          ? api.post('/api/departments', token).send({ code: `W${i}`, name: `w-${p.slug}-${i}` })
          : kind === 'duplicate' // the unit of work rolls back on shared server connections
            ? api.post('/api/departments', token).send({ code: 'PND', name: `dup-${p.slug}` })
            : api.get('/api/departments', token);
      if (kind === 'write') expected.get(p.slug)!.push(`w-${p.slug}-${i}`);
      return call.then((res) => ({ p, kind, res }));
    });
    const answers = await Promise.all(calls);
    const lists = await Promise.all(
      provinces.map((p) =>
        h
          .on(p.host)
          .get('/api/departments', tokens.get(p.slug)!)
          .then((res) => ({ p, res })),
      ),
    );
    const seen = [...answers, ...lists].reduce((n, { p, res }) => n + foreignRows(p, res.body), 0);
    recordCrossProvinceRows('320 concurrent reads, writes and rollbacks on 16 connections', seen, answers.length + 4);
    expect(seen).toBe(0);
    for (const { kind, res } of answers) expect(res.status).toBe({ write: 201, duplicate: 409, read: 200 }[kind]);
    for (const { p, res } of lists) {
      expect(res.body.map((d: { name: string }) => d.name).sort()).toEqual(expected.get(p.slug)!.sort());
    }
  });

  it('leaves no search_path on any server connection the pool hands out afterwards', async () => {
    const paths = await Promise.all(Array.from({ length: 32 }, () => h.dataSource.query('SHOW search_path')));
    for (const [row] of paths) expect(row.search_path).toBe('no_tenant');
  });
});

/**
 * Why the app keeps no session state: in transaction mode a session-level SET or advisory lock
 * stays on the server connection and reaches the next client. The app uses SET LOCAL and
 * pg_advisory_xact_lock only; these canaries show the pooled run really shares connections.
 */
describe('session state through the pooler', () => {
  let url: string;
  beforeAll(async () => {
    url = appDatabaseUrl(await recreateDatabase(specDatabaseName('daftar_test_pooled_canary')));
  });

  const clients = async () => {
    const [a, b] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
    await Promise.all([a.connect(), b.connect()]);
    return { a, b, end: () => Promise.all([a.end(), b.end()]) };
  };

  it(`a session-level SET ${VIA_POOLER ? 'reaches another client' : 'stays with its client'}`, async () => {
    const { a, b, end } = await clients();
    try {
      await a.query(`SET search_path TO pg_catalog`);
      const [{ search_path }] = (await b.query('SHOW search_path')).rows;
      expect(search_path === 'pg_catalog').toBe(VIA_POOLER);
      await a.query('RESET search_path');
    } finally {
      await end();
    }
  });

  it(`a session-level advisory lock ${VIA_POOLER ? 'does not exclude' : 'excludes'} another client`, async () => {
    const { a, b, end } = await clients();
    try {
      await a.query('SELECT pg_advisory_lock(15)');
      const [{ locked }] = (await b.query('SELECT pg_try_advisory_lock(15) AS locked')).rows;
      expect(locked).toBe(VIA_POOLER);
      await (VIA_POOLER ? a.query('SELECT pg_advisory_unlock_all()') : a.query('SELECT pg_advisory_unlock(15)'));
    } finally {
      await end();
    }
  });
});
