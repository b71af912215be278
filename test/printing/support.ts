import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { Harness } from '../support/harness';

/** UPDATE_PDF_REFERENCES=1 rewrites the reference images (and docs/pdf/) instead of comparing. */
export const UPDATING = process.env.UPDATE_PDF_REFERENCES === '1';
const REFERENCES = path.join(__dirname, '..', 'fixtures', 'pdf');
const DOCS = path.join(__dirname, '..', '..', 'docs', 'pdf');
/** Comparison resolution: enough to see a moved table or a lost font, small enough to stay fast. */
const COMPARE_DPI = 50;
/** The PNGs in docs/ are for people: sharper. */
const DOCS_DPI = 110;
/** pixelmatch's per-pixel colour threshold, and the share of pixels allowed to differ (anti-aliasing noise). */
const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFFERENT_SHARE = 0.005;
/** Polling a render job: how often, and when to give up (a guard against a hang, not a speed check). */
const POLL_MS = 150;
const POLL_GIVE_UP_MS = 180_000;

/** Chromium and poppler-utils present (installed when root, else a message naming the package). */
export function ensureTools(): void {
  execFileSync('node', [path.join(__dirname, '..', '..', 'scripts', 'chromium.mjs'), '--with-poppler'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const scratch = mkdtempSync(path.join(tmpdir(), 'daftar-pdf-test-'));
function toFile(pdf: Buffer): string {
  const file = path.join(scratch, `${randomBytes(6).toString('hex')}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text; `raw` keeps content-stream order, which reads the diagonal watermark as one word. */
export const pdfText = (pdf: Buffer, raw = false) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), toFile(pdf), '-'], {
    maxBuffer: 64 << 20,
  }).toString('utf8');
export const pdfFonts = (pdf: Buffer) => execFileSync('pdffonts', [toFile(pdf)]).toString('utf8');

export function pageOnePng(pdf: Buffer, dpi = COMPARE_DPI): Buffer {
  const prefix = path.join(scratch, randomBytes(6).toString('hex'));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', toFile(pdf), prefix]);
  return readFileSync(`${prefix}.png`);
}

/**
 * Page 1 against its committed reference: the share of pixels that differ. With
 * UPDATE_PDF_REFERENCES=1 the reference (and, for the PC-I, the picture in docs/pdf/) is
 * written instead, and 0 is returned.
 */
export function differenceFromReference(name: string, pdf: Buffer, docsName?: string): number {
  const reference = path.join(REFERENCES, `${name}.png`);
  const actual = pageOnePng(pdf);
  if (UPDATING) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(reference, actual);
    if (docsName) {
      mkdirSync(DOCS, { recursive: true });
      writeFileSync(path.join(DOCS, `${docsName}.png`), pageOnePng(pdf, DOCS_DPI));
    }
    return 0;
  }
  if (!existsSync(reference))
    throw new Error(
      `No reference image ${reference}: run the printing tests once with UPDATE_PDF_REFERENCES=1 and look at it`,
    );
  const expected = PNG.sync.read(readFileSync(reference));
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) return 1;
  const diff = new PNG({ width: got.width, height: got.height });
  const different = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, {
    threshold: PIXEL_THRESHOLD,
  });
  if (different) writeFileSync(path.join(scratch, `${name}-diff.png`), PNG.sync.write(diff));
  return different / (got.width * got.height);
}

type Api = ReturnType<Harness['on']>;

/**
 * Asks for a PDF (POST), polls its job until it is done, then downloads it (GET); returns the
 * download and what the first POST answered.
 */
export async function render(api: Api, token: string, base: string, body: Record<string, unknown>) {
  const first = await api.post(base, token).send(body).buffer(true).parse(binary);
  if (first.status === 200) return { first, file: first };
  if (first.status !== 202) throw new Error(`POST ${base} answered ${first.status}: ${first.body.toString()}`);
  first.body = JSON.parse(first.body.toString());
  const until = Date.now() + POLL_GIVE_UP_MS;
  let status = first.body.status as string;
  while (status !== 'done') {
    if (Date.now() > until) throw new Error(`job ${first.body.jobId} still ${status}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
    const polled = await api.get(first.body.poll, token);
    if (polled.status !== 200)
      throw new Error(`poll ${first.body.poll} answered ${polled.status}: ${JSON.stringify(polled.body)}`);
    status = polled.body.status;
    if (status === 'failed') throw new Error(`job ${first.body.jobId} failed: ${polled.body.reason}`);
  }
  const file = await api.get(first.body.file, token).buffer(true).parse(binary);
  return { first, file };
}

/** supertest parser that keeps the body as bytes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function binary(res: any, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
