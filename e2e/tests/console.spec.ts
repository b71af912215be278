import { expect, Page, test } from '@playwright/test';
import pg from 'pg';
import { ApiClient, PORT, switchLanguage } from '../support/app';
import { seriousViolations } from '../support/axe';
import { OPERATOR, operatorToken, send, signInOperator } from '../support/console';

/*
 * The operators' console on admin.localhost, against the real API and worker: sign-in through the
 * page, a province provisioned and watched step by step, a provisioning made to fail for real (its
 * schema already exists) then retried, suspend/resume seen from the province's host, and the
 * queue dashboard and /metrics open to the operator only.
 */

const STEPS = ['create-schema', 'migrate', 'seed-admin', 'install-defaults', 'activate'];
/** Provisioning runs in the worker; on 2 cores beside other tests it can take a while. */
const PROVISIONING_TIMEOUT_MS = 60_000;

async function provisionThroughForm(
  page: Page,
  slug: string,
  name: string,
  nameUr: string,
  shot?: string,
): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Provinces' }).click();
  await page.getByRole('link', { name: 'Provision a province' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Provision a province' })).toBeVisible();
  // "Slug" first: the page's second form (restore from an archive) has a slug field of its own.
  await page.getByLabel(/^Slug/).fill(slug);
  await page.getByLabel('Name (English)').fill(name);
  await page.getByLabel('Name (Urdu)').fill(nameUr);
  await page.getByLabel("Administrator's email").fill(`admin@${slug}.gov.pk`);
  await page.getByLabel("Administrator's name").fill('Planning Officer (Admin)');
  await page.getByLabel('Initial password').fill('Long enough passphrase 2026');
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: 'Provision', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/provinces/${slug}$`));
}

async function expectStepsDone(page: Page): Promise<void> {
  const run = page.getByTestId('latest-run');
  await expect(run).toHaveAttribute('data-status', 'succeeded', { timeout: PROVISIONING_TIMEOUT_MS });
  for (const step of STEPS) await expect(run.locator(`tr[data-step="${step}"]`)).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('province-status')).toHaveAttribute('data-status', 'active');
}

/** A screenshot once the fonts (Nastaliq for Urdu) are in: before that the text is drawn in a fallback face. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** A unique slug per run (letters and digits: the schema is t_<slug>). */
const slugOf = (prefix: string) => `${prefix}${Date.now().toString(36)}`;

test('an operator provisions a province, a failed one is retried, suspending closes its host', async ({ page }) => {
  const slug = slugOf('con');
  await signInOperator(page);
  // A reload keeps the operator signed in (the refresh cookie), straight back to the page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Provinces' })).toBeVisible();

  // Provisioned and watched: every step reaches "done" on screen (the page polls while it runs).
  await provisionThroughForm(page, slug, 'Console Test Province', 'آزمائشی صوبہ', 'console-provision');
  await expectStepsDone(page);
  await expect(page.getByTestId('province-admins')).toContainText(`admin@${slug}.gov.pk`);
  await expect(page.getByTestId('province-admins')).toContainText('Planning Officer (Admin)');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'console-province');

  // Suspended: its host answers 403; resumed: it serves again.
  const host = `${slug}.localhost`;
  expect((await send(host, 'GET', '/api/tenant')).status).toBe(200);
  await page.getByRole('button', { name: 'Suspend…' }).click();
  await page.getByRole('dialog').getByLabel('Reason').fill('Requested by the P&D department');
  await page.getByRole('button', { name: 'Suspend the province' }).click();
  await expect(page.getByTestId('province-status')).toHaveAttribute('data-status', 'suspended');
  await expect(page.getByTestId('suspension-reason')).toContainText('Requested by the P&D department');
  expect((await send(host, 'GET', '/api/tenant')).status).toBe(403);
  await page.getByRole('button', { name: 'Resume the province' }).click();
  await expect(page.getByTestId('province-status')).toHaveAttribute('data-status', 'active');
  expect((await send(host, 'GET', '/api/tenant')).status).toBe(200);

  // An administrator given back: the one-time link is shown to pass on.
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`second.admin@${slug}.gov.pk`);
  await page.getByRole('button', { name: 'Give administrator access' }).click();
  await expect(page.getByTestId('one-time-link')).toContainText(`http://${slug}.localhost:${PORT}/`);
  await expect(page.getByTestId('province-admins')).toContainText(`second.admin@${slug}.gov.pk`);

  // Made to fail for real: the schema the provisioner must create is already there.
  const failing = slugOf('fail');
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  let obstacle = false;
  try {
    await db.query(`CREATE SCHEMA t_${failing}`);
    obstacle = true;
    await provisionThroughForm(page, failing, 'Failing Province', 'ناکام آزمائشی صوبہ');
    const run = page.getByTestId('latest-run');
    await expect(run).toHaveAttribute('data-status', 'failed', { timeout: PROVISIONING_TIMEOUT_MS });
    await expect(page.getByTestId('run-error')).toContainText(`schema "t_${failing}" already exists`);
    await expect(run.locator('tr[data-step="create-schema"]')).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId('province-status')).toHaveAttribute('data-status', 'failed');
    // The obstacle removed, the retry goes through.
    await db.query(`DROP SCHEMA t_${failing}`);
    obstacle = false;
    await page.getByRole('button', { name: 'Retry provisioning' }).click();
    await expectStepsDone(page);
    await expect(page.getByText('Earlier runs')).toBeVisible();
  } finally {
    // Only our empty obstacle, if the test stopped before removing it (never the provisioned schema).
    if (obstacle) await db.query(`DROP SCHEMA IF EXISTS t_${failing}`).catch(() => undefined);
    await db.end();
  }

  // The list shows both, with their figures read from their own schemas.
  await page.getByRole('navigation').getByRole('link', { name: 'Provinces' }).click();
  const row = page.getByTestId('provinces-table').locator(`tr[data-slug="${slug}"]`);
  await expect(row).toContainText('Active');
  await expect(page.getByTestId('provinces-table').locator(`tr[data-slug="${failing}"]`)).toContainText('Active');
  await screenshot(page, 'console-provinces');

  await switchLanguage(page, 'ur');
  await expect(page.getByRole('heading', { level: 1, name: 'صوبے' })).toBeVisible();
  await screenshot(page, 'console-provinces-ur');
  await row.getByRole('link').click();
  await expect(page.getByTestId('province-status')).toHaveAttribute('data-status', 'active');
  await expect(page.getByRole('heading', { name: 'صوبے کے منتظمین' })).toBeVisible();
  await screenshot(page, 'console-province-ur');
  await switchLanguage(page, 'en');

  // Signed out, the cookie is gone: a reload lands on the sign-in page.
  await page.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Operator sign-in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Operator sign-in' })).toBeVisible();
});

test('migrations, operators, queue dashboard and metrics: for operators only', async ({ page, context }) => {
  const operator = await operatorToken();
  const province = await ApiClient.signIn('admin', 'kp');
  await signInOperator(page, '/migrations');

  // Migrations: every province current; a run goes through all of them with its progress shown.
  await expect(page.getByRole('heading', { level: 1, name: 'Migrations' })).toBeVisible();
  await expect(page.getByTestId('migrations-table').locator('tr[data-slug="kp"]')).toBeVisible();
  const started = page.waitForResponse((r) => r.url().endsWith('/api/platform/migrations/run'));
  await page.getByRole('button', { name: 'Run migrations' }).click();
  const { runId } = (await (await started).json()) as { runId: string };
  const run = page.getByTestId('migration-run');
  await expect(run).toHaveAttribute('data-run', runId);
  await expect(run).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(run).toContainText(/(\d+) of \1 provinces done/);
  await screenshot(page, 'console-migrations');
  await switchLanguage(page, 'ur');
  await expect(page.getByRole('heading', { level: 1, name: 'مائیگریشنز' })).toBeVisible();
  await screenshot(page, 'console-migrations-ur');
  await switchLanguage(page, 'en');

  // Operators: one added and disabled; disabling yourself is refused with the reason on screen.
  const email = `ops.${Date.now()}@daftar.local`;
  await page.getByRole('navigation').getByRole('link', { name: 'Operators' }).click();
  await page.getByRole('button', { name: 'Add an operator' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Second Operator');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Password', { exact: true }).fill('Long enough passphrase 2026');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  const added = page.getByTestId('operators-table').locator(`tr[data-email="${email}"]`);
  await expect(added).toContainText('Active');
  await added.getByRole('button', { name: 'Disable Second Operator' }).click();
  await expect(added).toContainText('Disabled');
  const self = page.getByTestId('operators-table').locator(`tr[data-email="${OPERATOR.email}"]`);
  await self.getByRole('button', { name: /^Disable / }).click();
  await expect(page.getByTestId('operator-refusal')).toContainText('You cannot disable your own account');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'console-operators');
  await switchLanguage(page, 'ur');
  await expect(page.getByRole('heading', { level: 1, name: 'آپریٹر' })).toBeVisible();
  await screenshot(page, 'console-operators-ur');
  await switchLanguage(page, 'en');

  // The audit log has what was just done.
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('combobox', { name: 'Action' }).fill('operator.');
  const disabledEntry = page.getByTestId('audit-table').locator('tr[data-action="operator.disabled"]').first();
  await expect(disabledEntry).toContainText(email);
  await expect(page.getByTestId('audit-table').locator('tr[data-action^="auth."]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await screenshot(page, 'console-audit');

  // Queues: the dashboard opens in a new tab for the operator.
  await page.getByRole('navigation').getByRole('link', { name: 'Queues' }).click();
  const [board] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open the queues dashboard' }).click(),
  ]);
  await board.waitForURL(/\/api\/platform\/queues/);
  await board.setViewportSize({ width: 1366, height: 768 });
  // The provisioning queue, with the jobs of the provinces made above. The board's menu always
  // lists it; its overview lists it a second time once the queues' counts have loaded.
  await board.locator('#bull-board-sidebar').getByRole('link', { name: 'provisioning', exact: true }).click();
  await expect(board.getByText(/^Loading/)).toBeHidden();
  await expect(board.getByText(/completed/i).first()).toBeVisible();
  await screenshot(board, 'console-queues');
  await board.close();
  // … and nobody else: a 404 on a province host, refused with a province token or none.
  expect((await send('kp.localhost', 'GET', '/api/platform/queues', { token: province.accessToken })).status).toBe(404);
  const boardWithProvinceToken = await send('admin.localhost', 'GET', '/api/platform/queues', {
    token: province.accessToken,
  });
  expect([401, 403]).toContain(boardWithProvinceToken.status);
  expect((await send('admin.localhost', 'GET', '/api/platform/queues')).status).toBe(401);
  const sessionWithProvinceToken = await send('admin.localhost', 'POST', '/api/platform/queues/session', {
    token: province.accessToken,
  });
  expect([401, 403]).toContain(sessionWithProvinceToken.status);

  // /metrics: Prometheus text to the operator, refused with a province token.
  const metrics = await send('admin.localhost', 'GET', '/metrics', { token: operator });
  expect(metrics.status).toBe(200);
  expect(metrics.type).toContain('text/plain');
  expect(metrics.body).toMatch(/^# HELP daftar_http_requests_total /m);
  expect(metrics.body).toMatch(/^# TYPE daftar_http_request_duration_seconds histogram$/m);
  expect(metrics.body).toMatch(/daftar_http_requests_total\{[^}]*province="kp"/);
  expect((await send('admin.localhost', 'GET', '/metrics', { token: province.accessToken })).status).toBe(403);
  expect((await send('kp.localhost', 'GET', '/metrics', { token: province.accessToken })).status).toBe(404);

  // The console's page: headline figures per province, and the raw text.
  await page.getByRole('navigation').getByRole('link', { name: 'Health and metrics' }).click();
  await expect(page.getByTestId('metrics-summary').locator('tr[data-province="kp"]')).toBeVisible();
  await expect(page.getByTestId('readiness')).toContainText('postgres');
  await screenshot(page, 'console-metrics');
  await page.getByRole('button', { name: 'View the metrics text' }).click();
  await expect(page.getByTestId('raw-metrics')).toContainText('daftar_http_requests_total');
});
