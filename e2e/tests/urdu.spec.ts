import { expect, test } from '@playwright/test';
import { newPerson, preparedPcI, signInAs, switchLanguage } from '../support/app';
import { at } from '../support/form-filler';

test('Urdu: the switch turns the app right-to-left, shows the PC-I in Urdu and sets it in Nastaliq', async ({
  page,
}) => {
  // A person of their own: the language choice is stored on the account.
  const person = await newPerson(['preparer'], 'kp');
  const api = person.api;
  const { documentId } = await preparedPcI(api, `Urdu test ${Date.now()}`);
  await signInAs(page, 'kp', person.email, person.password);
  await switchLanguage(page, 'ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'میرا کام' }).first()).toBeVisible();

  await page.goto(`/documents/${documentId}`);
  // Section 1 of the PC-I as the form version names it in Urdu.
  await expect(page.getByText('منصوبے کا نام').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // Nastaliq is declared for Urdu text, loaded, and actually used by the label.
  const font = await page
    .getByText('منصوبے کا نام')
    .first()
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('Noto Nastaliq Urdu');
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', 'منصوبہ'))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('urdu-editor.png') });

  // The language stays with the user: stored on the account.
  const me = await api.call<{ locale: string }>('GET', '/api/me');
  expect(me.locale).toBe('ur');
});

test('switching language in the middle of typing keeps what was typed', async ({ page }) => {
  const person = await newPerson(['preparer'], 'kp');
  const { documentId } = await preparedPcI(person.api, `Switch while typing ${Date.now()}`);
  await signInAs(page, 'kp', person.email, person.password);
  await page.goto(`/documents/${documentId}`);
  const outputs = at(page, '/description/outputs');
  const typed = 'Outputs typed in English, then the officer switched to Urdu.';
  await outputs.fill(typed);
  await switchLanguage(page, 'ur');
  await expect(page.getByText('منصوبے کا نام').first()).toBeVisible();
  await expect(at(page, '/description/outputs')).toHaveValue(typed);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const saved = await person.api.call<{ data: { description: { outputs: string } } }>(
    'GET',
    `/api/documents/${documentId}`,
  );
  expect(saved.data.description.outputs).toBe(typed);
});
