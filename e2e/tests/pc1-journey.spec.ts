import { expect, test } from '@playwright/test';
import { act, ApiClient, fixture, personAt, samplePdf, saveNow, signIn } from '../support/app';
import { at, differences, fillForm, readValue } from '../support/form-filler';

/*
 * The whole life of a PC-I in the browser, as the three people who handle it would do it: a KP
 * preparer fills an infrastructure PC-I (12 cost rows over 3 years), a reviewer takes it to the
 * forum, an approver approves, and the preparer sees the decision with its forum and rule.
 */
test('a preparer fills and submits a PC-I, a reviewer and an approver take it to approved', async ({
  page,
  browser,
}) => {
  // Every item of a PC-I typed field by field (about 4 minutes on 2 cores, more while another test runs beside it).
  test.setTimeout(480_000);
  const title = `Bahrain–Kalam road rehabilitation ${Date.now()}`;
  const data = fixture('pc1-infrastructure');
  (data.name as Record<string, unknown>).title = title;
  const estimate = (data.capitalCost as { estimate: { rows: { year: string }[] } }).estimate.rows;
  expect(estimate.length).toBeGreaterThanOrEqual(10);
  expect(new Set(estimate.map((r) => r.year)).size).toBeGreaterThanOrEqual(3);

  await signIn(page, 'preparer', 'kp');
  await page.getByRole('link', { name: 'New project' }).first().click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Form').selectOption('pc1-infrastructure');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('document')).toHaveAttribute('data-mode', 'edit');
  const documentUrl = page.url();
  const documentId = documentUrl.split('/documents/')[1];

  // Attachments are filled once the feasibility study is uploaded; everything else now.
  const isAttachment = (_p: string, v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v);
  const filled = await fillForm(page, data, isAttachment);
  expect(filled.size).toBeGreaterThan(150);

  // Totals follow the typing, before any save: row 1's local cost goes up by exactly 1,000.
  const amount = (v: string | boolean) => Number(String(v).replace(/,/g, ''));
  const total = at(page, '/capitalCost/estimate/totals/local');
  const cell = at(page, '/capitalCost/estimate/rows/0/local');
  const original = String(await readValue(cell));
  await expect.poll(async () => amount(await readValue(total))).toBeGreaterThan(0);
  const before = amount(await readValue(total));
  // Computed in the browser by the shared validator, not by a save round trip.
  await expect(page.getByTestId('live-unavailable')).toHaveCount(0);
  await cell.fill('');
  await cell.pressSequentially(String(amount(original) + 1000));
  // Read in one go inside the page: the moment the total shows the new sum, nothing is saved yet.
  const statusWhenSummed = await page.waitForFunction((expected) => {
    const el = document.querySelector('[data-pointer="/capitalCost/estimate/totals/local"]');
    const text = el instanceof HTMLInputElement ? el.value : (el?.textContent ?? '');
    const shown = Number(text.replace(/,/g, ''));
    return Math.abs(shown - expected) < 0.0005
      ? document.querySelector('[data-testid="save-status"]')?.getAttribute('data-status')
      : null;
  }, before + 1000);
  expect(await statusWhenSummed.jsonValue()).toBe('dirty');
  await cell.fill(original);
  await expect.poll(async () => amount(await readValue(total))).toBeCloseTo(before, 3);

  await saveNow(page);
  await page.reload();
  await expect(page.getByTestId('document')).toHaveAttribute('data-mode', 'edit');
  expect(await differences(page, filled)).toEqual([]);

  // The feasibility study, then every attachment item points at it.
  await page.getByLabel('Kind').selectOption('feasibility-study');
  await page
    .getByLabel('File')
    .setInputFiles({ name: 'feasibility-study.pdf', mimeType: 'application/pdf', buffer: samplePdf(title) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('feasibility-study.pdf').first()).toBeVisible();
  for (const [sectionId, section] of Object.entries(data)) {
    for (const [fieldId, value] of Object.entries(section as Record<string, unknown>)) {
      if (!isAttachment('', value)) continue;
      const select = at(page, `/${sectionId}/${fieldId}`);
      if (await select.count()) await select.selectOption({ label: 'feasibility-study.pdf' });
    }
  }
  await saveNow(page);

  await act(page, 'submit');
  await expect(page.getByTestId('document')).toHaveAttribute('data-mode', 'read');
  await expect(page.locator('[data-state="submitted"]').first()).toBeVisible();

  // Review and decision, each by its own person in their own browser.
  const reviewer = await personAt(browser, 'reviewer', 'kp');
  await reviewer.page.goto(documentUrl);
  for (const action of ['start-review', 'forward-to-pnd', 'place-before-forum']) await act(reviewer.page, action);
  await expect(reviewer.page.locator('[data-state="forum"]').first()).toBeVisible();
  await expect(reviewer.page.locator('[data-action="approve"]')).toHaveCount(0);
  await reviewer.context.close();

  const approver = await personAt(browser, 'approver', 'kp');
  await approver.page.goto(documentUrl);
  await act(approver.page, 'approve');
  await expect(approver.page.locator('[data-state="approved"]').first()).toBeVisible();
  await approver.context.close();

  // The preparer sees it approved, with the forum and the rule that sent it there.
  const api = await ApiClient.signIn('preparer', 'kp');
  const decided = await api.call<{ projectId: string; state: string; forum: string }>(
    'GET',
    `/api/documents/${documentId}`,
  );
  expect(decided.state).toBe('approved');
  await page.goto(`/projects/${decided.projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('[data-state="approved"]').first()).toBeVisible();
  await expect(page.getByTestId('project-forum')).toHaveAttribute('data-forum', decided.forum);
  await expect(page.getByTestId('project-forum')).toContainText('Provincial Development Working Party');
  await expect(page.getByTestId('project-rule')).not.toBeEmpty();
  await expect(page.getByTestId('timeline')).toContainText('Demo Approver');
});
