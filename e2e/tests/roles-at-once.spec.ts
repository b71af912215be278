import { expect, test } from '@playwright/test';
import { ApiClient, newPerson, signInAs } from '../support/app';

/*
 * Issue 16 §3 in the browser: an administrator changes a signed-in person's roles, and the person's
 * screen follows on their next click, without a reload (the server refuses the old token with
 * `token-stale`, the app renews it and reads the account again); disabled, the person is signed out.
 */
test('a demoted administrator loses the administration menu on the next click; disabled, is signed out', async ({
  page,
}) => {
  const person = await newPerson(['tenant_admin', 'preparer'], 'kp', 'Demoted Officer');
  const admin = await ApiClient.signIn('admin', 'kp');
  const found = await admin.call<{ items: Array<{ id: string }> }>(
    'GET',
    `/api/users?q=${encodeURIComponent(person.email)}`,
  );
  const id = found.items[0].id;

  await signInAs(page, 'kp', person.email, person.password);
  const navigation = page.getByRole('navigation');
  await expect(navigation.getByRole('link', { name: 'Users' }).first()).toBeVisible();

  await admin.call('PATCH', `/api/users/${id}`, { roles: ['preparer'] });
  await navigation.getByRole('link', { name: 'Projects' }).first().click();
  await expect(navigation.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Projects' }).first()).toBeVisible();
  const ended = page.getByText('Your session has ended. Please sign in again.');
  await expect(ended).toHaveCount(0);

  await admin.call('POST', `/api/users/${id}/disable`);
  await navigation.getByRole('link', { name: 'My work' }).first().click();
  await expect(ended).toBeVisible();
  await expect(page.locator('input[autocomplete="current-password"]')).toBeVisible();
});
