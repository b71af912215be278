import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { ensureDatabase } from '../src/database/database-bootstrap';
import { schemaNameFor } from '../src/tenancy/slug';
import { tenantMigrations } from '../src/tenancy/tenant-migrations';
import { documentsBench } from './documents';
import { formsBench } from './forms';
import {
  BenchCase,
  casesTable,
  databaseUrl,
  dropDatabase,
  failedCase,
  logger,
  makeCase,
  median,
  ROOT,
  round,
  rssMiB,
  run,
  sleep,
  writeSummary,
} from './lib';

/*
 * `npm run bench`: every case runs its baseline in the same run, alternating, several rounds,
 * and reports medians. Servers run in child processes; load comes from this process
 * (autocannon), never from the server's own. Sizes can be cut for a smoke run with
 * BENCH_PROVINCES, BENCH_DURATION_S, BENCH_ROUNDS. BENCH_PARTS runs only some parts (a comma list of
 * forms, provision, tenancy, flat, roles, documents, fanout, jobs; the provinces are provisioned for any
 * of the last six); such a run writes bench/results/tmp/, never latest.* or history/. BENCH_DATABASE,
 * BENCH_API_PORT, BENCH_RAW_PORT and BENCH_NOCHECK_PORT let a second run share the machine; BENCH_REUSE_DB=1 keeps the
 * database and provinces of an earlier run of the same size.
 */
const DIST = path.resolve(__dirname, '..');
const PROVINCES = Number(process.env.BENCH_PROVINCES ?? 1000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** BENCH_REUSE_DB=1: keep the database and provinces an earlier run left (for working on one part). */
const REUSE = process.env.BENCH_REUSE_DB === '1';
/** Part of the codes of departments the write phases add, so a reused database has no clashes. */
const RUN_TAG = Date.now().toString(36).toUpperCase();
/** Untimed reads and writes over every province before the flat case measures (see there). */
const WARM_S = Number(process.env.BENCH_WARM_S ?? 3 * DURATION_S);
const ALL_PARTS = ['forms', 'provision', 'tenancy', 'flat', 'roles', 'documents', 'fanout', 'jobs'] as const;
type Part = (typeof ALL_PARTS)[number];
const PARTS = new Set((process.env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',').map((p) => p.trim()));
for (const p of PARTS) if (!ALL_PARTS.includes(p as Part)) throw new Error(`BENCH_PARTS: unknown part "${p}"`);
const SUBSET = ALL_PARTS.some((p) => !PARTS.has(p));
const part = (p: Part) => PARTS.has(p);
const CONNECTIONS = 16;
const POOL_SIZE = 10;
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3901);
const RAW_PORT = Number(process.env.BENCH_RAW_PORT ?? 3902);
/** The `roles` part's second API, the same server with USER_TOKEN_CHECK=false (its baseline). */
const NOCHECK_PORT = Number(process.env.BENCH_NOCHECK_PORT ?? 3903);
const BASE = 'bench.test';
const DATABASE = process.env.BENCH_DATABASE ?? 'daftar_bench';
const APP_NAME = DATABASE === 'daftar_bench' ? 'daftar-bench-api' : `${DATABASE}-api`;
const DB_URL = databaseUrl(DATABASE);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'development',
  DATABASE_URL: DB_URL,
  REDIS_PREFIX: `bench-${process.pid}`,
  BASE_DOMAIN: BASE,
  PORT: String(API_PORT),
  DB_POOL_SIZE: String(POOL_SIZE),
  DB_APPLICATION_NAME: APP_NAME,
  PROVISIONING_CONCURRENCY: '4',
  LOG_LEVEL: 'warn',
  // The load comes from one province at a time, far past a real province's share.
  RATE_LIMIT_PER_PROVINCE_PER_MINUTE: '1000000',
};
const config = loadConfig(env);
const log = logger('bench');
const cases: BenchCase[] = [];
const children: ChildProcess[] = [];
let db: Client;

function start(script: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const child = fork(path.join(DIST, script), [], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on('message', (m: { ready?: boolean }) => m.ready && resolve(child));
  });
}

/** JSON over node:http (fetch may not set Host, which is how provinces are addressed). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function http(method: string, host: string, url: string, token?: string, body?: unknown): Promise<any> {
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: API_PORT,
        method,
        path: url,
        headers: { host, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400)
            reject(new Error(`${method} ${url} on ${host}: ${res.statusCode} ${text}`));
          else resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Load {
  rps: number;
  p99: number;
  errors: number;
  /** CPU time (user + system) of the server process per request, in µs, when its pid was given. */
  cpuUs?: number;
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(
  url: string,
  options: Partial<autocannon.Options> = {},
  seconds = DURATION_S,
  serverPid?: number,
): Promise<Load> {
  const cpu0 = serverPid ? cpuMs(serverPid) : 0;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, ...options });
  const errors = result.errors + result.timeouts + result.non2xx;
  // The server's CPU per request is steadier than req/s on a shared machine (another process's
  // load takes from req/s, not from the work each request costs).
  const cpuUs = serverPid ? ((cpuMs(serverPid) - cpu0) * 1000) / Math.max(result.requests.total, 1) : undefined;
  return { rps: result.requests.average, p99: result.latency.p99, errors, cpuUs };
}

/** Max connections the API holds, sampled while `work` runs. */
async function sampleConnections<T>(work: Promise<T>): Promise<{ result: T; maxConnections: number }> {
  let max = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, [
        APP_NAME,
      ]);
      max = Math.max(max, rows[0].n);
      await sleep(100);
    }
  })();
  const result = await work;
  running = false;
  await sampler;
  return { result, maxConnections: max };
}

async function tenantDdl(schema: string): Promise<string> {
  const statements: string[] = [`CREATE SCHEMA "${schema}";`, `SET LOCAL search_path TO "${schema}";`];
  for (const m of tenantMigrations) await m.up({ schema, query: async (sql) => void statements.push(`${sql};`) });
  return statements.join('\n');
}

async function psqlFile(sql: string): Promise<number> {
  const file = path.join(os.tmpdir(), `daftar-bench-${process.pid}.sql`);
  writeFileSync(file, sql);
  const { ms } = await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-d', DB_URL, '-f', file], env);
  return ms;
}

async function main() {
  // Forms first: CPU only, in this process, while the machine is quiet.
  if (part('forms'))
    try {
      log('forms: validator vs Ajv, cold compile');
      cases.push(...formsBench(ROOT, ROUNDS, Math.min(DURATION_S, 3) * 1000));
    } catch (e) {
      cases.push(failedCase('forms', String(e)));
    }
  if (!['provision', 'tenancy', 'flat', 'roles', 'documents', 'fanout', 'jobs'].some((p) => part(p as Part))) return;

  log(`preparing database ${DATABASE} (${PROVINCES} provinces, ${ROUNDS} rounds of ${DURATION_S}s)`);
  if (!REUSE) {
    await dropDatabase(DATABASE);
    await ensureDatabase(config);
    await run(process.execPath, [path.join(DIST, 'src', 'cli.js'), 'migrate'], env);
  }
  db = new Client({ connectionString: DB_URL });
  await db.connect();

  const api = await start('bench/server.js');
  // Its own application_name, so the connection count below is the API's alone.
  await start('src/worker.js', { DB_APPLICATION_NAME: 'daftar-bench-worker' });
  const platform = `admin.${BASE}`;
  const operator = (await http('POST', platform, '/api/platform/auth/login', undefined, config.platformAdmin))
    .accessToken as string;

  // 3. Provisioning one province end to end, against the same DDL through psql.
  if (part('provision'))
    try {
      const e2e: number[] = [];
      const direct: number[] = [];
      const directWithData: number[] = [];
      for (let r = 0; r < Math.max(ROUNDS, 5); r++) {
        const slug = `one-${r}`;
        const t0 = performance.now();
        await http('POST', platform, '/api/platform/tenants', operator, {
          slug,
          name: `One ${r}`,
          adminEmail: `a@${slug}.pk`,
          adminPassword: 'Bench-Password-1',
        });
        for (;;) {
          const t = await http('GET', platform, `/api/platform/tenants/${slug}`, operator);
          if (t.status === 'active') break;
          if (t.status === 'failed') throw new Error(`provisioning ${slug} failed: ${t.statusReason}`);
          await sleep(5);
        }
        e2e.push(performance.now() - t0);
        direct.push(await psqlFile(await tenantDdl(`psql_one_${r}`)));
        // The same DDL plus the rows provisioning writes (admin, master data, form versions), as
        // pg_dump gives them for the province just provisioned.
        const { stdout: rows } = await run(
          'pg_dump',
          [
            '--data-only',
            '--no-owner',
            '--disable-triggers',
            '-n',
            schemaNameFor(slug),
            '-T',
            `${schemaNameFor(slug)}.schema_migrations`,
            '-d',
            DB_URL,
          ],
          env,
        );
        directWithData.push(
          await psqlFile(
            `${await tenantDdl(`psql_data_${r}`)}\n${rows.split(`${schemaNameFor(slug)}.`).join(`psql_data_${r}.`)}`,
          ),
        );
      }
      cases.push(
        makeCase(
          'provision one province (request → active) vs same DDL via psql',
          'ms',
          median(e2e),
          median(direct),
          'ratio ≤ 3',
          (r) => r <= 3,
          'provisioning also installs master data and 12 form versions ' +
            '(~1.2 MB of JSON text), which the DDL baseline does not',
        ),
      );
      cases.push(
        makeCase(
          'provision one province (request → active) vs same DDL + the same rows via psql',
          'ms',
          median(e2e),
          median(directWithData),
          'report',
        ),
      );
    } catch (e) {
      cases.push(failedCase('provision one province', String(e)));
    }

  // 3b. Provision PROVINCES provinces through the API and the worker.
  const slugs = Array.from({ length: PROVINCES }, (_, i) => `p-${String(i).padStart(4, '0')}`);
  const ready = REUSE
    ? (
        await db.query(`SELECT count(*)::int AS n FROM platform.tenants WHERE slug = ANY($1) AND status = 'active'`, [
          slugs,
        ])
      ).rows[0].n === PROVINCES
    : false;
  if (ready) log(`reusing the ${PROVINCES} provinces already in ${DATABASE}`);
  else
    try {
      const t0 = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < slugs.length) {
            const slug = slugs[next++];
            await http('POST', platform, '/api/platform/tenants', operator, {
              slug,
              name: `Province ${slug}`,
              adminEmail: `a@${slug}.pk`,
              adminPassword: 'Bench-Password-1',
            });
          }
        }),
      );
      for (;;) {
        const { rows } = await db.query(
          `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, count(*) ` +
            `FILTER (WHERE status = 'failed')::int AS failed FROM platform.tenants WHERE slug LIKE 'p-%'`,
        );
        if (rows[0].failed) throw new Error(`${rows[0].failed} provinces failed to provision`);
        if (rows[0].active === PROVINCES) break;
        await sleep(100);
      }
      const seconds = (performance.now() - t0) / 1000;
      cases.push(
        makeCase(
          `provision ${PROVINCES} provinces (worker concurrency ${env.PROVISIONING_CONCURRENCY})`,
          's',
          seconds,
          null,
          'report',
          undefined,
          `${round(PROVINCES / seconds)} provinces/s`,
        ),
      );
    } catch (e) {
      cases.push(failedCase(`provision ${PROVINCES} provinces`, String(e)));
      throw e;
    }

  // Fixtures: one department per province, a token per province, the fixed-schema baseline table.
  log('creating fixtures');
  const jwt = new JwtService({ secret: config.jwt.secret });
  const fixtures: Array<{ host: string; token: string; departmentId: string; schema: string }> = [];
  for (const slug of slugs) {
    const schema = schemaNameFor(slug);
    const [{ id: userId, email }] = (await db.query(`SELECT id, email FROM ${schema}.users LIMIT 1`)).rows;
    const [{ id: tenantId }] = (await db.query(`SELECT id FROM platform.tenants WHERE slug = $1`, [slug])).rows;
    // The marker department: an earlier run's when the database is reused.
    const [{ id: departmentId }] = (
      await db.query(
        `WITH found AS (SELECT id FROM ${schema}.departments WHERE name = $1),
              added AS (INSERT INTO ${schema}.departments (code, name) SELECT 'PND', $1
                        WHERE NOT EXISTS (SELECT FROM found) RETURNING id)
         SELECT id FROM found UNION ALL SELECT id FROM added`,
        [`marker-${slug}`],
      )
    ).rows;
    const token = await jwt.signAsync(
      { tid: tenantId, email, roles: ['tenant_admin', 'preparer'], typ: 'access' },
      { audience: 'tenant', subject: userId, issuer: config.jwt.issuer, expiresIn: 3600 },
    );
    fixtures.push({ host: `${slug}.${BASE}`, token, departmentId, schema });
  }
  const first = schemaNameFor(slugs[0]);
  await db.query(`DROP SCHEMA IF EXISTS bench_fixed CASCADE; CREATE SCHEMA bench_fixed;
                  CREATE TABLE bench_fixed.departments (LIKE ${first}.departments INCLUDING ALL);
                  INSERT INTO bench_fixed.departments SELECT * FROM ${first}.departments`);
  const raw = await start('bench/raw-server.js', { PORT: String(RAW_PORT) });

  // 1. Tenancy overhead.
  if (part('tenancy'))
    try {
      const f = fixtures[0];
      const headers = { host: f.host, authorization: `Bearer ${f.token}` };
      const targets = {
        tenant: () =>
          load(`http://127.0.0.1:${API_PORT}/api/departments/${f.departmentId}`, { headers }, DURATION_S, api.pid),
        baseline: () =>
          load(
            `http://127.0.0.1:${API_PORT}/api/bench/baseline/departments/${f.departmentId}`,
            { headers },
            DURATION_S,
            api.pid,
          ),
        raw: () => load(`http://127.0.0.1:${RAW_PORT}/departments/${f.departmentId}`, {}, DURATION_S, raw.pid),
      };
      for (const t of Object.values(targets)) await t(); // warm-up
      const results: Record<keyof typeof targets, Load[]> = { tenant: [], baseline: [], raw: [] };
      // The headline ratio: more rounds than the other cases, as this machine is noisy.
      for (let r = 0; r < Math.max(ROUNDS, 5); r++) {
        for (const [k, t] of Object.entries(targets) as Array<[keyof typeof targets, () => Promise<Load>]>)
          results[k].push(await t());
      }
      const errors = Object.values(results)
        .flat()
        .reduce((n, l) => n + l.errors, 0);
      const rps = (k: keyof typeof targets) => median(results[k].map((l) => l.rps));
      const p99 = (k: keyof typeof targets) => median(results[k].map((l) => l.p99));
      const cpu = (k: keyof typeof targets) => median(results[k].map((l) => l.cpuUs ?? NaN));
      const note = errors ? `${errors} errors during load` : undefined;
      cases.push(
        makeCase(
          'tenancy overhead: read by id, tenant path vs fixed-schema baseline',
          'req/s',
          rps('tenant'),
          rps('baseline'),
          'ratio ≥ 0.90',
          (r) => r >= 0.9 && !errors,
          note,
        ),
      );
      cases.push(
        makeCase(
          'tenancy overhead: p99 latency, tenant path vs baseline',
          'ms',
          p99('tenant'),
          p99('baseline'),
          'report',
        ),
      );
      cases.push(
        makeCase(
          'tenancy overhead: server CPU per request, tenant path vs baseline (the steadier figure on a shared machine)',
          'µs',
          cpu('tenant'),
          cpu('baseline'),
          'report',
          undefined,
          `raw ceiling: ${round(cpu('raw'))} µs`,
        ),
      );
      cases.push(
        makeCase(
          'ceiling: raw node:http + pg, same query (baseline = tenant path)',
          'req/s',
          rps('raw'),
          rps('tenant'),
          'report',
        ),
      );
    } catch (e) {
      cases.push(failedCase('tenancy overhead', String(e)));
    }

  // 2. Flat in province count: reads and writes spread over 2, 50 and all provinces.
  if (part('flat'))
    try {
      const levels = [...new Set([2, 50, PROVINCES].filter((l) => l <= PROVINCES))];
      let writeSeq = 0;
      const spread = (count: number, write: boolean, seconds = DURATION_S) => {
        let i = 0;
        return load(
          `http://127.0.0.1:${API_PORT}/`,
          {
            requests: [
              {
                setupRequest: (req: autocannon.Request) => {
                  const f = fixtures[i++ % count];
                  const headers = {
                    host: f.host,
                    authorization: `Bearer ${f.token}`,
                    'content-type': 'application/json',
                  };
                  return write
                    ? {
                        ...req,
                        method: 'POST',
                        path: '/api/departments',
                        headers,
                        body: JSON.stringify({ code: `W${RUN_TAG}-${writeSeq++}`, name: 'bench write' }),
                      }
                    : { ...req, method: 'GET', path: `/api/departments/${f.departmentId}`, headers };
                },
              },
            ],
          } as Partial<autocannon.Options>,
          seconds,
          api.pid,
        );
      };
      const memory = new Map<number, number>();
      const cold = new Map<number, Load>();
      await spread(2, false); // warm-up
      for (const level of levels) {
        cold.set(level, await spread(level, false));
        memory.set(level, rssMiB(api.pid!));
      }
      // Each pooled Postgres backend builds its catalog caches for a schema the first time it
      // touches it (+0.45 ms a read, +1 ms a write: bench/results/profile-2026-11-28.md), so a
      // first pass over 1,000 provinces measures cold caches and a 2-province pass warm ones. The
      // goal is the steady state: reads and writes over every province first, untimed.
      await spread(PROVINCES, false, WARM_S);
      await spread(PROVINCES, true, WARM_S);
      const reads = new Map<number, Load[]>(levels.map((l) => [l, []]));
      const writes = new Map<number, Load[]>(levels.map((l) => [l, []]));
      let maxConnections = 0;
      for (let r = 0; r < Math.max(2, ROUNDS - 1); r++) {
        for (const level of levels) {
          const read = await sampleConnections(spread(level, false));
          const write = await sampleConnections(spread(level, true));
          reads.get(level)!.push(read.result);
          writes.get(level)!.push(write.result);
          maxConnections = Math.max(maxConnections, read.maxConnections, write.maxConnections);
        }
      }
      const med = (m: Map<number, Load[]>, l: number, k: keyof Load) => median(m.get(l)!.map((x) => x[k] ?? NaN));
      const errors = [...reads.values(), ...writes.values()].flat().reduce((n, l) => n + l.errors, 0);
      for (const [label, m] of [
        ['read', reads],
        ['write', writes],
      ] as const) {
        cases.push(
          makeCase(
            `flat: ${label} req/s at ${PROVINCES} provinces vs 2`,
            'req/s',
            med(m, PROVINCES, 'rps'),
            med(m, 2, 'rps'),
            'ratio ≥ 0.90',
            (r) => r >= 0.9 && !errors,
            `${reads.has(50) ? `at 50: ${round(med(m, 50, 'rps'))} req/s` : ''}${errors ? `; ${errors} errors` : ''}`,
          ),
        );
        cases.push(
          makeCase(
            `flat: ${label} p99 at ${PROVINCES} provinces vs 2`,
            'ms',
            med(m, PROVINCES, 'p99'),
            med(m, 2, 'p99'),
            'report',
            undefined,
            reads.has(50) ? `at 50: ${med(m, 50, 'p99')} ms` : undefined,
          ),
        );
      }
      cases.push(
        makeCase(
          `flat: first read pass at ${PROVINCES} provinces (catalog caches cold) vs 2 (before the warm-up)`,
          'req/s',
          cold.get(PROVINCES)!.rps,
          cold.get(2)!.rps,
          'report',
        ),
      );
      for (const [label, m] of [
        ['read', reads],
        ['write', writes],
      ] as const) {
        cases.push(
          makeCase(
            `flat: server CPU per ${label} at ${PROVINCES} provinces vs 2`,
            'µs',
            med(m, PROVINCES, 'cpuUs'),
            med(m, 2, 'cpuUs'),
            'report',
          ),
        );
      }
      cases.push(
        makeCase(
          `flat: API resident memory after load over ${PROVINCES} provinces vs 2`,
          'MiB',
          memory.get(PROVINCES)!,
          memory.get(2)!,
          'ratio ≤ 1.2',
          (r) => r <= 1.2,
          memory.has(50) ? `at 50: ${round(memory.get(50)!)} MiB` : undefined,
        ),
      );
      cases.push(
        makeCase(
          'flat: Postgres connections held by the API (baseline = pool size)',
          'connections',
          maxConnections,
          POOL_SIZE,
          'value ≤ pool size',
          (_r, v) => v <= POOL_SIZE,
        ),
      );
    } catch (e) {
      cases.push(failedCase('flat in province count', String(e)));
    }
  raw.kill();

  // 7. Roles take effect at once (issue 16): the token-version check on every province request.
  if (part('roles'))
    try {
      cases.push(...(await rolesBench(fixtures[0], slugs[0], api.pid!)));
    } catch (e) {
      cases.push(failedCase('roles: token-version check', String(e)));
    }

  // 6. Documents (issue 6): drafts and lists on one province vs 50; lists at 100,000 documents.
  if (part('documents'))
    try {
      const payload = JSON.parse(
        readFileSync(path.join(ROOT, 'test', 'fixtures', 'forms', 'pc1-infrastructure.json'), 'utf8'),
      );
      cases.push(
        ...(await documentsBench({
          apiPort: API_PORT,
          connections: CONNECTIONS,
          durationS: DURATION_S,
          rounds: ROUNDS,
          db,
          fixtures,
          payload,
          http,
          log,
        })),
      );
    } catch (e) {
      cases.push(failedCase('documents', String(e)));
    }

  // 4. Migration fan-out: the runner against one psql script with the same DDL.
  if (part('fanout'))
    try {
      const { rows } = await db.query(`SELECT schema_name FROM platform.tenants WHERE status = 'active' ORDER BY slug`);
      const runnerMs: number[] = [];
      const psqlMs: number[] = [];
      const columns: string[] = [];
      for (let r = 0; r < 2; r++) {
        columns.push(`bench_r${r}`);
        const out = await run(process.execPath, [path.join(DIST, 'bench', 'fanout.js')], {
          ...env,
          LOG_LEVEL: 'silent',
          BENCH_COLUMNS: columns.join(','),
        });
        const result = JSON.parse(out.stdout);
        if (result.failed || result.applied !== rows.length) throw new Error(`fan-out: ${JSON.stringify(result)}`);
        runnerMs.push(result.ms);
        const script = rows
          .map(
            (t: { schema_name: string }) =>
              `BEGIN; SET LOCAL search_path TO "${t.schema_name}"; ` +
              `ALTER TABLE departments ADD COLUMN bench_p${r} text; COMMIT;`,
          )
          .join('\n');
        const file = path.join(os.tmpdir(), `daftar-fanout-${process.pid}.sql`);
        writeFileSync(file, script);
        psqlMs.push((await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', DB_URL, '-f', file], env)).ms);
      }
      cases.push(
        makeCase(
          `migration fan-out to ${rows.length} provinces: ` +
            `runner (concurrency ${config.migrationConcurrency}) vs one psql script`,
          'ms',
          median(runnerMs),
          median(psqlMs),
          'report',
        ),
      );
    } catch (e) {
      cases.push(failedCase('migration fan-out', String(e)));
    }

  // 5. Jobs: tenant-aware no-op vs bare BullMQ; fairness with a 10,000-job backlog.
  if (part('jobs'))
    try {
      const { rows } = await db.query(
        `SELECT id FROM platform.tenants WHERE slug IN ('p-0000', 'p-0001') ORDER BY slug`,
      );
      const out = await run(process.execPath, [path.join(DIST, 'bench', 'jobs.js')], {
        ...env,
        LOG_LEVEL: 'silent',
        BENCH_TENANTS: rows.map((r: { id: string }) => r.id).join(','),
        BENCH_ROUNDS: String(Math.max(ROUNDS, 5)),
      });
      const j = JSON.parse(out.stdout);
      cases.push(
        makeCase(
          `jobs: no-op tenant-aware job vs bare BullMQ worker (concurrency ${j.concurrency})`,
          'jobs/s',
          j.tenantRate,
          j.bareRate,
          'ratio ≥ 0.80',
          (r) => r >= 0.8,
        ),
      );
      cases.push(
        makeCase(
          `jobs fairness: province A jobs started before province B's one job (backlog 10,000; ` +
            `median of ${j.fairTrials.join(', ')}; baseline = plain FIFO)`,
          'jobs',
          j.fair,
          j.fifo,
          `value ≤ ${2 * j.concurrency}`,
          (_r, v) => v <= 2 * j.concurrency,
        ),
      );
    } catch (e) {
      cases.push(failedCase('jobs', String(e)));
    }
}

/**
 * The cost of the token-version check: the same read by id on two API processes, one with
 * USER_TOKEN_CHECK=false, loaded in alternating rounds (req/s and the server's CPU per request);
 * then the check alone in a process of its own, from the cache and with the cache off.
 */
async function rolesBench(
  f: { host: string; token: string; departmentId: string; schema: string },
  slug: string,
  apiPid: number,
) {
  const noCheck = await start('bench/server.js', {
    PORT: String(NOCHECK_PORT),
    USER_TOKEN_CHECK: 'false',
    DB_APPLICATION_NAME: `${APP_NAME}-nocheck`,
  });
  const headers = { host: f.host, authorization: `Bearer ${f.token}` };
  const read = `/api/departments/${f.departmentId}`;
  const targets = {
    check: () => load(`http://127.0.0.1:${API_PORT}${read}`, { headers }, DURATION_S, apiPid),
    noCheck: () => load(`http://127.0.0.1:${NOCHECK_PORT}${read}`, { headers }, DURATION_S, noCheck.pid),
  };
  const results: Record<keyof typeof targets, Load[]> = { check: [], noCheck: [] };
  try {
    for (const t of Object.values(targets)) await t(); // warm-up
    for (let r = 0; r < Math.max(ROUNDS, 5); r++) {
      // Alternating which goes first, so neither always follows the other's garbage collection.
      const order = (r % 2 ? ['noCheck', 'check'] : ['check', 'noCheck']) as Array<keyof typeof targets>;
      for (const k of order) results[k].push(await targets[k]());
    }
  } finally {
    noCheck.kill();
  }
  const errors = [...results.check, ...results.noCheck].reduce((n, l) => n + l.errors, 0);
  const rps = (k: keyof typeof targets) => median(results[k].map((l) => l.rps));
  const cpu = (k: keyof typeof targets) => median(results[k].map((l) => l.cpuUs ?? NaN));
  // Each round's two loads ran back to back: their ratio and difference are steadier than the medians'.
  const pairedRatio = median(results.check.map((l, i) => l.rps / results.noCheck[i].rps));
  const pairedCpu = median(results.check.map((l, i) => (l.cpuUs ?? NaN) - (results.noCheck[i].cpuUs ?? NaN)));
  const [{ id: userId }] = (await db.query(`SELECT id FROM ${f.schema}.users LIMIT 1`)).rows;
  const micro = async (ttlMs?: string) => {
    const out = await run(process.execPath, [path.join(DIST, 'bench', 'token-check.js')], {
      ...env,
      LOG_LEVEL: 'silent',
      DB_APPLICATION_NAME: `${APP_NAME}-check`,
      BENCH_SLUG: slug,
      BENCH_USER_ID: userId,
      ...(ttlMs ? { USER_TOKEN_CACHE_TTL_MS: ttlMs, BENCH_CHECKS: '5000' } : {}),
    });
    return JSON.parse(out.stdout) as { checks: number; cpuUsPerCheck: number; wallUsPerCheck: number };
  };
  const hit = await micro();
  const miss = await micro('0');
  return [
    makeCase(
      'roles: read by id with the token-version check vs the same server with USER_TOKEN_CHECK=false',
      'req/s',
      rps('check'),
      rps('noCheck'),
      'report',
      undefined,
      `median of the rounds' paired ratios ${round(pairedRatio, 3)}` + (errors ? `; ${errors} errors during load` : ''),
    ),
    makeCase(
      'roles: server CPU per request, with the check vs without',
      'µs',
      cpu('check'),
      cpu('noCheck'),
      'report',
      undefined,
      `median of the rounds' paired differences ${round(pairedCpu)} µs`,
    ),
    makeCase(
      'roles: one check answered from the cache (CPU), vs one read from the database (cache off)',
      'µs',
      hit.cpuUsPerCheck,
      miss.cpuUsPerCheck,
      'report',
      undefined,
      `${hit.checks} hits, ${miss.checks} misses; ` +
        `wall ${round(hit.wallUsPerCheck)} vs ${round(miss.wallUsPerCheck)} µs`,
    ),
  ];
}

function report() {
  if (!SUBSET) return writeSummary('', 'Benchmark results', cases);
  // A partial run is for working on one part: kept apart from the results the issue notes cite.
  const dir = path.join(ROOT, 'bench', 'results', 'tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `partial-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ parts: [...PARTS], provinces: PROVINCES, cases }, null, 2)}\n`);
  process.stdout.write(`${casesTable(cases)}\n\nwritten to ${path.relative(ROOT, file)}\n`);
}

// Never leave servers behind, whatever way this process ends.
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

main()
  .catch((e) => {
    log(`aborted: ${e?.stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    report();
    for (const c of children) c.kill('SIGTERM');
    await db?.end().catch(() => undefined);
    setTimeout(() => process.exit(), 2000).unref();
  });
