import { expect, test } from '@playwright/test';
import { ApiClient, preparedPcI, signIn } from '../support/app';
import { formRendered } from '../support/form-filler';

test('a viewer sees projects and documents but no edit or action buttons', async ({ page }) => {
  const preparer = await ApiClient.signIn('preparer', 'kp');
  const title = `Viewer test ${Date.now()}`;
  // A draft: editable in its state, so only the viewer's role keeps the inputs away.
  const { documentId, projectId } = await preparedPcI(preparer, title);

  await signIn(page, 'viewer', 'kp');
  await expect(page.getByRole('link', { name: 'New project' })).toHaveCount(0);
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goto(`/documents/${documentId}`);
  const document = page.getByTestId('document');
  await expect(document).toHaveAttribute('data-mode', 'read');
  await expect(document).toContainText(title);
  await formRendered(page);
  // Every section is there, shown as text: the checks below are not vacuous.
  await expect(page.locator('[data-section-block]')).not.toHaveCount(0);
  await expect(page.locator('[data-action]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Upload' })).toHaveCount(0);
  await expect(
    page.locator(
      '[data-pointer]:is(input:not([readonly]):not([disabled]), ' +
        'textarea:not([readonly]):not([disabled]), select:not([disabled]))',
    ),
  ).toHaveCount(0);

  const viewer = await ApiClient.signIn('viewer', 'kp');
  const seen = await viewer.call<{ actions: unknown[] }>('GET', `/api/documents/${documentId}`);
  expect(seen.actions).toEqual([]);
});
