import { expect, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newPerson, signInAs, submitSignIn, switchLanguage } from '../support/app';
import { seriousViolations } from '../support/axe';
import { waitForMail } from '../support/mail';

/*
 * Issue 14, the province administration's people screens: invite by mail and sign in with the
 * role given, the administrator guard explained, a district added with its Urdu name, the audit
 * log filtered and exported. Each test signs in an administrator of its own (a KP tenant_admin):
 * switching the language is stored on the account, and the demo admin is shared with other specs.
 */

test.describe.configure({ mode: 'serial' });

async function adminPage(page: Page, path: string): Promise<string> {
  const admin = await newPerson(['tenant_admin'], 'kp', 'People Spec Admin');
  await signInAs(page, 'kp', admin.email, admin.password);
  await page.goto(path);
  return admin.email;
}

test('an admin invites a reviewer; the mailed link sets a password; they sign in', async ({ page, browser }) => {
  await adminPage(page, '/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const email = `reviewer.${Date.now()}@kp.daftar.local`;
  await page.getByTestId('invite-open').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('user-email').fill(email);
  await dialog.getByTestId('user-name').fill('Rukhsana Bibi');
  // The default role (viewer) replaced by reviewer: clicking a chosen option unchooses it.
  await dialog.locator('.mantine-MultiSelect-input').click();
  await page.getByRole('option', { name: 'Viewer', exact: true }).click();
  await page.getByRole('option', { name: 'Reviewer', exact: true }).click();
  await dialog.getByRole('heading', { name: 'Invite a user' }).click();
  await expect(dialog.locator('.mantine-MultiSelect-input')).toContainText('Reviewer');
  await expect(dialog.locator('.mantine-MultiSelect-input')).not.toContainText('Viewer');
  await dialog.getByTestId('invite-send').click();

  // The link is shown to copy, and the same link arrives by mail.
  const shown = await page.getByTestId('one-time-link-value').inputValue();
  await expect(page.getByTestId('one-time-link')).toContainText(email);
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText('Invited');
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText('Reviewer');
  const mail = await waitForMail(email, /invitation/i);
  const link = new URL(mail.links.find((l) => l.includes('/accept-invitation'))!);
  expect(link.href).toBe(shown);
  expect(link.hostname).toBe('kp.localhost');

  // The invitee, on a computer of their own.
  const context = await browser.newContext({ locale: 'en-GB' });
  const invitee = await context.newPage();
  await invitee.goto(`${link.pathname}${link.search}`);
  const password = 'Reviewer passphrase 2026';
  await invitee.getByLabel('New password').fill(password);
  await invitee.getByLabel('Confirm password').fill(password);
  await invitee.getByRole('button', { name: 'Set password' }).click();
  await invitee.getByRole('link', { name: 'Sign in' }).click();
  await submitSignIn(invitee, email, password);
  // A reviewer's screens: no administration, the role on the profile.
  await expect(invitee.getByRole('heading', { name: 'Administration' })).toHaveCount(0);
  await expect(invitee.getByRole('navigation').getByRole('link', { name: 'Users' })).toHaveCount(0);
  await invitee.goto('/profile');
  await expect(invitee.getByText('Reviewer', { exact: true }).first()).toBeVisible();
  await expect(invitee.getByText('Province administrator', { exact: true })).toHaveCount(0);
  await context.close();
});

test('the administrator guard: disabling oneself is refused, with why and what to do', async ({ page }) => {
  const email = await adminPage(page, '/admin/users');
  await page.getByTestId('users-search').fill(email);
  const me = page.locator(`tr[data-email="${email}"]`);
  await me.getByTestId('user-disable').click();
  const guard = page.getByTestId('admin-guard');
  await expect(guard).toContainText('The province must keep an administrator');
  await expect(guard).toContainText('Make another user a province administrator first');
  await expect(me).toContainText('Active');
});

test('master data: a district added with its Urdu name appears in the list', async ({ page }) => {
  await adminPage(page, '/admin/master-data');
  const code = `e2e-district-${Date.now()}`;
  const list = page.getByTestId('master-list-districts');
  await list.getByTestId('master-add').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('master-code').fill(code);
  await dialog.getByTestId('master-name-en').fill('Upper Test Valley');
  await dialog.getByTestId('master-name-ur').fill('بالائی وادی');
  await dialog.getByTestId('master-save').click();
  await expect(dialog).toHaveCount(0);
  const row = list.locator(`tr[data-code="${code}"]`);
  await expect(row).toContainText('Upper Test Valley');
  await expect(row).toContainText('بالائی وادی');
  await expect(row).toContainText('Active');
});

test('audit log: filter by action and export the filtered log as CSV', async ({ page }) => {
  await adminPage(page, '/admin/audit');
  const action = page.getByTestId('audit-action');
  await action.click();
  await action.fill('user.invited');
  await page.getByRole('option', { name: 'user.invited', exact: true }).click();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  const shown = () => rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-action')))]);
  await expect.poll(shown).toEqual(['user.invited']);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('at,actorType,actorEmail,actorId,action,targetType,targetId,ip,requestId,details');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line.split(',')[4]).toBe('user.invited');
});

test('the people screens in English and Urdu: no serious accessibility violation; screenshots', async ({ page }) => {
  await adminPage(page, '/admin/users');
  const screens = [
    ['/admin/users', 'admin-users', 'users-table'],
    ['/admin/departments', 'admin-departments', 'departments-table'],
    ['/admin/master-data', 'admin-master-data', 'master-list-districts'],
    ['/admin/audit', 'admin-audit', 'audit-table'],
  ] as const;
  for (const locale of ['en', 'ur'] as const) {
    if (locale === 'ur') await switchLanguage(page, 'ur');
    for (const [path, name, ready] of screens) {
      await page.goto(path);
      await expect(page.getByTestId(ready)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await page.evaluate(() => document.fonts.ready);
      expect(await seriousViolations(page), `${path} (${locale})`).toEqual([]);
      await page.screenshot({ path: `docs/screenshots/${name}${locale === 'ur' ? '-ur' : ''}.png` });
    }
  }
});
