import { expect, test } from '@playwright/test';
import { newPerson, preparedPcI, signInAs, switchLanguage } from '../support/app';

test('Urdu: the switch turns the app right-to-left, shows the PC-I in Urdu and sets it in Nastaliq', async ({ page }) => {
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
  const font = await page.getByText('منصوبے کا نام').first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('Noto Nastaliq Urdu');
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', 'منصوبہ'))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('urdu-editor.png') });

  // The language stays with the user: stored on the account.
  const me = await api.call<{ locale: string }>('GET', '/api/me');
  expect(me.locale).toBe('ur');
});
