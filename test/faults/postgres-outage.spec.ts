import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness, ProvisionedProvince } from '../support/harness';
import { TEST_DATABASE_URL } from '../support/test-env';
import { TcpProxy } from '../support/tcp-proxy';
import { LONG, OUTAGE_MS, sleep, Tally, token } from './support';

type Province = ProvisionedProvince & { adminToken: string };

/**
 * Scenario (b): under a write and read load from two provinces, every Postgres connection is reset
 * (RST) and the server "restarts": connections are refused for a while, then accepted again. The
 * machine's real Postgres is never stopped; the proxy plays the restart. Failures must be 503 with
 * Retry-After only, the pool must recover by itself, and afterwards each province's rows must be
 * whole (every department with its audit entry, none without), its own, and every acknowledged
 * write present.
 */
describe('faults: Postgres connections reset and the server restarted under load', () => {
  let h: Harness;
  let pg: TcpProxy;
  let kp: Province;
  let gb: Province;

  beforeAll(async () => {
    pg = await TcpProxy.forUrl(TEST_DATABASE_URL);
    h = await Harness.start({ env: { DATABASE_URL: pg.rewrite(TEST_DATABASE_URL), DB_POOL_SIZE: '6' } });
    kp = await h.provinceWithAdmin('fault-pg-a');
    gb = await h.provinceWithAdmin('fault-pg-b');
  }, 120_000);

  afterAll(async () => {
    pg?.resume();
    await h?.close();
    await pg?.close();
  });

  it(`answers 503 with Retry-After while down, recovers, and leaves no partial or foreign row`, async () => {
    const tally = new Tally();
    const acknowledged = new Map<string, string[]>([
      [kp.slug, []],
      [gb.slug, []],
    ]);
    const load = async (p: Province, until: number) => {
      while (Date.now() < until) {
        tally.note('read departments', await h.on(p.host).get('/api/departments', p.adminToken));
        // The code names its province, so a row in the wrong schema would show.
        const code = `${p.slug.slice(-6).toUpperCase()}-${token().toUpperCase()}`;
        const res = tally.note(
          'create department',
          await h
            .on(p.host)
            .post('/api/departments', p.adminToken)
            .send({ code, name: `Dept ${code}` }),
        );
        if (res.status === 201) acknowledged.get(p.slug)!.push(code);
      }
    };
    const end = Date.now() + OUTAGE_MS + 3000;
    const loads = Promise.all([load(kp, end), load(gb, end), load(kp, end), load(gb, end)]);
    // Load before, then: every connection reset and the server down for a while, back, and a
    // second reset on the recovered pool (a restart, then a crash of the connections alone).
    await sleep(1000);
    pg.refuse();
    await sleep(OUTAGE_MS / 2);
    pg.resume();
    await sleep(OUTAGE_MS / 4);
    pg.reset();
    await sleep(OUTAGE_MS / 4);
    await loads;
    process.stdout.write(`[faults:b] ${tally.summary()}; connections through the proxy: ${pg.accepted}\n`);

    expect(tally.problems).toEqual([]);
    for (const kind of ['read departments', 'create department'])
      expect(Object.keys(tally.statuses(kind)).every((s) => ['200', '201', '503'].includes(s))).toBe(true);
    // The outage was seen, and so was the recovery.
    expect(tally.count('create department', 503)).toBeGreaterThan(0);
    expect(tally.count('create department', 201)).toBeGreaterThan(LONG ? 20 : 4);

    // The pool recovered by itself: the next requests all succeed.
    for (const p of [kp, gb]) await h.on(p.host).get('/api/departments', p.adminToken).expect(200);

    for (const p of [kp, gb]) {
      const schema = schemaNameFor(p.slug);
      const prefix = `${p.slug.slice(-6).toUpperCase()}-`;
      const other = p === kp ? gb : kp;
      const departments: Array<{ id: string; code: string }> = await h.dataSource.query(
        `SELECT id, code FROM ${schema}.departments WHERE code LIKE '%-%'`,
      );
      const codes = new Set(departments.map((d) => d.code));
      // Every acknowledged write is there.
      expect(acknowledged.get(p.slug)!.filter((c) => !codes.has(c))).toEqual([]);
      // No row of the other province.
      expect(departments.filter((d) => !d.code.startsWith(prefix))).toEqual([]);
      expect(departments.some((d) => d.code.startsWith(`${other.slug.slice(-6).toUpperCase()}-`))).toBe(false);
      // All or nothing: each department has exactly one 'created' audit entry, and no entry lacks its department.
      const [{ orphans, missing, doubled }] = await h.dataSource.query(
        `SELECT
           (SELECT count(*)::int FROM ${schema}.audit_log a WHERE a.action = 'department.created'
              AND NOT EXISTS (SELECT 1 FROM ${schema}.departments d WHERE d.id::text = a.target_id)) AS orphans,
           (SELECT count(*)::int FROM ${schema}.departments d WHERE d.code LIKE '%-%'
              AND NOT EXISTS (SELECT 1 FROM ${schema}.audit_log a
                              WHERE a.action = 'department.created' AND a.target_id = d.id::text)) AS missing,
           (SELECT count(*)::int FROM (SELECT target_id FROM ${schema}.audit_log WHERE action = 'department.created'
              GROUP BY target_id HAVING count(*) > 1) x) AS doubled`,
      );
      expect({ province: p.slug, orphans, missing, doubled }).toEqual({
        province: p.slug,
        orphans: 0,
        missing: 0,
        doubled: 0,
      });
      process.stdout.write(
        `[faults:b] ${p.slug}: ${departments.length} departments (${acknowledged.get(p.slug)!.length} acknowledged), ` +
          `each with one audit entry, none foreign\n`,
      );
    }
  });
});
