#!/usr/bin/env node
// The browser tests, end to end: finds or installs Chromium, builds the API and the web app,
// starts a deployment of their own (fresh database with KP and GB, real API and worker) and runs
// Playwright against it. `npm test` calls it after Jest; `npm run test:e2e` runs it alone (extra
// arguments go to Playwright, e.g. a spec file name).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { startDeployment } from './test-deployment.mjs';

const port = Number(process.env.E2E_PORT || 3100);
const log = (msg) => process.stderr.write(`[e2e] ${msg}\n`);

const chromium = ensureChromium();
log(`Chromium: ${chromium}`);
const { env, stop, root } = await startDeployment({
  port,
  database: process.env.E2E_DATABASE || 'daftar_e2e',
  redisPrefix: process.env.E2E_DATABASE || 'daftar-e2e',
  extraEnv: { CHROMIUM_PATH: chromium, CHROMIUM_ARGS: JSON.stringify(CHROMIUM_ARGS), E2E_PORT: String(port) },
  // A real SMTP server: tests read the mail the app sends (e2e/support/mail.ts).
  mail: true,
});
// Interrupted (Ctrl-C, CI time-out): never leave the API and worker behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping the deployment`);
    stop().finally(() => process.exit(130));
  });
}
let code = 1;
try {
  const started = Date.now();
  code = await new Promise((resolve) => {
    const cli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
    const runner = spawn(
      process.execPath,
      [cli, 'test', '-c', path.join(root, 'e2e', 'playwright.config.ts'), ...process.argv.slice(2)],
      { cwd: root, env, stdio: 'inherit' },
    );
    runner.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  log(`Playwright finished in ${((Date.now() - started) / 1000).toFixed(0)} s with exit code ${code}`);
} catch (error) {
  log(error.message);
} finally {
  await stop();
}
process.exit(code);
