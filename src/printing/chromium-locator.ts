import { existsSync } from 'node:fs';

/*
 * Where the server finds Debian's Chromium, and the flags it runs it with. The same lists as
 * scripts/chromium.mjs (which the test and dev scripts run before anything is built);
 * test/printing/chromium-locator.spec.ts fails when the two drift apart.
 */

/** Debian's `chromium`, Ubuntu's older name, the snap. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

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

/** CHROMIUM_PATH (config.pdf.chromiumPath) when given, else the first candidate present. */
export function locateChromium(configured: string | undefined): string {
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium is needed to print PDFs and was not found. Debian/Ubuntu: ' +
        'sudo apt-get install -y chromium (or set CHROMIUM_PATH)',
    );
  }
  return found;
}
