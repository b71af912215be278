import { expect, Locator, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD, switchLanguage } from '../support/app';
import { seriousViolations } from '../support/axe';
import { CONSOLE, send, signInOperator } from '../support/console';

/*
 * A province's archive from the console (issue 16 item 5, in the browser): an operator exports GB,
 * downloads the .tar.gz, restores it under a new slug from the provisioning page, and GB's people
 * sign in on the restored province; the same archive under a slug now in use fails with its reason.
 */

/** Export and import run in the worker beside other specs on 2 cores. */
const JOB_TIMEOUT_MS = 90_000;

/** The card alone (a full page would draw the sticky header mid-way), once the fonts are in. */
async function screenshot(page: Page, card: Locator, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await card.screenshot({ path: `docs/screenshots/${name}.png` });
}

test("an operator exports GB's archive, restores it under a new slug, and GB's admin signs in there", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInOperator(page, '/provinces/gb');
  const card = page.getByTestId('console-archive');
  await card.getByTestId('archive-export').click();
  const job = card.getByTestId('archive-job');
  await expect(job).toHaveAttribute('data-state', 'completed', { timeout: JOB_TIMEOUT_MS });
  await expect(job).toContainText(/\d+ tables, [\d,]+ rows, \d+ files/);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('archive-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^daftar-gb-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
  const archive = test.info().outputPath('gb.tar.gz');
  await download.saveAs(archive);
  // A gzip stream (RFC 1952's magic number), not an error page saved under the name.
  expect([...readFileSync(archive).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, card, 'console-archive');

  const slug = `gbm${Date.now().toString(36)}`;
  await page.goto(`${CONSOLE}/provinces/new`);
  const restore = page.getByTestId('console-import-archive');
  await restore.locator('input[type="file"]').setInputFiles(archive);
  await restore.getByTestId('import-archive-slug').fill(slug);
  await restore.getByTestId('import-archive-start').click();
  await expect(restore.getByTestId('archive-job')).toHaveAttribute('data-state', 'completed', {
    timeout: JOB_TIMEOUT_MS,
  });
  await switchLanguage(page, 'ur');
  await expect(restore.getByRole('heading', { name: 'یا کسی صوبے کو اس کے آرکائیو سے بحال کریں' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, restore, 'console-archive-restore-ur');
  await switchLanguage(page, 'en');
  await restore.getByTestId('import-archive-province').click();
  await expect(page.getByTestId('province-status')).toHaveAttribute('data-status', 'active');

  // GB's people keep their passwords: its admin signs in on the restored province's own host.
  const signedIn = await send(`${slug}.localhost`, 'POST', '/api/auth/login', {
    body: { email: 'admin@gb.daftar.local', password: DEMO_PASSWORD },
  });
  expect(signedIn.status, signedIn.body).toBe(200);

  // The same archive under the slug now in use: the job fails, says why, and writes nothing.
  await page.goto(`${CONSOLE}/provinces/new`);
  await restore.locator('input[type="file"]').setInputFiles(archive);
  await restore.getByTestId('import-archive-slug').fill(slug);
  await restore.getByTestId('import-archive-start').click();
  const refused = restore.getByTestId('archive-job');
  await expect(refused).toHaveAttribute('data-state', 'failed', { timeout: JOB_TIMEOUT_MS });
  await expect(refused).toContainText(`A province "${slug}" already exists`);
  // And a slug that is not one is refused at once, naming the field.
  await restore.getByTestId('import-archive-slug').fill('Not A Slug');
  await restore.getByTestId('import-archive-start').click();
  await expect(restore.getByText(/lower-case/).first()).toBeVisible();
});
