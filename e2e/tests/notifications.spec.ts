import { expect, test } from '@playwright/test';
import { ApiClient, personAt, preparedPcI } from '../support/app';

test('the bell shows a submission to the reviewer and opens the document; the profile keeps the mail choice', async ({
  browser,
}) => {
  const preparerApi = await ApiClient.signIn('preparer', 'kp');
  const title = `Bell test ${Date.now()}`;
  const { documentId } = await preparedPcI(preparerApi, title);
  await preparerApi.call('POST', `/api/documents/${documentId}/actions/submit`, {});

  const reviewer = await personAt(browser, 'reviewer', 'kp');
  const bell = reviewer.page.getByTestId('notification-bell');
  // Other specs run beside this one, so the count is checked as "some unread", not a number.
  await expect(bell).toHaveAttribute('aria-label', /Notifications, \d+ unread/);
  await bell.click();
  const item = reviewer.page.getByTestId('notification-item').filter({ hasText: title });
  await expect(item).toContainText(`Submitted for review: PC-I “${title}”`);
  await item.click();
  await expect(reviewer.page).toHaveURL(new RegExp(`/documents/${documentId}$`));
  await bell.click();
  // Opened means read.
  await expect(reviewer.page.getByTestId('notification-item').filter({ hasText: title })).not.toContainText('Unread');
  await reviewer.context.close();

  const approver = await personAt(browser, 'approver', 'kp');
  await approver.page.goto('/profile');
  await approver.page.getByLabel('One summary a day').check();
  await approver.page.getByRole('button', { name: 'Save email choice' }).click();
  await expect(approver.page.getByText('Your email choice has been saved.')).toBeVisible();
  await approver.page.reload();
  await expect(approver.page.getByLabel('One summary a day')).toBeChecked();
  // Back as it was, for the other specs' demo approver.
  await approver.page.getByLabel('Each message as it happens').check();
  await approver.page.getByRole('button', { name: 'Save email choice' }).click();
  await expect(approver.page.getByText('Your email choice has been saved.')).toBeVisible();
  await approver.context.close();
});
