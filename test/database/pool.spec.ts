import { Harness, ProvisionedProvince } from '../support/harness';

const PROVINCES = 50;
const POOL_SIZE = 5;
const REQUESTS = 600;

/**
 * docs/ARCHITECTURE.md, "Units of work": connections stay bounded by the pool, whatever the number of
 * provinces.
 */
/** How long provisioning fifty provinces may take before the suite gives up. */
const PROVISIONING_HOOK_TIMEOUT_MS = 180_000;

describe('connection pool with many provinces', () => {
  let h: Harness;
  const provinces: ProvisionedProvince[] = [];
  const tokens: string[] = [];
  const appName = `daftar-pool-test-${process.pid}`;

  beforeAll(async () => {
    h = await Harness.start({
      freshDatabase: 'daftar_test_pool',
      env: { DB_POOL_SIZE: String(POOL_SIZE), PROVISIONING_CONCURRENCY: '1', DB_APPLICATION_NAME: appName },
    });
    for (let i = 0; i < PROVINCES; i++) {
      const p = await h.provisionDirect(`pool-${String(i).padStart(2, '0')}`);
      provinces.push(p);
      tokens.push(await h.login(p));
    }
    // Fifty provisionings (each installs the whole catalogue) take ~20 s alone and more beside
    // other suites on two cores; the hook may take that long, the test itself measures nothing.
  }, PROVISIONING_HOOK_TIMEOUT_MS);

  afterAll(() => h.close());

  it(
    `holds at most ${POOL_SIZE} Postgres connections while ` + `${PROVINCES} provinces are served concurrently`,
    async () => {
      const observed: number[] = [];
      let sampling = true;
      // Sampled from a separate connection, not the app's pool.
      const { Client } = await import('pg');
      const probe = new Client({ connectionString: h.config.database.url });
      await probe.connect();
      const sampler = (async () => {
        while (sampling) {
          const { rows } = await probe.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
            [appName],
          );
          observed.push(rows[0].n);
          await new Promise((r) => setTimeout(r, 10));
        }
      })();

      const responses = await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) => {
          const k = i % PROVINCES;
          return i % 3 === 0
            ? h
                .on(provinces[k].host)
                .post('/api/departments', tokens[k])
                .send({ code: `D${i}`, name: `dept ${i} of ${provinces[k].slug}` })
            : h.on(provinces[k].host).get('/api/departments', tokens[k]);
        }),
      );
      sampling = false;
      await sampler;
      await probe.end();

      expect(responses.filter((r) => r.status >= 400).map((r) => r.status)).toEqual([]);
      expect(observed.length).toBeGreaterThan(5);
      expect(Math.max(...observed)).toBeGreaterThan(0);
      expect(Math.max(...observed)).toBeLessThanOrEqual(POOL_SIZE);
      // And the writes landed in their own provinces only.
      const counts = await h.dataSource.query(
        `SELECT (SELECT count(*) FROM t_pool_00.departments)::int AS a, ` +
          `(SELECT count(*) FROM t_pool_49.departments)::int AS b`,
      );
      expect(counts[0]).toEqual({ a: REQUESTS / 3 / PROVINCES, b: REQUESTS / 3 / PROVINCES });
    },
  );
});
