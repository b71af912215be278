import { ClsService } from 'nestjs-cls';
import { Department } from '../../src/departments/department.entity';
import { TenantDatabase, NoTenantContextError } from '../../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { recordCrossProvinceRows } from '../support/cross-province';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/**
 * docs/ARCHITECTURE.md, "Tenancy": several provinces at once on one small pool; no request ever sees
 * another province's rows, including after a rolled-back transaction on the same pooled connection.
 * scripts/pooled-isolation.mjs runs it again through PgBouncer in transaction mode.
 */
describe('province data isolation', () => {
  let h: Harness;
  const provinces: ProvisionedProvince[] = [];
  const tokens = new Map<string, string>();
  const departmentIds = new Map<string, string>();

  beforeAll(async () => {
    // Two connections for three provinces: every connection is reused across provinces constantly.
    h = await Harness.start({ env: { DB_POOL_SIZE: '2', PROVISIONING_CONCURRENCY: '1' } });
    for (const prefix of ['iso-a', 'iso-b', 'iso-c']) provinces.push(await h.provisionDirect(uniqueSlug(prefix)));
    for (const p of provinces) {
      const token = await h.login(p);
      tokens.set(p.slug, token);
      const res = await h
        .on(p.host)
        .post('/api/departments', token)
        .send({ code: 'PND', name: `marker-${p.slug}` })
        .expect(201);
      departmentIds.set(p.slug, res.body.id);
    }
  });

  afterAll(() => h.close());

  /** Rows in an answer to province `p` that belong to another province (by marker name or id). */
  const foreignRows = (p: ProvisionedProvince, rows: unknown): number =>
    (Array.isArray(rows) ? rows : [rows]).filter((row: { id?: string; name?: string } | null) =>
      provinces.some(
        (other) => other !== p && (row?.name === `marker-${other.slug}` || row?.id === departmentIds.get(other.slug)),
      ),
    ).length;

  it('serves each province only its own rows under 240 concurrent interleaved requests', async () => {
    const requests = Array.from({ length: 240 }, (_, i) => {
      const p = provinces[i % provinces.length];
      const token = tokens.get(p.slug)!;
      return i % 2 === 0
        ? h
            .on(p.host)
            .get(`/api/departments/${departmentIds.get(p.slug)}`, token)
            .then((res) => ({ p, rows: [res.body], status: res.status }))
        : h
            .on(p.host)
            .get('/api/departments', token)
            .then((res) => ({ p, rows: res.body, status: res.status }));
    });
    const results = await Promise.all(requests);
    const seen = results.reduce((n, { p, rows }) => n + foreignRows(p, rows), 0);
    recordCrossProvinceRows('240 concurrent interleaved reads', seen, results.length);
    for (const { p, rows, status } of results) {
      expect(status).toBe(200);
      expect(rows).toHaveLength(1);
      expect(rows[0].name).toBe(`marker-${p.slug}`);
    }
  });

  it("answers 404 for another province's id, even with a valid token for the host", async () => {
    const [a, b] = provinces;
    const res = await h.on(a.host).get(`/api/departments/${departmentIds.get(b.slug)}`, tokens.get(a.slug));
    recordCrossProvinceRows("another province's id", res.status === 200 ? foreignRows(a, res.body) : 0, 1);
    expect(res.status).toBe(404);
  });

  it('keeps provinces apart after a rolled-back transaction on the same pooled connection', async () => {
    const [a, b, c] = provinces;
    // Duplicate code: the insert fails and the transaction rolls back (409) …
    const failures = Array.from({ length: 6 }, () =>
      h.on(a.host).post('/api/departments', tokens.get(a.slug)).send({ code: 'PND', name: 'duplicate' }),
    );
    // … while the other provinces keep reading through the same two connections.
    const reads = Array.from({ length: 30 }, (_, i) => {
      const p = i % 2 ? b : c;
      return h
        .on(p.host)
        .get('/api/departments', tokens.get(p.slug))
        .then((res) => ({ p, res }));
    });
    const [failed, read] = await Promise.all([Promise.all(failures), Promise.all(reads)]);
    const seen = read.reduce((n, { p, res }) => n + foreignRows(p, res.body), 0);
    recordCrossProvinceRows('reads beside rolled-back writes', seen, read.length);
    for (const res of failed) expect(res.status).toBe(409);
    for (const { p, res } of read) expect(res.body.map((d: Department) => d.name)).toEqual([`marker-${p.slug}`]);
    const listA = await h.on(a.host).get('/api/departments', tokens.get(a.slug)).expect(200);
    expect(listA.body.map((d: Department) => d.name)).toEqual([`marker-${a.slug}`]);
  });

  it('leaves no search_path behind on pooled connections after commits and rollbacks', async () => {
    const db = h.api.get(TenantDatabase);
    const registry = h.api.get(TenantRegistry);
    const tenant = (await registry.findBySlug(provinces[0].slug))!;
    await expect(
      db.runAs(tenant, () =>
        db.transaction(async (em) => {
          await em.query('SELECT count(*) FROM departments');
          throw new Error('roll me back');
        }),
      ),
    ).rejects.toThrow('roll me back');
    await db.runAs(tenant, () => db.transaction((em) => em.query('SELECT count(*) FROM departments')));
    // Every connection of the pool, borrowed outside any province, sees only the empty schema.
    const paths = await Promise.all(Array.from({ length: 4 }, () => h.dataSource.query('SHOW search_path')));
    for (const [row] of paths) expect(row.search_path).toBe('no_tenant');
  });

  it('keeps ORM writes inside the unit of work, so a failure undoes them', async () => {
    const db = h.api.get(TenantDatabase);
    const tenant = (await h.api.get(TenantRegistry).findBySlug(provinces[1].slug))!;
    await expect(
      db.runAs(tenant, () =>
        db.transaction(async (em) => {
          const repo = em.getRepository(Department);
          await repo.save(repo.create({ code: 'ROLLBK', name: 'must not survive' }));
          expect(await repo.countBy({ code: 'ROLLBK' })).toBe(1);
          throw new Error('undo');
        }),
      ),
    ).rejects.toThrow('undo');
    const left = await db.runAs(tenant, () =>
      db.transaction((em) => em.getRepository(Department).countBy({ code: 'ROLLBK' })),
    );
    expect(left).toBe(0);
  });

  it('fails loudly when tenant data is touched without a province', async () => {
    const db = h.api.get(TenantDatabase);
    const cls = h.api.get(ClsService);
    await expect(db.transaction(async () => 'never')).rejects.toThrow(NoTenantContextError);
    await expect(cls.run(() => db.transaction(async () => 'never'))).rejects.toThrow(NoTenantContextError);
    // An unqualified query on the shared pool finds no tenant table at all.
    await expect(h.dataSource.query('SELECT * FROM departments')).rejects.toThrow(
      /relation "departments" does not exist/,
    );
  });
});
