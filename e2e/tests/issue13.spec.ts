import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PORTFOLIO_COLUMNS } from '../../src/imports/portfolio-template';
import {
  ApiClient,
  newPerson,
  personAt,
  preparedPcI,
  samplePdf,
  signIn,
  signInAs,
  switchLanguage,
  urlOf,
} from '../support/app';
import { seriousViolations } from '../support/axe';
import { exampleRow, portfolioCsv } from '../support/portfolio';

/*
 * Real PC-Is entered cleanly, in the browser: a new PC-I on the 2005 edition; a scrutiny warning
 * shown apart from errors and answered before submission (in Urdu), the reviewer reading the
 * answer; a forum decision recorded for a past date at a cost other than the PC-I's, in the
 * project's approval history (read in Urdu too); and the legacy import's dry-run report.
 */

const ESTIMATE_WARNING = 'estimate-before-preparation@/capitalCost/estimateDate';

/** A calendar day `n` days before today (UTC), YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('a preparer starts a PC-I on the 2005 edition and the document says so', async ({ page }) => {
  const api = await ApiClient.signIn('preparer', 'kp');
  await signIn(page, 'preparer', 'kp');
  await page.getByRole('link', { name: 'New project' }).first().click();
  const title = `Older PC-I entered on its own proforma ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Form').selectOption('pc1-infrastructure');
  // The province's current edition is the default; the help text says what an older one is for.
  const edition = page.getByLabel('Edition');
  await expect(edition).toHaveValue('2024');
  await expect(page.getByText('Choose an older edition only to enter the document of an older project')).toBeVisible();
  await edition.selectOption('2005');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('document')).toHaveAttribute('data-mode', 'edit');
  await expect(page.getByTestId('document-edition')).toHaveAttribute('data-edition', '2005');
  await expect(page.getByTestId('document-edition')).toHaveText('PC-I 2005');

  const documentId = page.url().split('/documents/')[1];
  const doc = await api.call<{ edition: string; formKey: string }>('GET', `/api/documents/${documentId}`);
  expect(doc).toMatchObject({ edition: '2005', formKey: 'pc1-infrastructure-2005' });
});

test(
  'a GB administrator makes the 2005 PC-I the province’s current edition: ' +
    'new GB projects start on it, KP’s do not',
  async ({ page }) => {
    await signIn(page, 'admin', 'gb');
    await page.getByRole('navigation').getByRole('link', { name: 'Proforma editions' }).click();
    const card = page.locator('[data-proforma="pc1-infrastructure"]');
    const select = card.getByLabel('New projects start on');
    await expect(select).toHaveValue('pc1-infrastructure');
    expect(await seriousViolations(page), 'proforma editions').toEqual([]);
    await select.selectOption('pc1-infrastructure-2005');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card).toContainText('Chosen by the province');
    try {
      const gb = await ApiClient.signIn('preparer', 'gb');
      const started = await gb.call<{ document: { id: string } }>('POST', '/api/projects', {
        title: `GB on the 2005 edition ${Date.now()}`,
        formKey: 'pc1-infrastructure',
      });
      expect((await gb.call<{ edition: string }>('GET', `/api/documents/${started.document.id}`)).edition).toBe('2005');
      const kp = await ApiClient.signIn('preparer', 'kp');
      const kpEditions = await kp.call<{ proforma: string; current: string }[]>('GET', '/api/forms/editions');
      expect(kpEditions.find((p) => p.proforma === 'pc1-infrastructure')?.current).toBe('pc1-infrastructure');
    } finally {
      // GB starts on the newest edition again for the other tests.
      const admin = await ApiClient.signIn('admin', 'gb');
      await admin.call('PUT', '/api/forms/editions/pc1-infrastructure', { formKey: 'pc1-infrastructure' });
    }
  },
);

test(
  'Urdu: a warning is shown apart from the errors, ' +
    'must be answered before submission, and the reviewer reads the answer',
  async ({ page, browser }) => {
    const person = await newPerson(['preparer'], 'kp');
    const { documentId } = await preparedPcI(person.api, `Warning answered ${Date.now()}`);
    // The cost estimate dated after the PC-I was prepared: a scrutiny warning, not an error.
    const doc = await person.api.call<{ revision: number; data: { capitalCost: Record<string, unknown> } }>(
      'GET',
      `/api/documents/${documentId}`,
    );
    doc.data.capitalCost.estimateDate = '2025-12-01';
    const saved = await person.api.call<{ valid: boolean; warnings: { key: string }[] }>(
      'PUT',
      `/api/documents/${documentId}`,
      { revision: doc.revision, data: doc.data },
    );
    expect(saved.valid).toBe(true);
    expect(saved.warnings.map((w) => w.key)).toContain(ESTIMATE_WARNING);

    await signInAs(page, 'kp', person.email, person.password);
    await switchLanguage(page, 'ur');
    await page.goto(`/documents/${documentId}`);
    await expect(page.getByTestId('document')).toHaveAttribute('data-mode', 'edit');
    const warning = page.locator(`[data-testid="warning"][data-warning-key="${ESTIMATE_WARNING}"]`);
    await expect(warning).toHaveAttribute('data-answered', 'false');
    await expect(warning).toContainText('لاگت کے تخمینے کی تاریخ پی سی ون کی تاریخِ تیاری کے بعد کی ہے');
    await expect(warning).toContainText('مد'); // "Item …": the proforma's numbering
    // Not counted among the errors.
    await expect(page.locator('.error-summary')).toHaveText('کوئی مسئلہ نہیں: فارم مکمل ہے۔');

    // Submitting with the warning open is refused, naming it.
    await page.locator('[data-action="submit"]').click();
    await expect(page.getByTestId('unanswered-warnings')).toContainText('لاگت کے تخمینے کی تاریخ');
    await page.screenshot({ path: test.info().outputPath('warning-refused-ur.png') });
    expect(await seriousViolations(page), 'editor with warnings (ur)').toEqual([]);
    await expect(page.locator('[data-action="submit"]')).toHaveCount(1);

    const answer =
      'تخمینہ مارکیٹ ریٹ سسٹم 2025 کی نظرِ ثانی کے بعد دوبارہ تیار کیا گیا؛ پی سی ون کی تاریخ وہی رکھی گئی۔';
    await warning.locator('textarea').fill(answer);
    await warning.getByTestId('save-warning-answer').click();
    await expect(warning).toHaveAttribute('data-answered', 'true');
    await expect(warning.getByTestId('warning-answer')).toContainText(answer);

    await page.locator('[data-action="submit"]').click();
    await expect(page.locator('[data-state="submitted"]').first()).toBeVisible();
    await expect(page.getByTestId('document')).toHaveAttribute('data-mode', 'read');

    // The reviewer (in English) sees the warning with the preparer's answer, and no box to answer it.
    const reviewer = await personAt(browser, 'reviewer', 'kp');
    await reviewer.page.goto(`/documents/${documentId}`);
    await expect(reviewer.page.getByTestId('document')).toHaveAttribute('data-mode', 'read');
    const seen = reviewer.page.locator(`[data-testid="warning"][data-warning-key="${ESTIMATE_WARNING}"]`);
    await expect(seen).toContainText('the cost estimate is dated after the date of preparation of the PC-I');
    await expect(seen.getByTestId('warning-answer')).toContainText(answer);
    await expect(seen.locator('textarea')).toHaveCount(0);
    await reviewer.context.close();
  },
);

test(
  'an approver records a past decision at a cost other than the PC-I’s; ' +
    'the project’s approval history shows it, in English and Urdu',
  async ({ page, browser }) => {
    const preparer = await ApiClient.signIn('preparer', 'kp');
    const title = `Approval on record ${Date.now()}`;
    const { projectId, documentId } = await preparedPcI(preparer, title);
    await preparer.call('POST', `/api/documents/${documentId}/actions/submit`, {});
    const reviewer = await ApiClient.signIn('reviewer', 'kp');
    for (const action of ['start-review', 'forward-to-pnd', 'place-before-forum'])
      await reviewer.call('POST', `/api/documents/${documentId}/actions/${action}`, {});
    const { totalCost } = await preparer.call<{ totalCost: string }>('GET', `/api/documents/${documentId}`);
    const decisionDate = daysAgo(45);
    const meetingDate = daysAgo(47);
    const approvedCost = '2950.5';
    expect(Number(approvedCost)).not.toBe(Number(totalCost));

    await signIn(page, 'approver', 'kp');
    await page.goto(`/documents/${documentId}`);
    await page.locator('[data-action="approve"]').click();
    const dialog = page.getByRole('dialog');
    // Defaults: decided today, at the document's own cost (shown beside it).
    await expect(dialog.getByLabel('Approved cost (Rs million)')).toHaveValue(totalCost);
    await expect(dialog.getByTestId('decision-document-cost')).toContainText(
      Number(totalCost).toLocaleString('en-PK', { minimumFractionDigits: 3 }),
    );
    const date = dialog.getByLabel('Decision date');
    await expect(date).not.toHaveValue('');
    // A date in the future is refused at the field, before anything is sent.
    await date.fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog).toContainText('This date is in the future.');
    await date.fill(decisionDate);
    await dialog.getByLabel('Meeting date').fill(meetingDate);
    await dialog.getByLabel('Meeting number').fill('7th PDWP meeting');
    await dialog.getByLabel('Approved cost (Rs million)').fill(approvedCost);
    await dialog.getByLabel('Approved with changes').check();
    await dialog
      .getByLabel('Conditions and changes')
      .fill('Scope limited to the first 30 km; land acquisition before award of works.');
    await dialog.getByLabel('Minutes reference').fill('No. PDWP/7/2026, item 4');
    // The approval letter, filed from the dialog and chosen at once.
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'pdwp-approval-letter.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('PDWP approval letter'),
    });
    await expect(dialog.getByLabel('Approval letter', { exact: true })).not.toHaveValue('');
    await page.screenshot({ path: test.info().outputPath('decision-dialog-en.png') });
    expect(await seriousViolations(page), 'decision dialog').toEqual([]);
    await dialog.getByTestId('confirm-action').click();
    await expect(page.locator('[data-action="approve"]')).toHaveCount(0);
    await expect(page.locator('[data-state="approved"]').first()).toBeVisible();

    await page.goto(`/projects/${projectId}`);
    const record = page.getByTestId('approval-record');
    await expect(record).toHaveCount(1);
    await expect(record).toHaveAttribute('data-decision', 'approved-with-changes');
    await expect(record).toHaveAttribute('data-origin', 'recorded');
    await expect(record.getByTestId('approval-date')).toHaveAttribute('data-date', decisionDate);
    await expect(record.getByTestId('approval-approved-cost')).toContainText('2,950.500');
    await expect(record.getByTestId('approval-document-cost')).toContainText(
      Number(totalCost).toLocaleString('en-PK', { minimumFractionDigits: 3 }),
    );
    await expect(record).toContainText('7th PDWP meeting');
    await expect(page.getByTestId('project-approved-cost')).toContainText('2,950.500');
    const history = await preparer.call<
      {
        decisionDate: string;
        approvedCost: string;
        documentCost: string;
        forum: string;
        letterAttachmentId: string | null;
      }[]
    >('GET', `/api/projects/${projectId}/approvals`);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ decisionDate, documentCost: expect.stringMatching(/^3128\.2/) });
    const attachments = (
      await preparer.call<{ attachments: { id: string; kind: string }[] }>('GET', `/api/documents/${documentId}`)
    ).attachments;
    expect(attachments.find((a) => a.id === history[0].letterAttachmentId)?.kind).toBe('approval-letter');
    expect(Number(history[0].approvedCost)).toBe(2950.5);
    await expect(record.getByTestId('approval-forum')).toHaveAttribute('data-forum', history[0].forum);

    // The project list filters by the approving forum and the approved cost (not the PC-I's).
    const listed = (query: string) =>
      `/projects?q=${encodeURIComponent(title)}&approvedForum=${history[0].forum}&${query}`;
    await page.goto(listed('minApprovedCost=2900&maxApprovedCost=3000'));
    await expect(page.getByTestId('projects-table')).toContainText(title);
    await expect(page.getByTestId('list-approved-cost')).toContainText('2,950.500');
    await expect(page.getByLabel('Approved by')).toHaveValue(history[0].forum);
    await page.goto(listed('minApprovedCost=3100'));
    await expect(page.getByText('No project matches these filters.')).toBeVisible();

    // Read in Urdu by a viewer: the same record under its Urdu heading.
    const viewer = await newPerson(['viewer'], 'kp');
    const context = await browser.newContext();
    const urdu = await context.newPage();
    await signInAs(urdu, 'kp', viewer.email, viewer.password);
    await switchLanguage(urdu, 'ur');
    await urdu.goto(urlOf('kp', `/projects/${projectId}`));
    await expect(urdu.getByRole('heading', { name: 'منظوریوں کا ریکارڈ' })).toBeVisible();
    await expect(urdu.getByTestId('approval-record')).toContainText('ترامیم کے ساتھ منظور');
    await expect(urdu.getByTestId('approval-approved-cost')).toContainText('2,950.500');
    expect(await seriousViolations(urdu), 'project with its approval history (ur)').toEqual([]);
    await urdu.getByTestId('approval-history').screenshot({ path: test.info().outputPath('approval-history-ur.png') });
    await context.close();
  },
);

test(
  'an administrator downloads the import template, checks a file with a ' +
    'dry run (a row-by-row report, nothing written), then imports it once',
  async ({ page }) => {
    const stamp = Date.now();
    await signIn(page, 'admin', 'kp');
    await page.getByRole('navigation').getByRole('link', { name: 'Import projects' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import existing projects' })).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv').click()]);
    const header = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
    const columns = header.split(',').map((c) => c.replace(/^"|"$/g, ''));
    expect(columns).toEqual(PORTFOLIO_COLUMNS.map((c) => c.key));

    // Two projects as the template's example with this province's codes: one sound, one decided on a day that has not
    // come.
    const admin = await ApiClient.signIn('admin', 'kp');
    const example = await exampleRow(admin);
    const good = `Dry-run road ${stamp}`;
    const csv = portfolioCsv(
      [
        { ...example, projectKey: `E2E-${stamp}-A`, title: good },
        { ...example, projectKey: `E2E-${stamp}-B`, title: `Refused road ${stamp}`, decisionDate: '2999-01-01' },
      ],
      columns,
    );
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'portfolio.csv', mimeType: 'text/csv', buffer: csv });
    await expect(page.getByTestId('import-run')).toBeDisabled();
    await page.getByTestId('import-dry-run').click();

    const report = page.getByTestId('import-report');
    await expect(report).toHaveAttribute('data-dry-run', 'true');
    await expect(report).toHaveAttribute('data-refused', '1');
    const refused = page.getByTestId('import-refused').locator('tbody tr');
    await expect(refused).toHaveCount(1);
    await expect(refused.first()).toHaveAttribute('data-row', '3');
    await expect(refused.first()).toHaveAttribute('data-column', 'decisionDate');
    await expect(refused.first()).toContainText(`E2E-${stamp}-B`);
    await expect(page.getByTestId('import-counts').locator('[data-count="created"]')).toHaveAttribute(
      'data-value',
      '1',
    );
    await expect(page.getByTestId('import-counts').locator('[data-count="refused"]')).toHaveAttribute(
      'data-value',
      '1',
    );
    await expect(page.getByTestId('import-run')).toBeEnabled();
    expect(await seriousViolations(page), 'import report').toEqual([]);

    // A dry run writes nothing.
    const found = await admin.call<{ total: number }>('GET', `/api/projects?q=${encodeURIComponent(good)}`);
    expect(found.total).toBe(0);

    // Importing writes the sound project and leaves the refused one out; checking the same file again finds it
    // unchanged.
    await page.getByTestId('import-run').click();
    await expect(report).toHaveAttribute('data-dry-run', 'false');
    await expect(page.getByTestId('import-counts').locator('[data-count="created"]')).toHaveAttribute(
      'data-value',
      '1',
    );
    expect((await admin.call<{ total: number }>('GET', `/api/projects?q=${encodeURIComponent(good)}`)).total).toBe(1);
    await expect(page.getByTestId('import-run')).toBeDisabled();
    await page.getByTestId('import-dry-run').click();
    await expect(report).toHaveAttribute('data-dry-run', 'true');
    await expect(page.getByTestId('import-counts').locator('[data-count="unchanged"]')).toHaveAttribute(
      'data-value',
      '1',
    );
    await expect(page.getByTestId('import-counts').locator('[data-count="created"]')).toHaveAttribute(
      'data-value',
      '0',
    );

    // The same report in Urdu.
    await switchLanguage(page, 'ur');
    await expect(report).toContainText('آزمائشی جانچ: درآمد کیا کرے گی');
    await expect(report).toContainText('مسترد سطریں');
    // The demo admin's language is the account's: leave it as other specs expect it.
    await switchLanguage(page, 'en');
  },
);
