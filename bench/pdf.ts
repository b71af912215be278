import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { chromium } from 'playwright-core';
import stringify from 'safe-stable-stringify';
import { DataSource } from 'typeorm';
import { CompiledForm } from '../src/forms/compile';
import { PDF_QUEUE } from '../src/jobs/queues';
import { TenantJobQueue } from '../src/jobs/tenant-jobs';
import { CHROMIUM_ARGS, locateChromium } from '../src/printing/chromium-locator';
import { PRINT_PAGE } from '../src/printing/chromium.service';
import { printPage } from '../src/printing/print-template';
import { documentKey, PdfJob } from '../src/printing/render-key';
import { WorkerModule } from '../src/worker.module';
import { BenchCase, logger, makeCase, median, p95, ROOT, round, runMain, sleep, writeResults } from './lib';
import { startWithProvince } from './province';

/*
 * `node dist-bench/bench/pdf.js`: the official PDF of a full PC-I (the example project, about
 * ten pages) rendered through the product's path — a province job on the PDF queue, the worker
 * reading the document and its form version, printing with its one Chromium, storing the file
 * and recording it — against the same HTML printed by a bare playwright-core loop (one browser,
 * a fresh context per PDF, the same number at once), in the same run, rounds alternating.
 * Figures: pages per second (goal: ratio ≥ 0.8) and the p95 of one render.
 */
const RENDERS = Number(process.env.BENCH_PDF_RENDERS ?? 8);
const ROUNDS = Number(process.env.BENCH_PDF_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_PDF_CONCURRENCY ?? 2);
const DATABASE = process.env.BENCH_PDF_DATABASE ?? 'daftar_bench_pdf';
const GOAL = 0.8;
const POLL_MS = 50;
const log = logger('bench:pdf');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const countPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

interface Round {
  pagesPerSecond: number;
  latencies: number[];
}

async function main(): Promise<void> {
  log(`database ${DATABASE}, ${RENDERS} PC-I PDFs × ${ROUNDS} rounds, ${CONCURRENCY} at once`);
  const { cli, config, tenantId } = await startWithProvince({
    database: DATABASE,
    redisPrefix: `bench-pdf-${process.pid}`,
    env: {
      STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'daftar-bench-pdf-')),
      PDF_CONCURRENCY: String(CONCURRENCY),
    },
    province: { slug: 'kp', name: 'Khyber Pakhtunkhwa', adminEmail: 'admin@kp.gov.pk' },
  });
  const ds = cli.get(DataSource);

  // One project, RENDERS × ROUNDS copies (and one to warm up with) of the example PC-I (each a distinct file to
  // render).
  const data = JSON.parse(
    readFileSync(path.join(ROOT, 'test', 'fixtures', 'forms', 'pc1-infrastructure.json'), 'utf8'),
  );
  const title = data.name.title as string;
  const [user] = await ds.query(`SELECT id FROM t_kp.users LIMIT 1`);
  const [version] = await ds.query(
    `SELECT id, number, content_hash, compiled FROM t_kp.form_versions ` +
      `WHERE form_key = 'pc1-infrastructure' ORDER BY number DESC LIMIT 1`,
  );
  const [project] = await ds.query(`INSERT INTO t_kp.projects (title, created_by) VALUES ($1, $2) RETURNING id`, [
    title,
    user.id,
  ]);
  const documents: { id: string }[] = await ds.query(
    `INSERT INTO t_kp.documents (project_id, form_key, form_version_id, ` +
      `edition, kind, title, state, revision, data, created_by)
     SELECT $1, 'pc1-infrastructure', $2, '2024', 'pc1', $3, 'draft', ` +
      `1, $4, $5 FROM generate_series(1, $6::int) RETURNING id`,
    [project.id, version.id, title, JSON.stringify(data), user.id, RENDERS * ROUNDS + 1],
  );
  const compiled = version.compiled as CompiledForm;
  const [stored] = await ds.query(`SELECT data FROM t_kp.documents WHERE id = $1`, [documents[0].id]);
  // The HTML the worker prints for these documents (same input as PdfRenderService builds).
  const page = printPage({
    locale: 'en',
    provinceName: 'Khyber Pakhtunkhwa',
    projectTitle: title,
    form: {
      number: version.number,
      contentHash: version.content_hash,
      title: compiled.title,
      definition: compiled.definition,
    },
    data: stored.data,
    revision: 1,
    contentHash: sha256(stringify(stored.data) as string),
    watermark: true,
  });

  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  const queue = cli.get<Queue<PdfJob>>(getQueueToken(PDF_QUEUE));
  const jobs = cli.get(TenantJobQueue);

  const viaQueue = async (batch: { id: string }[]): Promise<Round> => {
    const t0 = performance.now();
    const added = await Promise.all(
      batch.map((d) => {
        const key = documentKey(d.id, 1, 'en', true);
        return jobs.add(
          queue,
          'render',
          { tenantId, key, locale: 'en', kind: 'document', documentId: d.id, revision: 1, watermark: true },
          { removeOnComplete: false },
        );
      }),
    );
    const ids = batch.map((d) => d.id);
    for (;;) {
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM t_kp.rendered_documents WHERE document_id = ANY($1)`,
        [ids],
      );
      if (n === batch.length) break;
      const failed = await queue.getFailedCount();
      if (failed) throw new Error(`${failed} render job(s) failed: ${(await queue.getFailed())[0]?.failedReason}`);
      await sleep(POLL_MS);
    }
    const seconds = (performance.now() - t0) / 1000;
    const [{ pages }] = await ds.query(
      `SELECT sum(pages)::int AS pages FROM t_kp.rendered_documents WHERE document_id = ANY($1)`,
      [ids],
    );
    const finished = await Promise.all(added.map((j) => queue.getJob(j.id!)));
    return { pagesPerSecond: pages / seconds, latencies: finished.map((j) => j!.finishedOn! - j!.processedOn!) };
  };

  const browser = await chromium.launch({
    executablePath: locateChromium(config.pdf.chromiumPath),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const bare = async (count: number): Promise<Round> => {
    const t0 = performance.now();
    const latencies: number[] = [];
    let pages = 0;
    let next = 0;
    const lane = async () => {
      while (next < count) {
        next++;
        const s = performance.now();
        const context = await browser.newContext({ offline: true, locale: 'en-GB' });
        const p = await context.newPage();
        await p.setContent(page.html, { waitUntil: 'load' });
        await p.evaluate('document.fonts.ready.then(() => undefined)');
        const pdf = await p.pdf({
          ...PRINT_PAGE,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: page.headerTemplate,
          footerTemplate: page.footerTemplate,
        });
        await context.close();
        pages += countPages(pdf);
        latencies.push(performance.now() - s);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    return { pagesPerSecond: pages / ((performance.now() - t0) / 1000), latencies };
  };

  // Warm both paths (browser launch, font decoding, first compile) outside the figures.
  await bare(1);
  await viaQueue(documents.slice(RENDERS * ROUNDS));

  const queued: Round[] = [];
  const bares: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bares.push(await bare(RENDERS));
    queued.push(await viaQueue(documents.slice(r * RENDERS, (r + 1) * RENDERS)));
    log(
      `round ${r + 1}: queue ${round(queued[r].pagesPerSecond)} pages/s (p95 ${round(p95(queued[r].latencies))} ms), ` +
        `bare ${round(bares[r].pagesPerSecond)} pages/s (p95 ${round(p95(bares[r].latencies))} ms)`,
    );
  }
  await browser.close();
  await worker.close();
  await cli.close();

  const rate = median(queued.map((q) => q.pagesPerSecond));
  const bareRate = median(bares.map((b) => b.pagesPerSecond));
  const latency = p95(queued.flatMap((q) => q.latencies));
  const bareLatency = p95(bares.flatMap((b) => b.latencies));
  const cases: BenchCase[] = [
    makeCase(
      `PDF: full PC-I (English, ~10 pages) through the job queue vs a bare playwright-core loop on the same HTML`,
      'pages/s',
      rate,
      bareRate,
      `ratio ≥ ${GOAL}`,
      (ratio) => ratio >= GOAL,
      `${CONCURRENCY} at once, ${RENDERS} PDFs a round; rounds: ` +
        `queue ${queued.map((q) => round(q.pagesPerSecond)).join(', ')}; ` +
        `bare ${bares.map((b) => round(b.pagesPerSecond)).join(', ')}`,
    ),
    makeCase(
      'PDF: p95 of one render (worker: job start to end, incl. ' +
        'reading the document and storing the file) vs bare print',
      'ms',
      latency,
      bareLatency,
      'report',
      undefined,
    ),
  ];
  writeResults('pdf', {
    title: 'PDF benchmark',
    load: true,
    method:
      `Queue: ${RENDERS} render jobs of distinct copies of the example PC-I ` +
      `added at once to the PDF queue (TenantJobQueue), printed by the worker ` +
      `(${CONCURRENCY} at once, one Chromium, a fresh context per job), ` +
      `timed from the adds until every file is recorded. ` +
      `Baseline: the same HTML, header and footer printed ${RENDERS} times by ` +
      `a bare playwright-core loop on its own browser, ${CONCURRENCY} at once. ` +
      `Same run, rounds alternating; medians of pages/s, p95 over all renders.`,
    figures: { renders: RENDERS, rounds: ROUNDS, concurrency: CONCURRENCY, queued, bare: bares },
    cases,
  });
}

runMain(main());
