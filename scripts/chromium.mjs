#!/usr/bin/env node
// Finds the Chromium that browser tests and benchmarks drive (Debian's `chromium` package;
// Playwright's own browser download is not used). CHROMIUM_PATH overrides. When it is missing
// and we run as root, installs the Debian package; otherwise stops with the exact command.
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
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
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
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
