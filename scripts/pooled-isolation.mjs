#!/usr/bin/env node
// The isolation suite a second time, with the app connected through PgBouncer in transaction mode
// (docs/ARCHITECTURE.md, "Tenancy"): creating and dropping databases goes to Postgres directly, every
// connection of the API and worker under test goes through PgBouncer (test/support/test-env.ts).
// The specs count the rows of one province they saw while asking as another
// (test/support/cross-province.ts); this prints the total and fails unless it is 0.
// Skipped with the reason only where PgBouncer is missing and cannot be installed (scripts/pgbouncer.mjs).
// `npm test` runs it after Jest; extra arguments go to Jest.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensurePgBouncer, PgBouncerUnavailable } from './pgbouncer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Each reports its cross-province rows (test/support/cross-province.ts) …
const COUNTED = [
  'test/tenancy/isolation.spec.ts',
  'test/tenancy/pooled-isolation.spec.ts',
  'test/projects/routing-and-isolation.spec.ts',
];
// … and these pass or fail on their own: the unit of work (nested, one-statement reads, another
// province inside one) and jobs of several provinces on one worker.
const ALSO = ['test/tenancy/unit-of-work.spec.ts', 'test/jobs/tenant-jobs.spec.ts'];
const SPECS = [...COUNTED, ...ALSO];
const log = (msg) => process.stderr.write(`[pooled-isolation] ${msg}\n`);
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/daftar';

let poolerUrl;
try {
  poolerUrl = await ensurePgBouncer(DATABASE_URL);
} catch (error) {
  if (!(error instanceof PgBouncerUnavailable)) {
    log(`ERROR: ${error.message}`);
    process.exit(1);
  }
  log(`SKIPPED: the isolation suite through PgBouncer did not run. ${error.message}`);
  process.exit(0);
}

/** PgBouncer's count of transactions served so far, from its admin console: proof the run went through it. */
async function transactionsServed() {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(poolerUrl), { pathname: '/pgbouncer' }).href });
  await admin.connect();
  try {
    const { rows } = await admin.query('SHOW STATS');
    return rows.filter((r) => r.database !== 'pgbouncer').reduce((n, r) => n + Number(r.total_xact_count), 0);
  } finally {
    await admin.end();
  }
}

// Its own databases, so it never drops the ones of the Jest run before it (or of another run).
const testDatabase = `${process.env.TEST_DATABASE_NAME || 'daftar_test'}_pgbouncer`.slice(0, 40);
const report = path.join(root, '.data', 'pgbouncer', `isolation-${process.pid}.jsonl`);
rmSync(report, { force: true });
log(`running ${SPECS.length} specs with the app connected through ${new URL(poolerUrl).host}`);
const before = await transactionsServed();
const started = Date.now();
const code = await new Promise((resolve) => {
  const jest = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runTestsByPath', ...SPECS, ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        TEST_POOLER_URL: poolerUrl,
        TEST_DATABASE_NAME: testDatabase,
        TEST_ISOLATION_REPORT: report,
      },
    },
  );
  jest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});

const after = await transactionsServed();
const checks = existsSync(report)
  ? readFileSync(report, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(report, { force: true });
const crossRows = checks.reduce((n, c) => n + c.crossProvinceRows, 0);
const answers = checks.reduce((n, c) => n + c.answers, 0);
for (const c of checks)
  log(`  ${c.spec}: ${c.check}: ${c.crossProvinceRows} cross-province rows in ${c.answers} answers`);
const silent = COUNTED.map((s) => path.basename(s)).filter((s) => !checks.some((c) => c.spec === s));

const xacts = after - before;
log(`PgBouncer served ${xacts} transactions of this run${xacts > 0 ? '' : ': the app did not go through it'}`);

log(
  `through PgBouncer (transaction mode): ${checks.length} checks, ${answers} answers, ` +
    `${crossRows} cross-province rows, Jest exit ${code}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (silent.length) log(`FAILED: no isolation check reported from ${silent.join(', ')}`);
if (crossRows > 0) log(`FAILED: ${crossRows} cross-province rows (must be 0)`);
if (xacts <= 0) log('FAILED: PgBouncer served no transactions');
process.exit(code !== 0 || crossRows > 0 || silent.length || xacts <= 0 ? 1 : 0);
