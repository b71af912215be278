import { expect, test } from '@playwright/test';
import { ApiClient, personAt, preparedPcI } from '../support/app';
import { at } from '../support/form-filler';

test('two people edit the same draft: the second save shows the conflict and keeps what was typed', async ({
  browser,
}) => {
  const api = await ApiClient.signIn('preparer', 'kp');
  const { documentId } = await preparedPcI(api, `Conflict test ${Date.now()}`);
  const first = await personAt(browser, 'preparer', 'kp');
  const second = await personAt(browser, 'preparer', 'kp');
  for (const p of [first.page, second.page]) {
    await p.goto(`/documents/${documentId}`);
    await expect(p.getByTestId('document')).toHaveAttribute('data-mode', 'edit');
  }

  const theirs = 'Background as revised by the first officer.';
  await at(first.page, '/description/background').fill(theirs);
  await first.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  const mine = 'Outputs as typed by the second officer while the first was saving.';
  await at(second.page, '/description/outputs').fill(mine);
  await second.page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = second.page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(theirs);
  // While the dialog is open, nothing typed is gone.
  await expect(at(second.page, '/description/outputs')).toHaveValue(mine);
  await dialog.getByRole('button', { name: 'Keep my values' }).click();
  await expect(dialog).toBeHidden();
  await expect(at(second.page, '/description/outputs')).toHaveValue(mine);
  await second.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  const saved = await api.call<{ data: { description: { background: string; outputs: string } } }>(
    'GET',
    `/api/documents/${documentId}`,
  );
  expect(saved.data.description.outputs).toBe(mine);
  // "Keep my values" keeps mine on top of theirs: the first officer's change survives too.
  expect(saved.data.description.background).toBe(theirs);
  await first.context.close();
  await second.context.close();
});
