import { expect, Page, test } from '@playwright/test';
import { ApiClient, preparedPcI, signIn, switchLanguage } from '../support/app';
import { seriousViolations } from '../support/axe';
import { signInOperator } from '../support/console';

/*
 * The host's portfolio (issue 17), against the real API and worker: KP's admin opts in on the
 * province's own screen (English and Urdu), an operator recomputes the portfolio from the console
 * and reads KP's figures as charts; GB, which has not opted in, shows none.
 */

/** The refresh runs in the worker; on 2 cores beside other tests it can take a while. */
const REFRESH_TIMEOUT_MS = 60_000;

async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

test('a province admin opts in to the portfolio, in English and Urdu', async ({ page }) => {
  await signIn(page, 'admin', 'kp', '/admin/portfolio');
  await expect(page.getByRole('heading', { name: 'Sharing figures with the host' })).toBeVisible();
  const toggle = page.getByRole('switch', { name: 'Show this province’s aggregate figures to the host' });
  // Off until an admin turns it on (the e2e database is fresh).
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('portfolio-sharing-state')).toContainText('Not shared');
  await toggle.click();
  await expect(page.getByTestId('portfolio-sharing-state')).toContainText('Shared: the next daily computation');
  await expect(toggle).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'admin-portfolio-sharing');

  await switchLanguage(page, 'ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'میزبان کے ساتھ اعداد و شمار کی شیئرنگ' })).toBeVisible();
  await expect(page.getByTestId('portfolio-sharing-state')).toContainText('شیئر شدہ');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'admin-portfolio-sharing-ur');

  // The change is in KP's audit log, as read by its admin.
  const admin = await ApiClient.signIn('admin', 'kp');
  const audit = await admin.call<{ items: { action: string; actorEmail: string }[] }>(
    'GET',
    '/api/audit?action=portfolio.sharing.enabled',
  );
  expect(audit.items.map((i) => i.action)).toEqual(['portfolio.sharing.enabled']);
});

test('an operator recomputes the portfolio and reads it as charts', async ({ page }) => {
  test.setTimeout(REFRESH_TIMEOUT_MS * 2);
  // KP has shared since the test above; make sure it has projects waiting for review to count.
  const kpAdmin = await ApiClient.signIn('admin', 'kp');
  await kpAdmin.call('PUT', '/api/portfolio/sharing', { shared: true });
  const preparer = await ApiClient.signIn('preparer', 'kp');
  for (const title of ['Portfolio e2e: Swat valley road', 'Portfolio e2e: Mardan water supply']) {
    const { documentId } = await preparedPcI(preparer, title);
    await preparer.call('POST', `/api/documents/${documentId}/actions/submit`, {});
  }

  await signInOperator(page, '/portfolio');
  await expect(page.getByRole('heading', { name: 'Portfolio', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Recompute now' }).click();
  await expect(page.getByText('Recomputation queued')).toBeVisible();
  // The worker's job replaces KP's figures; reload until they are there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('portfolio-provinces').locator('tr[data-slug="kp"]')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: REFRESH_TIMEOUT_MS });
  // GB has not opted in: not a figure of it.
  await expect(page.getByTestId('portfolio-provinces').locator('tr[data-slug="gb"]')).toHaveCount(0);
  const waiting = page.getByTestId('chart-documents.waiting').locator('[data-key="pc1"] [data-value]');
  await expect(waiting).toHaveCount(1);
  expect(Number(await waiting.getAttribute('data-value'))).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('chart-projects.by_stage').getByText('PC-I', { exact: true })).toBeVisible();
  await expect(page.getByTestId('chart-costs')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('portfolio-csv').click();
  expect((await download).suggestedFilename()).toMatch(/^portfolio-\d{4}-\d{2}-\d{2}\.csv$/);

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'console-portfolio');
  await switchLanguage(page, 'ur');
  await expect(page.getByRole('heading', { name: 'پورٹ فولیو', level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'console-portfolio-ur');
});
