import { expect, test } from '@playwright/test';
import { ApiClient } from '../support/app';

test('an invitation link from the API: set a password, then sign in with it', async ({ page }) => {
  const admin = await ApiClient.signIn('admin', 'kp');
  const email = `officer.${Date.now()}@kp.daftar.local`;
  const { invitation } = await admin.call<{ invitation: { link: string } }>('POST', '/api/users', {
    email,
    name: 'Ayesha Khan',
    roles: ['viewer'],
  });
  const link = new URL(invitation.link);
  expect(link.pathname).toBe('/accept-invitation');

  await page.goto(`${link.pathname}${link.search}`);
  const password = 'Swat valley roads 2026';
  // Too short: refused in place, with the rule it breaks, and nothing is sent.
  await page.getByLabel('New password').fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/accept-invitation/);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByRole('link', { name: 'Sign in' }).click();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'My work' }).first()).toBeVisible();

  // The link was spent.
  await page.context().clearCookies();
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel('New password').fill('Another long passphrase');
  await page.getByLabel('Confirm password').fill('Another long passphrase');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toContainText('has been used already');
});
