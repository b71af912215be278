import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ProjectsRepository } from '../src/projects/projects.repository';
import { TabularWriter } from '../src/exports/tabular-writer';
import {
  BenchCase,
  databaseUrl,
  dropDatabase,
  logger,
  makeCase,
  peakRssMiB,
  recreateDatabase,
  round,
  runMain,
  writeResults,
} from './lib';

/*
 * `node dist-bench/bench/exports.js`: the project-list export of 100,000 projects, each way in
 * a process of its own so its peak resident memory (VmHWM) is its own:
 * - stream: the production path (ProjectsRepository.scan's cursor in batches → TabularWriter's
 *   streaming XLSX), written to a sink that takes bytes as fast as they come;
 * - baseline: the naive export, every row read at once and written with exceljs's in-memory
 *   Workbook (writeBuffer), the same columns;
 * - csv: the same streaming path as CSV, for scale.
 * Seconds and peak RSS, ratio = stream / baseline (lower is better for both).
 */
const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const SCHEMA = 'bench_exports';
const DATABASE = process.env.BENCH_EXPORT_DATABASE ?? 'daftar_bench_exports';
const BATCH = 1000;
const log = logger('bench:exports');

/** The columns of the province tables that the list reads (migrations 0006 and 0008), filled with generate_series. */
async function prepare(): Promise<void> {
  await recreateDatabase(DATABASE);
  const db = new Client({ connectionString: databaseUrl(DATABASE) });
  await db.connect();
  await db.query(
    `CREATE SCHEMA ${SCHEMA}; SET search_path TO ${SCHEMA};
    CREATE TABLE documents (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), form_key text NOT NULL);
    CREATE TABLE projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL, status text NOT NULL DEFAULT ` +
      `'preparation', stage text,
      current_state text, current_document_id uuid, current_cost numeric(18,3), approved_cost numeric(18,3), ` +
      `current_forum text,
      approved_forum text, sector text, districts text[] NOT NULL DEFAULT '{}', department_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX ON projects (updated_at, id);`,
  );
  await db.query(
    `INSERT INTO projects (title, current_cost, approved_cost, sector, districts, stage, current_state, updated_at)
     SELECT 'Project ' || g || ' road and bridge rehabilitation, phase ' || (g % 7), (g % 5000) + 0.125, ` +
      `CASE WHEN g % 3 = 0 THEN (g % 4000) + 0.5 END,
            'sector-' || (g % 12), ARRAY['district-' || (g % 25)], 'pc1', 'draft', now() - g * interval '1 minute'
       FROM generate_series(1, $1::int) g`,
    [ROWS],
  );
  await db.end();
}

const COLUMNS = [
  'Title',
  'Stage',
  'State',
  'Status',
  'Current cost',
  'Approved cost',
  'Sector',
  'Districts',
  'Updated',
  'ID',
];
type Row = Awaited<ReturnType<ProjectsRepository['summary']>> & object;
const cells = (p: Row) => [
  p.title,
  p.stage,
  p.state,
  p.status,
  p.totalCost,
  p.approvedCost,
  p.sector,
  p.districts.join(', '),
  p.updatedAt.toISOString().slice(0, 10),
  p.id,
];

/** A client that reads as fast as the server writes; counts bytes. */
class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.bytes += chunk.length;
    done();
  }
}

/** One way of exporting, in this (child) process: prints {seconds, bytes, peakRssMiB}. */
async function child(mode: 'stream' | 'csv' | 'baseline'): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url: databaseUrl(DATABASE) });
  await ds.initialize();
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.query(`START TRANSACTION; SET LOCAL search_path TO ${SCHEMA}`);
  const filter = { sort: '-updatedAt' as const };
  const t0 = performance.now();
  let bytes: number;
  if (mode === 'baseline') {
    const repository = new ProjectsRepository();
    // Every row at once: one page as large as the list (the same SQL as the list's page).
    const { rows } = await repository.list(runner.manager, { ...filter, page: 1, pageSize: ROWS, countCap: 0 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Projects');
    sheet.addRow(COLUMNS);
    for (const p of rows) sheet.addRow(cells(p).map((v, i) => ((i === 4 || i === 5) && v !== null ? Number(v) : v)));
    bytes = (await workbook.xlsx.writeBuffer()).byteLength;
  } else {
    const sink = new CountingSink();
    const table = new TabularWriter().open(mode === 'csv' ? 'csv' : 'xlsx', sink, { rightToLeft: false });
    table.sheet({
      name: 'Projects',
      columns: COLUMNS.map((header, i) => ({ header, kind: i === 4 || i === 5 ? 'number' : 'text' })),
    });
    for await (const batch of new ProjectsRepository().scan(runner.manager, filter, ROWS, BATCH))
      await table.rows(batch.map(cells));
    await table.end();
    bytes = sink.bytes;
  }
  const seconds = (performance.now() - t0) / 1000;
  await runner.query('COMMIT');
  await runner.release();
  await ds.destroy();
  process.stdout.write(JSON.stringify({ seconds, bytes, peakRssMiB: peakRssMiB() }));
}

function runChild(mode: string): Promise<{ seconds: number; bytes: number; peakRssMiB: number }> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [__filename, mode],
      { env: process.env, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${mode}: ${stderr || err.message}`)) : resolve(JSON.parse(stdout)),
    ),
  );
}

async function main(): Promise<void> {
  log(`filling ${ROWS} projects in ${DATABASE}`);
  await prepare();
  const figures: Record<string, { seconds: number; bytes: number; peakRssMiB: number }> = {};
  // Each once, in a process of its own (a second run in the same process would inherit the first's peak).
  for (const mode of ['baseline', 'stream', 'csv']) {
    log(`${mode} …`);
    figures[mode] = await runChild(mode);
  }
  await dropDatabase(DATABASE);
  const { stream, baseline, csv } = figures;
  const cases: BenchCase[] = [
    makeCase(
      `XLSX of ${ROWS} projects: seconds`,
      's',
      stream.seconds,
      baseline.seconds,
      'report (streamed vs in-memory workbook)',
      undefined,
      `file ${round(stream.bytes / 2 ** 20, 1)} MiB`,
    ),
    makeCase(
      `XLSX of ${ROWS} projects: peak RSS`,
      'MiB',
      stream.peakRssMiB,
      baseline.peakRssMiB,
      'bounded: well below the in-memory workbook',
      (ratio) => ratio < 0.5,
    ),
    makeCase(
      `CSV of ${ROWS} projects: seconds`,
      's',
      csv.seconds,
      stream.seconds,
      'report (vs streamed XLSX)',
      undefined,
      `peak RSS ${round(csv.peakRssMiB)} MiB, file ${round(csv.bytes / 2 ** 20, 1)} MiB`,
    ),
  ];
  writeResults('exports', {
    title: 'Export benchmark',
    method:
      "Baseline: the same rows read at once and written by exceljs's in-memory Workbook; " +
      'each case in its own process (peak RSS = VmHWM).',
    figures: { rows: ROWS, figures },
    cases,
  });
}

const mode = process.argv[2];
runMain(mode ? child(mode as 'stream' | 'csv' | 'baseline') : main());
