import { expect, Locator, Page, test } from '@playwright/test';
import { ApiClient, newPerson, personAt, signInAs, switchLanguage, urlOf } from '../support/app';
import { seriousViolations } from '../support/axe';

/*
 * The form studio (web/src/admin/studio): GB's administrator adds a field to GB's PC-I through the
 * studio's inputs, sees it in the live preview, publishes it with notes and compares the versions;
 * a GB preparer's new document has the field, KP's PC-I does not. Hiding a field the Planning
 * Commission locks is refused with its reason next to the change. Screenshots in both languages.
 */

const FORM = 'pc1-infrastructure';
const LABEL_EN = 'GB Council approval reference';
const LABEL_UR = 'گلگت بلتستان کونسل منظوری حوالہ';
const FIELD = 'name.gbCouncilApprovalReference';
const NOTES = 'GB Council approval reference on every PC-I (GB P&DD order 2026/14)';

/** Picks an option of a Mantine Select by typing part of it. */
async function choose(scope: Locator, label: string, search: string, option: string | RegExp): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(search);
  // Mantine's options (the page's native <select>s have options of the same names).
  const exact = typeof option === 'string' ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
  await scope.page().locator('[data-combobox-option]').filter({ hasText: exact }).first().click();
}

/** A screenshot with `top` at the top of the screen, once the toasts (published, saved …) are gone. */
async function shot(page: Page, top: Locator, name: string): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await top.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -72)); // clear of the sticky header
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** Adds "hide the project's name" (locked by the Planning Commission) and waits for the refusal. */
interface HideWords {
  kind: string;
  item: string;
  search: string;
  option: RegExp;
}

async function hideLockedTitle(page: Page, words: HideWords): Promise<Locator> {
  const { kind, item, search, option } = words;
  const editor = page.getByTestId('studio-editor');
  await editor.getByLabel(kind, { exact: true }).selectOption('hide');
  await choose(editor, item, search, option);
  await page.getByTestId('studio-add-operation').click();
  const refused = page.locator('[data-testid="studio-operation"][data-op="hide"]');
  await expect(refused).toHaveAttribute('data-refused', 'true');
  return refused;
}

const TITLE =
  'GB’s admin adds a field to its PC-I in the studio and publishes it; GB documents get it, KP’s do not; ' +
  'a locked field cannot be hidden';

test(TITLE, async ({ page, browser }) => {
  const admin = await newPerson(['tenant_admin'], 'gb', 'Shabnam Baig');
  await signInAs(page, 'gb', admin.email, admin.password);
  await page.goto(urlOf('gb', `/admin/forms/${FORM}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Form studio' })).toBeVisible();
  const preview = page.getByTestId('studio-preview');
  // The first section of the base form (the cover) until a change brings its own section.
  await expect(preview.locator('.form-section').first()).toBeVisible();

  // Add a text field to section 1, after the project's name, in both languages.
  const editor = page.getByTestId('studio-editor');
  await editor.getByLabel('Change', { exact: true }).selectOption('addField');
  await choose(editor, 'Section', 'Name of the project', '1. Name of the project');
  await editor.getByLabel('Position').selectOption('title');
  await editor.getByLabel('Label in English').fill(LABEL_EN);
  await editor.getByLabel('Label in Urdu').fill(LABEL_UR);
  await expect(editor.getByLabel('Data key')).toHaveValue('gbCouncilApprovalReference');
  await page.getByTestId('studio-add-operation').click();
  // The live preview draws it with the editor's own renderer, in the section it was added to.
  await expect(preview.getByRole('heading', { name: /Name of the project/ })).toBeVisible();
  await expect(preview.getByLabel(LABEL_EN)).toBeVisible();
  await expect(page.getByTestId('studio-preview-status')).toHaveAttribute('data-updating', 'false');

  // Hiding a locked field is refused, with the reason beside the change.
  const option = /^Name of the project \(locked\)$/;
  const refused = await hideLockedTitle(page, { kind: 'Change', item: 'Item', search: 'Name of the project', option });
  await expect(refused.getByTestId('studio-refusal')).toContainText('locked by the Planning Commission');
  // …and the API's own reason.
  const reason = 'name.title is locked: the Planning Commission requires it';
  await expect(refused.getByTestId('studio-refusal')).toContainText(reason);
  await expect(page.getByTestId('studio-publish-button')).toBeDisabled();
  await expect(page.getByTestId('studio-refused-summary')).toBeVisible();
  expect(await seriousViolations(page), 'form studio').toEqual([]);
  await shot(page, editor, 'admin-form-studio');

  // Without the refused change the draft publishes, with notes.
  await page.getByRole('button', { name: 'Remove change 2' }).click();
  await expect(page.getByTestId('studio-refused-summary')).toHaveCount(0);
  await page.getByLabel('Notes for this version').fill(NOTES);
  await page.getByTestId('studio-publish-button').click();
  await expect(page.getByTestId('studio-draft-status')).toContainText(/same as version \d+/);

  // History and the side-by-side comparison: the new field, both labels, highlighted as added.
  await page.getByRole('tab', { name: 'Versions and comparison' }).click();
  await expect(page.getByTestId('studio-version').first()).toContainText(NOTES);
  const added = page.locator(`[data-testid="studio-diff-row"][data-address="${FIELD}"]`);
  await expect(added).toHaveAttribute('data-change', 'added');
  await expect(added).toContainText(LABEL_EN);
  await expect(added).toContainText(LABEL_UR);
  await shot(page, page.getByRole('heading', { name: 'Compare two versions' }), 'admin-form-diff');

  await switchLanguage(page, 'ur');
  await expect(page.getByRole('heading', { level: 1, name: 'فارم اسٹوڈیو' })).toBeVisible();
  await expect(page.getByTestId('studio-diff-added')).toContainText('1');
  await shot(page, page.getByRole('heading', { name: 'دو ورژنوں کا موازنہ' }), 'admin-form-diff-ur');
  await page.getByRole('tab', { name: 'ڈھالیں' }).click();
  await expect(preview.getByLabel(LABEL_UR)).toBeVisible();
  const wordsUr = { kind: 'تبدیلی', item: 'مد', search: 'منصوبے کا نام', option: /^منصوبے کا نام \(مقفل\)$/ };
  const refusedUr = await hideLockedTitle(page, wordsUr);
  await expect(refusedUr.getByTestId('studio-refusal')).toContainText('پلاننگ کمیشن نے یہ مد مقفل کی ہے');
  await shot(page, page.getByTestId('studio-editor'), 'admin-form-studio-ur');

  // A GB preparer's new PC-I has the field (the same edition as the studio's form, explicitly:
  // another test may briefly make the 2005 edition GB's default).
  const gb = await ApiClient.signIn('preparer', 'gb');
  const gbProject = { title: `Studio field ${Date.now()}`, formKey: FORM, edition: '2024' };
  const started = await gb.call<{ document: { id: string } }>('POST', '/api/projects', gbProject);
  const preparer = await personAt(browser, 'preparer', 'gb');
  await preparer.page.goto(urlOf('gb', `/documents/${started.document.id}`));
  await expect(preparer.page.getByTestId('document')).toHaveAttribute('data-mode', 'edit');
  await expect(preparer.page.getByLabel(LABEL_EN)).toBeVisible();
  await preparer.context.close();

  // KP's PC-I is untouched: a new KP document's version has no such field.
  const kp = await ApiClient.signIn('preparer', 'kp');
  const kpProject = { title: `KP untouched ${Date.now()}`, formKey: FORM, edition: '2024' };
  const kpStarted = await kp.call<{ document: { id: string } }>('POST', '/api/projects', kpProject);
  const kpDoc = await kp.call<{ formVersion: { number: number } }>('GET', `/api/documents/${kpStarted.document.id}`);
  type Version = { number: number; labels: Record<string, string> };
  const kpVersion = await kp.call<Version>('GET', `/api/forms/${FORM}/versions/current?locale=en`);
  expect(kpVersion.number).toBe(kpDoc.formVersion.number);
  expect(Object.values(kpVersion.labels)).not.toContain(LABEL_EN);
  expect(Object.keys(kpVersion.labels)).not.toContain('/name/gbCouncilApprovalReference');
});

test('a base upgrade shows what still applies and moves the draft to the newer base form', async ({ page }) => {
  // GB's revised PC-I customised on its first base version (1.0.0), before 1.1.0 shipped.
  const admin = await newPerson(['tenant_admin'], 'gb', 'Karim Hunzai');
  const relabel = { op: 'relabel', target: 'name.title', label: { en: 'Title of the project (GB)' } };
  const overlay = { baseVersion: '1.0.0', operations: [relabel] };
  await admin.api.call('PUT', '/api/forms/pc1-revised/overlay', overlay);
  await signInAs(page, 'gb', admin.email, admin.password);
  await page.goto(urlOf('gb', '/admin/forms/pc1-revised?tab=upgrade'));
  const upgrade = page.getByTestId('studio-upgrade');
  await expect(upgrade.getByRole('heading', { name: 'Still applies (1)' })).toBeVisible();
  await expect(upgrade.getByTestId('studio-upgrade-applies')).toContainText('name.title');
  await expect(upgrade.getByRole('heading', { name: 'No longer applies (0)' })).toBeVisible();
  await upgrade.getByRole('button', { name: /^Move the draft to / }).click();
  await expect(upgrade).toContainText('The draft is on the newest base form');
  type Saved = { baseVersion: string; operations: unknown[] };
  const saved = await admin.api.call<Saved>('GET', '/api/forms/pc1-revised/overlay');
  expect(saved.baseVersion).not.toBe('1.0.0');
  expect(saved.operations).toEqual(overlay.operations);
});
