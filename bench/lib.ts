import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/** The checkout (this file runs from dist-bench/bench/). */
export const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

/** A bench's progress lines, on stderr so stdout carries only its result. */
export const logger = (name: string) => (m: string) => process.stderr.write(`[${name}] ${m}\n`);

/** One row of bench/results/latest.json. `ratio` is value / baseline. */
export interface BenchCase {
  name: string;
  metric: string;
  value: number | null;
  baseline: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function makeCase(
  name: string,
  metric: string,
  value: number,
  baseline: number | null,
  goal: string,
  check?: (ratio: number, value: number) => boolean,
  note?: string,
): BenchCase {
  const ratio = baseline ? value / baseline : null;
  return {
    name,
    metric,
    value: round(value),
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio, 3),
    goal,
    met: check ? check(ratio ?? NaN, value) : null,
    ...(note ? { note } : {}),
  };
}

export function failedCase(name: string, reason: string): BenchCase {
  return {
    name,
    metric: 'could not run',
    value: null,
    baseline: null,
    ratio: null,
    goal: '-',
    met: false,
    note: reason,
  };
}

/** The 95th percentile, nearest rank: the smallest value at or above 95 % of them. */
export const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** A memory figure of a process from /proc (Linux), in MiB. */
function procStatusMiB(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
  return kb / 1024;
}

/** Resident memory of a process now. */
export const rssMiB = (pid: number): number => procStatusMiB(pid, 'VmRSS');

/** The highest resident memory this process has had (VmHWM). */
export const peakRssMiB = (): number => procStatusMiB('self', 'VmHWM');

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${stderr || err.message}`));
      else resolve({ stdout, ms: performance.now() - t0 });
    }),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** DATABASE_URL (or the local default) pointing at another database of the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/daftar');
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(sql: string[]): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  for (const statement of sql) await admin.query(statement);
  await admin.end();
}

export const dropDatabase = (name: string): Promise<void> =>
  onServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);

/** A bench's own database, empty: whatever an earlier run left is dropped. */
export const recreateDatabase = (name: string): Promise<void> =>
  onServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]);

/** CPUs and Node version (and the load average, where the bench shares a busy machine). */
export function machine(options: { load?: boolean } = {}): string {
  const load = options.load
    ? `, load ${os
        .loadavg()
        .map((l) => round(l))
        .join(' ')}`
    : '';
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}${load}`;
}

/** One bench's cases as a Markdown table, one column each. */
export function casesTable(cases: BenchCase[]): string {
  return [
    '| case | value | baseline | ratio | goal | met | note |',
    '|---|---|---|---|---|---|---|',
    ...cases.map(
      (c) =>
        `| ${c.name} | ${c.value} ${c.metric} | ${c.baseline ?? '-'} | ` +
        `${c.ratio ?? '-'} | ${c.goal} | ${c.met ?? '-'} | ${c.note ?? ''} |`,
    ),
  ].join('\n');
}

/**
 * bench/results/<name>-latest.json (date, machine, `figures`, cases) and -latest.md (`title`,
 * date and machine, `method`, the table), and the table on stdout.
 */
export function writeResults(
  name: string,
  {
    title,
    method,
    cases,
    figures,
    load,
  }: { title: string; method: string; cases: BenchCase[]; figures: Record<string, unknown>; load?: boolean },
): void {
  const date = new Date().toISOString();
  const on = machine({ load });
  const table = casesTable(cases);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    path.join(RESULTS_DIR, `${name}-latest.json`),
    JSON.stringify({ date, machine: on, ...figures, cases }, null, 2) + '\n',
  );
  writeFileSync(
    path.join(RESULTS_DIR, `${name}-latest.md`),
    `# ${title}\n\n${date} on ${on}\n\n${method}\n\n${table}\n`,
  );
  process.stdout.write(`\n${table}\n\nwritten to bench/results/${name}-latest.json and ${name}-latest.md\n`);
}

/**
 * The whole run's summary (bench/run.ts, bench/web.ts alone): latest.json and .md under
 * `prefix`, and a copy of the JSON in history/ so runs can be compared.
 */
export function writeSummary(prefix: string, title: string, cases: BenchCase[]): void {
  const table = [
    '| case | metric | value | baseline | ratio | goal | met |',
    '|---|---|---|---|---|---|---|',
    ...cases.map(
      (c) =>
        `| ${c.name}${c.note ? ` (${c.note})` : ''} | ${c.metric} | ${c.value ?? '-'} | ${c.baseline ?? '-'} ` +
        `| ${c.ratio ?? '-'} | ${c.goal} | ${c.met === null ? '-' : c.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  const on =
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
    `${round(os.totalmem() / 2 ** 30, 1)} GiB, node ${process.version}`;
  const date = new Date().toISOString();
  mkdirSync(path.join(RESULTS_DIR, 'history'), { recursive: true });
  const json = `${JSON.stringify({ machine: on, date, cases }, null, 2)}\n`;
  writeFileSync(path.join(RESULTS_DIR, `${prefix}latest.json`), json);
  writeFileSync(path.join(RESULTS_DIR, 'history', `${prefix}${date.slice(0, 16).replace(':', '-')}Z.json`), json);
  writeFileSync(path.join(RESULTS_DIR, `${prefix}latest.md`), `# ${title}\n\n${date} on ${on}\n\n${table}\n`);
  process.stdout.write(`\n${table}\n\nwritten to bench/results/${prefix}latest.json and ${prefix}latest.md\n`);
}

/** A bench's entry point: its error's stack on stderr and exit code 1. */
export function runMain(work: Promise<unknown>): void {
  work.catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
