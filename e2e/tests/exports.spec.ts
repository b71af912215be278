import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { ApiClient, newPerson, preparedPcI, signIn, signInAs, switchLanguage, urlOf } from '../support/app';
import { formRendered } from '../support/form-filler';

test('Export: the filtered project list as XLSX, a document table as CSV, and in Urdu a right-to-left sheet', async ({
  page,
  browser,
}) => {
  const preparer = await ApiClient.signIn('preparer', 'kp');
  const title = `Export check ${Date.now()}`;
  const { documentId } = await preparedPcI(preparer, title);

  await signIn(page, 'viewer', 'kp');
  // The title words filter the list to this one project; the export takes the same filters.
  await page.goto(`/projects?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId('projects-table')).toContainText(title);
  await page.getByTestId('export-button').click();
  const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(list.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await list.path());
  const sheet = workbook.worksheets[0];
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(1).getCell(1).value).toBe('Title');
  expect(sheet.getRow(2).getCell(1).value).toBe(title);

  await page.goto(`/documents/${documentId}`);
  await formRendered(page);
  await page.getByTestId('export-button').click();
  const [table] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Year-wise phasing/ }).click(),
  ]);
  const csv = readFileSync(await table.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.subarray(3).toString('utf8').split('\r\n')[0]).toContain('Financial year');

  // Urdu: a person of their own, since the language choice is stored on the account.
  const person = await newPerson(['viewer'], 'kp');
  const context = await browser.newContext();
  const urdu = await context.newPage();
  await signInAs(urdu, 'kp', person.email, person.password);
  await switchLanguage(urdu, 'ur');
  await urdu.goto(urlOf('kp', `/projects?q=${encodeURIComponent(title)}`));
  await urdu.getByRole('button', { name: 'ایکسپورٹ' }).click();
  const [ur] = await Promise.all([
    urdu.waitForEvent('download'),
    urdu.getByRole('menuitem', { name: 'ایکسل (XLSX)' }).click(),
  ]);
  const urBook = new ExcelJS.Workbook();
  await urBook.xlsx.readFile(await ur.path());
  expect(urBook.worksheets[0].views[0].rightToLeft).toBe(true);
  expect(urBook.worksheets[0].getRow(1).getCell(1).value).toBe('عنوان');
  await context.close();
});
