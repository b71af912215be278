/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, Page } from 'playwright-core';
import { BenchCase, failedCase, logger, makeCase, median, ROOT, round, writeSummary } from './lib';

/*
 * `npm run bench` (web part; `npm run bench:web` alone): the browser app measured in Debian's
 * headless Chromium against a built deployment of its own, each figure beside a baseline taken
 * in the same run:
 * - opening a full PC-I (12 cost rows) in the editor until it can be typed in, vs opening the
 *   sign-in page (the app shell alone) the same way; median of 5 loads each;
 * - JavaScript fetched for the first screen (gzip), vs all the app's JavaScript (what route-level
 *   splitting spares the first screen);
 * - typing in a cost cell of a 50-row PC-I: input → every total recomputed and committed
 *   (performance marks set by the editor), vs the same on the 12-row PC-I.
 */
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3903);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const PASSWORD = 'Daftar-Demo-2026';
const log = logger('bench:web');
// The deployment helper is an ES module shared with the browser tests; CommonJS reaches it by import().
// eslint-disable-next-line
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

/** JSON over node:http: fetch ignores a Host header, and the province is chosen by the host. */
function api<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path: url,
        headers: {
          host: 'kp.localhost',
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400)
            reject(new Error(`${method} ${url}: ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve((text ? JSON.parse(text) : undefined) as T);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A PC-I draft with the fixture's data and `rows` cost rows (the fixture's 12, repeated). */
async function pcIWithRows(token: string, rows: number): Promise<string> {
  const data = JSON.parse(
    readFileSync(path.join(ROOT, 'test', 'fixtures', 'forms', 'pc1-infrastructure.json'), 'utf8'),
  );
  const created = await api<{ document: { id: string } }>('POST', '/api/projects', token, {
    title: `Bench PC-I with ${rows} cost rows`,
    formKey: 'pc1-infrastructure',
  });
  const base = data.capitalCost.estimate.rows as Record<string, unknown>[];
  data.capitalCost.estimate.rows = Array.from({ length: rows }, (_, i) => ({ ...base[i % base.length] }));
  delete data.capitalCost.estimate.totals;
  const doc = await api<{ revision: number }>('GET', `/api/documents/${created.document.id}`, token);
  await api('PUT', `/api/documents/${created.document.id}`, token, { revision: doc.revision, data });
  return created.document.id;
}

/** Milliseconds from navigation start until `selector` is in the page and its input accepts typing. */
async function openUntilInteractive(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel) as HTMLInputElement | null;
      return el && !el.disabled && !el.readOnly && el.offsetParent !== null ? performance.now() : null;
    },
    selector,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function recomputeTimes(page: Page, documentId: string, row: number): Promise<number[]> {
  const cell = `[data-pointer="/capitalCost/estimate/rows/${row}/local"]`;
  await openUntilInteractive(page, `http://kp.localhost:${PORT}/documents/${documentId}`, cell);
  await page.evaluate(() => performance.clearMeasures('daftar:recompute'));
  await page.locator(cell).click();
  await page.locator(cell).press('End');
  for (let i = 0; i < 20; i++) await page.keyboard.type(String(i % 10), { delay: 30 });
  await page.waitForTimeout(300);
  return page.evaluate(() => performance.getEntriesByName('daftar:recompute').map((e) => e.duration));
}

function allAppJsGzip(): number {
  const dir = path.join(ROOT, 'dist', 'web', 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f))).length, 0);
}

export async function webBench(): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  const { ensureChromium, CHROMIUM_ARGS } = await importEsm(path.join(ROOT, 'scripts', 'chromium.mjs'));
  const { startDeployment } = await importEsm(path.join(ROOT, 'scripts', 'test-deployment.mjs'));
  const executablePath = ensureChromium();
  const deployment = await startDeployment({
    port: PORT,
    database: 'daftar_bench_web',
    redisPrefix: 'daftar-bench-web',
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const { accessToken } = await api<{ accessToken: string }>('POST', '/api/auth/login', null, {
      email: 'preparer@kp.daftar.local',
      password: PASSWORD,
    });
    const twelve = await pcIWithRows(accessToken, 12);
    const fifty = await pcIWithRows(accessToken, 50);

    // First screen JavaScript: a cold load of the sign-in page, nothing cached.
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() !== 'script') return;
        const size = r.body().then((b) => gzipSync(b).length);
        // A script that arrives after the count (prefetched while the context closes) must not crash the run; counted
        // ones still fail loudly.
        size.catch(() => undefined);
        scripts.push(size);
      });
      await page.goto(`http://kp.localhost:${PORT}/sign-in`, { waitUntil: 'networkidle' });
      const first = (await Promise.all(scripts)).reduce((a, b) => a + b, 0) / 1024;
      cases.push(
        makeCase(
          'web: JavaScript for the first screen (sign-in, gzip) vs all the app’s JavaScript',
          'KB',
          first,
          allAppJsGzip() / 1024,
          'value ≤ 350 KB',
          (_r, v) => v <= 350,
        ),
      );
      await context.close();
    } catch (e) {
      cases.push(failedCase('web: first-screen JavaScript', String(e)));
    }

    // Opening the editor: signed in, assets cached as for anyone who used the app before.
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`http://kp.localhost:${PORT}/sign-in`);
      await page.getByLabel('Email').fill('preparer@kp.daftar.local');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      const editor: number[] = [];
      const whole: number[] = [];
      const shell: number[] = [];
      const firstField = '[data-testid="document"][data-mode="edit"] :is(input, select, textarea)[data-pointer]';
      const lastCostRow = '[data-pointer="/capitalCost/estimate/rows/11/local"]';
      for (let i = 0; i < RUNS; i++) {
        editor.push(await openUntilInteractive(page, `http://kp.localhost:${PORT}/documents/${twelve}`, firstField));
        whole.push(
          await page.evaluate(
            (sel) =>
              new Promise<number>((resolve) => {
                const poll = () =>
                  document.querySelector(sel) ? resolve(performance.now()) : requestAnimationFrame(poll);
                poll();
              }),
            lastCostRow,
          ),
        );
        shell.push(await openUntilInteractive(page, `http://kp.localhost:${PORT}/profile`, 'input'));
      }
      cases.push(
        makeCase(
          `web: open a full PC-I (12 cost rows) until its first field can be typed in, ` +
            `vs the profile page (median of ${RUNS}: ${editor.map((x) => Math.round(x)).join(', ')} ms)`,
          'ms',
          median(editor),
          median(shell),
          'value ≤ 1500 ms',
          (_r, v) => v <= 1500,
        ),
      );
      cases.push(
        makeCase(
          `web: the same PC-I until every section is rendered (its 12th cost row), vs the profile page`,
          'ms',
          median(whole),
          median(shell),
          'report',
        ),
      );

      const typing50 = await recomputeTimes(page, fifty, 25);
      const typing12 = await recomputeTimes(page, twelve, 6);
      if (!typing50.length || !typing12.length) throw new Error('the editor set no daftar:recompute measures');
      const p95 = [...typing50].sort((a, b) => a - b)[Math.floor(typing50.length * 0.95)];
      cases.push(
        makeCase(
          `web: a keystroke in a cost cell → all totals recomputed, ` +
            `50 cost rows vs 12 (median of ${typing50.length} keystrokes; p95 ${round(p95)} ms)`,
          'ms',
          median(typing50),
          median(typing12),
          'value ≤ 16 ms',
          (_r, v) => v <= 16,
        ),
      );
      await context.close();
    } catch (e) {
      cases.push(failedCase('web: editor', String(e)));
    }
  } finally {
    await browser.close();
    await deployment.stop();
  }
  return cases;
}

if (require.main === module) {
  webBench()
    .then((cases) => {
      writeSummary('web-', 'Web app benchmark', cases);
      process.exit(cases.some((c) => c.metric === 'could not run') ? 1 : 0);
    })
    .catch((e) => {
      log(`aborted: ${e?.stack ?? e}`);
      process.exit(1);
    });
}
