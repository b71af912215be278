import { expect, Page, test } from '@playwright/test';
import { newPerson, PORT, signInAs, submitSignIn, switchLanguage, urlOf } from '../support/app';
import { signInOperator } from '../support/console';

/*
 * Issue 17 item 1 in the browser: GB's trainer creates the training sandbox from /admin/training,
 * creates trainees from a CSV, and resets; a trainee signs in on the sandbox's own address and
 * sees the TRAINING band. Screenshots in English and Urdu (docs/screenshots/training-*.png).
 */

test.describe.configure({ mode: 'serial' });

const SANDBOX_URL = `http://gb-training.localhost:${PORT}`;

/** A screenshot once the fonts (Nastaliq for Urdu) are in. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

test('a trainer creates the sandbox, creates trainees from a CSV and resets; the trainee sees TRAINING', async ({
  page,
  browser,
}) => {
  const trainer = await newPerson(['tenant_admin'], 'gb', 'GB Trainer');
  await signInAs(page, 'gb', trainer.email, trainer.password);
  await page.goto(urlOf('gb', '/admin/training'));
  await expect(page.getByRole('heading', { level: 1, name: 'Training sandbox' })).toBeVisible();
  await page.getByTestId('training-create').click();
  await expect(page.getByTestId('training-status')).toHaveText('active', { timeout: 60_000 });
  await expect(page.getByTestId('training-counts')).toContainText('0 trainees');

  const stamp = Date.now();
  const trainee = `amina.${stamp}@trainee.pk`;
  await page
    .getByTestId('training-csv')
    .fill(
      `name,email,role,department\nAmina Shah,${trainee},preparer,\nBilal Khan,bilal.${stamp}@trainee.pk,reviewer,`,
    );
  await page.getByTestId('training-add').click();
  const created = page.getByTestId('training-created');
  await expect(created).toContainText(trainee);
  const password = (await created.locator('tr', { hasText: trainee }).locator('td').nth(3).innerText()).trim();
  expect(password).toMatch(/^[A-Za-z0-9]{14}$/);
  await expect(page.getByTestId('training-progress')).toContainText('Amina Shah');
  await expect(page.getByTestId('training-counts')).toContainText('2 trainees');

  // Reset, trainees kept: the build runs, then the page reports when and how long it took.
  await page.getByTestId('training-reset').click();
  await expect(page.getByTestId('training-build')).toContainText('reset — succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('training-last-reset')).toBeVisible();
  await expect(page.getByTestId('training-counts')).toContainText('2 trainees');
  await screenshot(page, 'training-admin');
  await switchLanguage(page, 'ur');
  await expect(page.getByRole('heading', { level: 1, name: 'تربیتی ماحول' })).toBeVisible();
  await screenshot(page, 'training-admin-ur');

  // The trainee, on the sandbox's own address: the band on every screen.
  const context = await browser.newContext({ locale: 'en-GB' });
  const traineePage = await context.newPage();
  await traineePage.goto(`${SANDBOX_URL}/sign-in`);
  await expect(traineePage.getByTestId('training-band')).toBeVisible();
  await submitSignIn(traineePage, trainee, password);
  await expect(traineePage.getByTestId('training-band')).toContainText('TRAINING');
  await traineePage.goto(`${SANDBOX_URL}/projects`);
  await expect(traineePage.getByText(/\(training\)/).first()).toBeVisible();
  await screenshot(traineePage, 'training-trainee');
  await switchLanguage(traineePage, 'ur');
  await expect(traineePage.getByTestId('training-band')).toContainText('تربیتی ماحول');
  await screenshot(traineePage, 'training-trainee-ur');
  await context.close();
});

test('the operator sees the sandbox in the province list, marked as GB’s training sandbox', async ({ page }) => {
  await signInOperator(page, '/provinces');
  const row = page.getByTestId('provinces-table').locator('tr[data-slug="gb-training"]');
  await expect(row.getByTestId('sandbox-badge')).toHaveText('Training sandbox of gb');
  // A live province carries no such mark.
  await expect(
    page.getByTestId('provinces-table').locator('tr[data-slug="gb"]').getByTestId('sandbox-badge'),
  ).toHaveCount(0);
});
