import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';

/*
 * Browser tests against the real built API + worker + Postgres + Redis that scripts/e2e.mjs
 * starts (never run this config directly without it). Debian's Chromium is driven through
 * executablePath: Playwright's own browser download does not exist here.
 */
const port = Number(process.env.E2E_PORT || 3100);
// The flags come from scripts/chromium.mjs through scripts/e2e.mjs (one list for tests and bench).
const CHROMIUM_ARGS: string[] = JSON.parse(process.env.CHROMIUM_ARGS || '["--no-sandbox", "--disable-gpu"]');

const LONG_SPECS = /pc1-journey\.spec\.ts$/;

export default defineConfig({
  testDir: path.join(__dirname, 'tests'),
  outputDir: path.join(__dirname, '..', 'test-results', 'e2e'),
  // Two cores: the API, the worker, Postgres and the browsers share them.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  // Waits, not speed checks (bench/web.ts measures speed): on 2 cores a full PC-I editor can take
  // over 10 s to first render while the worker prints a PDF in its own Chromium beside it.
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 768 },
    baseURL: `http://kp.localhost:${port}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  // The PC-I journey is one long story (several minutes on 2 cores): it goes first, so the other
  // worker runs every other file beside it instead of it starting last and running alone.
  projects: [
    { name: 'journey', testMatch: LONG_SPECS },
    { name: 'chromium', testIgnore: LONG_SPECS },
  ],
});
