import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ApiClient, preparedPcI, signIn } from '../support/app';
import { formRendered } from '../support/form-filler';

test('PDF / Print downloads the official PDF of a document, rendered by the worker', async ({ page }) => {
  const preparer = await ApiClient.signIn('preparer', 'kp');
  const title = `Print test ${Date.now()}`;
  const { documentId } = await preparedPcI(preparer, title);

  await signIn(page, 'viewer', 'kp');
  await page.goto(`/documents/${documentId}`);
  await formRendered(page);
  await page.getByTestId('print-button').click();
  // The worker renders it first (a few seconds); the page waits and downloads it by itself.
  const downloading = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByTestId('print-en').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\(en\)\.pdf$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(10_000);
});
