#!/usr/bin/env node
// Finds the Chromium that browser tests, PDF printing and benchmarks drive (Debian's `chromium`
// package; Playwright's own browser download is not used). CHROMIUM_PATH overrides. When it is
// missing and we run as root, installs the Debian package; otherwise stops with the exact command.
// The server finds it the same way (src/printing/chromium-locator.ts; a test keeps the lists equal).
// `--with-poppler` also ensures poppler-utils (pdftotext, pdffonts, pdftoppm), which the PDF tests read PDFs with.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
// Fonts: Noto for Latin and Arabic script (the app bundles its own; this covers the browser's
// own UI and fallbacks).
const PACKAGES = ['chromium', 'fonts-noto-core'];

const log = (msg) => process.stderr.write(`[chromium] ${msg}\n`);

function found() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const POPPLER_PACKAGE = 'poppler-utils';
const POPPLER_TOOLS = ['pdftotext', 'pdffonts', 'pdftoppm'];

const onPath = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;

function aptInstall(packages, why) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new Error(`${why}\n  Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}`);
  }
  log(`installing ${packages.join(' ')} from Debian's packages`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** pdftotext, pdffonts and pdftoppm for the PDF tests (test/printing); installed when root. */
export function ensurePoppler() {
  if (POPPLER_TOOLS.every(onPath)) return;
  aptInstall(
    [POPPLER_PACKAGE],
    `The PDF tests read PDFs with ${POPPLER_TOOLS.join(', ')} (poppler-utils), which were not found.`,
  );
  if (!POPPLER_TOOLS.every(onPath))
    throw new Error(`apt-get installed ${POPPLER_PACKAGE} but ${POPPLER_TOOLS.join(', ')} are still missing`);
}

export function ensureChromium() {
  const existing = found();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `Chromium is needed for the browser tests and was not found.\n` +
        `  Debian/Ubuntu: sudo apt-get install -y ${PACKAGES.join(' ')}\n` +
        `  or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
  }
  log(`installing ${PACKAGES.join(' ')} from Debian's packages (once; ~460 MB)`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = found();
  if (!installed) throw new Error('apt-get installed chromium but no chromium binary was found');
  return installed;
}

/** Flags for a headless Chromium on a closed network, as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const path = ensureChromium();
    if (process.argv.includes('--with-poppler')) ensurePoppler();
    process.stdout.write(`${path}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
