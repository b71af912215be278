import { expect, test } from '@playwright/test';
import { act, ApiClient, personAt, preparedPcI, saveNow } from '../support/app';
import { at } from '../support/form-filler';

test('a reviewer returns a PC-I with a comment; the preparer sees it, fixes and resubmits', async ({ browser }) => {
  const preparerApi = await ApiClient.signIn('preparer', 'kp');
  const title = `Return test ${Date.now()}`;
  const { documentId } = await preparedPcI(preparerApi, title);
  await preparerApi.call('POST', `/api/documents/${documentId}/actions/submit`, {});
  const comment = `Unit rates of item 3 to be rechecked against the 2025 schedule (${Date.now()})`;

  const reviewer = await personAt(browser, 'reviewer', 'kp');
  await reviewer.page.goto(`/documents/${documentId}`);
  await act(reviewer.page, 'start-review');
  await expect(reviewer.page.locator('[data-state="department-review"]').first()).toBeVisible();
  await reviewer.page.locator('[data-action="return"]').click();
  const dialog = reviewer.page.getByRole('dialog');
  // The comment is required: confirming without one is refused in place.
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Comment').fill(comment);
  await dialog.getByTestId('confirm-action').click();
  await expect(reviewer.page.locator('[data-state="returned"]').first()).toBeVisible();
  await reviewer.context.close();

  const preparer = await personAt(browser, 'preparer', 'kp');
  const returned = preparer.page.getByTestId('work-returned');
  await expect(returned).toContainText(comment);
  await returned.getByRole('link', { name: title }).click();
  await expect(preparer.page.getByTestId('document')).toHaveAttribute('data-mode', 'edit');
  await expect(preparer.page.getByTestId('document')).toContainText(comment);

  const description = at(preparer.page, '/description/justification');
  await description.fill(`${await description.inputValue()} Unit rates rechecked against the 2025 schedule.`);
  await saveNow(preparer.page);
  await act(preparer.page, 'submit');
  await expect(preparer.page.locator('[data-state="submitted"]').first()).toBeVisible();
  await preparer.context.close();

  const after = await preparerApi.call<{ state: string; data: { description: { justification: string } } }>(
    'GET',
    `/api/documents/${documentId}`,
  );
  expect(after.state).toBe('submitted');
  expect(after.data.description.justification).toContain('Unit rates rechecked against the 2025 schedule.');
});
