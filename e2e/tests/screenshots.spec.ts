import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ApiClient, newPerson, preparedPcI, submitSignIn, switchLanguage } from '../support/app';
import { exampleRow, portfolioCsv } from '../support/portfolio';

/*
 * The README's pictures: every main screen in English and Urdu, taken by this run from the real
 * app (never edited by hand). `npm run screenshots` runs this file alone.
 */
const OUT = path.join(__dirname, '..', '..', 'docs', 'screenshots');

test('screenshots of the main screens in English and Urdu', async ({ page }) => {
  test.setTimeout(240_000);
  const person = await newPerson(['preparer'], 'kp', 'Sana Gul');
  const approved = await preparedPcI(
    person.api,
    'Rehabilitation and Widening of Bahrain–Kalam Road (34 km), District Swat',
  );
  await person.api.call('POST', `/api/documents/${approved.documentId}/actions/submit`, {});
  const reviewer = await ApiClient.signIn('reviewer', 'kp');
  for (const action of ['start-review', 'forward-to-pnd', 'place-before-forum']) {
    await reviewer.call('POST', `/api/documents/${approved.documentId}/actions/${action}`, {
      comment: action === 'forward-to-pnd' ? 'Scrutinised by the department; rates as per MRS 2025.' : undefined,
    });
  }
  const approver = await ApiClient.signIn('approver', 'kp');
  // Decided in a meeting weeks ago, at a cost below the PC-I's: the approval record keeps both.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  await approver.call('POST', `/api/documents/${approved.documentId}/actions/approve`, {
    comment: 'Approved in the PDWP meeting.',
    decision: {
      decisionDate: daysAgo(20),
      meetingDate: daysAgo(21),
      meetingNumber: '7th PDWP meeting 2026-27',
      approvedCost: '3050',
      outcome: 'approved-with-changes',
      conditions: 'Retaining walls in Kalam valley to be redesigned before tender.',
      minutesReference: 'No. PDWP/2026-27/7, item 12',
    },
  });
  const draft = await preparedPcI(person.api, 'Solarisation of Basic Health Units, District Chitral');
  // A scrutiny warning on the draft (the cost estimate dated after the PC-I), answered.
  const open = await person.api.call<{ revision: number; data: { capitalCost: Record<string, unknown> } }>(
    'GET',
    `/api/documents/${draft.documentId}`,
  );
  open.data.capitalCost.estimateDate = '2025-12-01';
  await person.api.call('PUT', `/api/documents/${draft.documentId}`, { revision: open.revision, data: open.data });
  await person.api.call('POST', `/api/documents/${draft.documentId}/warning-answers`, {
    key: 'estimate-before-preparation@/capitalCost/estimateDate',
    answer:
      'Rates updated to the Market Rate System 2025 (second half) after the PC-I was prepared; the PC-I date is kept.',
  });
  // An administrator's dry run of a portfolio file: one sound row, one refused.
  const admin = await newPerson(['tenant_admin'], 'kp', 'Imran Khattak');
  const example = await exampleRow(admin.api);
  const portfolio = portfolioCsv([
    { ...example, projectKey: 'KP-ADP-190571' },
    {
      ...example,
      projectKey: 'KP-ADP-190588',
      title: 'Dualization of Mardan–Swabi road (28 km)',
      decisionDate: '2999-02-27',
    },
  ]);

  for (const locale of ['en', 'ur'] as const) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/sign-in');
    await switchLanguage(page, locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(OUT, `sign-in-${locale}.png`) });
    await submitSignIn(page, person.email, person.password);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);

    const shots: [string, string, string][] = [
      ['my-work', '/', 'work-drafts'],
      // Searched, so projects other browser tests made at the same time stay out of the picture.
      ['projects', '/projects?q=District', 'projects-list'],
      ['project', `/projects/${approved.projectId}`, 'timeline'],
      ['editor', `/documents/${draft.documentId}`, 'document'],
      ['history', `/documents/${approved.documentId}/history`, 'history'],
      ['profile', '/profile', 'profile'],
    ];
    for (const [name, route, testId] of shots) {
      await page.goto(route);
      await page.getByTestId(testId).first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(OUT, `${name}-${locale}.png`) });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/documents/${approved.documentId}`);
    await page.getByTestId('document').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(OUT, `phone-document-${locale}.png`) });
    await page.setViewportSize({ width: 1366, height: 768 });

    // Parts of screens: the project's approval history and the editor's warnings.
    await page.goto(`/projects/${approved.projectId}`);
    await page.getByTestId('approval-record').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page
      .locator('section[aria-labelledby="project-approvals-title"]')
      .screenshot({ path: path.join(OUT, `approvals-${locale}.png`) });
    await page.goto(`/documents/${draft.documentId}`);
    await page.getByTestId('warning').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.getByTestId('warnings').screenshot({ path: path.join(OUT, `warnings-${locale}.png`) });
    await page.context().clearCookies();

    // The import screen, as the administrator sees it after a dry run.
    await page.goto('/sign-in');
    await submitSignIn(page, admin.email, admin.password);
    await switchLanguage(page, locale);
    await page.goto('/admin/import');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'kp-portfolio.csv', mimeType: 'text/csv', buffer: portfolio });
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-report').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(OUT, `import-${locale}.png`), fullPage: true });
    await page.context().clearCookies();
  }
});
