import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import { newPerson, signInAs, switchLanguage, urlOf } from '../support/app';
import { seriousViolations } from '../support/axe';

/*
 * The province administrator's workflow editor and forum rules, in GB (the KP demo workflow that
 * other specs walk through stays untouched): a forum rule added in the browser routes a cost in
 * the simulator, an overlapping one is refused with the explanation; the workflow editor shows
 * an invalid change in place and saves a valid one (restored afterwards). Screenshots EN + UR.
 */

const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/** A province administrator of one's own: the Urdu switch is stored on the account, not on the demo admin. */
async function admin(page: Page) {
  const person = await newPerson(['tenant_admin'], 'gb', 'Workflow Admin');
  await signInAs(page, 'gb', person.email, person.password);
  return person;
}

/** Opens a Mantine multi-select (its wrapper takes the click while pills are shown). */
async function openMultiSelect(page: Page, scope: string, name: string) {
  const field = page.getByTestId(scope).getByRole('combobox', { name });
  await field.locator('xpath=ancestor::div[contains(@class, "mantine-MultiSelect-input")]').click();
}

/** A page in Urdu, settled, then back to English. */
async function screenshots(page: Page, name: string, settled: (page: Page) => Promise<void>) {
  await settled(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await switchLanguage(page, 'ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await settled(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}-ur.png`) });
  await switchLanguage(page, 'en');
}

test('forum rules: a new rule routes its cost; an overlapping one is refused and explained', async ({ page }) => {
  const person = await admin(page);
  const forums = await person.api.call<{ code: string; nameEn: string }[]>('GET', '/api/master-data/approval-forums');
  expect(forums.length).toBeGreaterThanOrEqual(2);
  const [first, second] = forums;
  // A cost band of this run's own, far above real projects, so no other spec's routing changes.
  const base = 50_000_000 + (Date.now() % 10_000_000) * 2;
  const code = `e2e-band-${Date.now()}`;

  await page.goto(urlOf('gb', '/admin/forum-rules'));
  await expect(page.getByRole('heading', { level: 1, name: 'Forum rules' })).toBeVisible();
  await expect(page.getByTestId('rules-timeline')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const addRule = async (ruleCode: string, forum: { code: string; nameEn: string }) => {
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a forum rule' });
    await dialog.getByLabel('Rule code').fill(ruleCode);
    await dialog.getByRole('combobox', { name: 'Forum', exact: true }).click();
    await page.getByRole('option', { name: `${forum.nameEn} (${forum.code})` }).click();
    await dialog.getByLabel('Above (Rs million)').fill(String(base));
    await dialog.getByLabel('Up to (Rs million)').fill(String(base + 1));
    await dialog.getByRole('textbox', { name: 'Priority', exact: true }).fill('90');
    await dialog.getByLabel('Source (notification or decision)').fill('E2E test notification No. 1 of today');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    return dialog;
  };

  const added = await addRule(code, first);
  await expect(added).toBeHidden();
  await expect(page.getByTestId('rule-details')).toContainText(code);

  // The simulator routes a cost inside the band to the new rule's forum.
  const simulator = page.getByTestId('routing-simulator');
  await simulator.getByLabel('Total cost (Rs million)').fill(`${base}.5`);
  await simulator.getByRole('button', { name: 'Find the forum' }).click();
  await expect(simulator.getByTestId('routing-rule')).toHaveText(code);
  await expect(simulator.getByTestId('routing-forum')).toHaveText(first.nameEn);
  const answer = simulator.getByTestId('routing-answer');
  await expect(answer).toContainText('no matching rule has a higher priority than its 90');

  // The same band and priority naming another forum would tie: refused, with the words and the way out.
  const refused = await addRule(`${code}-other`, second);
  const tie = refused.getByTestId('tie-explanation');
  await expect(tie).toContainText('This rule would tie with another rule');
  await expect(tie).toContainText('At priority 90, a project could match both this rule and the rule(s) below');
  await expect(tie).toContainText(code);
  await expect(tie).toContainText('End the other rule the day before this one starts, or give this rule another');
  await refused.getByRole('button', { name: 'Cancel' }).click();

  await screenshots(page, 'admin-forum-rules', async (p) => {
    await expect(p.getByTestId('routing-rule')).toHaveText(code);
    await expect(p.getByRole('dialog')).toHaveCount(0);
    await p.evaluate(() => document.fonts.ready);
  });

  // Ended today: it stops deciding tomorrow (rules are never deleted).
  await page.getByTestId('rule-details').getByRole('button', { name: 'End this rule' }).click();
  const end = page.getByRole('dialog', { name: `End rule ${code}` });
  await end.getByRole('button', { name: 'End rule' }).click();
  await expect(end).toBeHidden();
  type Rule = { code: string; effectiveFrom: string; effectiveTo: string | null };
  const rules = await person.api.call<Rule[]>('GET', '/api/forum-rules');
  const ended = rules.find((r) => r.code === code)!;
  expect(ended.effectiveTo).toBe(ended.effectiveFrom);
  expect(rules.some((r) => r.code === `${code}-other`)).toBe(false);
});

test('workflow editor: an invalid change shows in place and is not saved; a valid one is saved', async ({ page }) => {
  const person = await admin(page);
  const before = await person.api.call<{ version: number; config: unknown }>('GET', '/api/workflow');
  try {
    await page.goto(urlOf('gb', '/admin/workflow'));
    await expect(page.getByRole('heading', { level: 1, name: 'Workflow' })).toBeVisible();
    await expect(page.getByTestId('wf-version-in-force')).toContainText(String(before.version));
    const approve = page.getByTestId('wf-action-approve-forum');
    await expect(approve).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Invalid: nobody may approve. The arrow's label, the panel and the summary say so; saving is blocked.
    await approve.click();
    const panel = page.getByTestId('wf-action-panel');
    await openMultiSelect(page, 'wf-action-panel', 'Roles that may take it');
    await page.getByRole('option', { name: 'Approver' }).click();
    await page.keyboard.press('Escape');
    await expect(approve).toHaveAttribute('data-problems', '1');
    await expect(approve).toContainText('No role');
    await expect(panel).toContainText('No role may take the action “Approve”.');
    await expect(page.getByTestId('wf-problems')).toContainText('No role may take the action “Approve”.');
    await expect(page.getByRole('button', { name: 'Save workflow' })).toBeDisabled();

    // Invalid too: a state nothing leads to and nothing leaves.
    await page.getByRole('button', { name: 'Add state' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a state' });
    await dialog.getByLabel('Code').fill('legal-vetting');
    await dialog.getByLabel('Name in English').fill('Legal vetting');
    await dialog.getByLabel('Name in Urdu').fill('قانونی جانچ');
    await dialog.getByRole('button', { name: 'Add state' }).click();
    const limbo = page.getByTestId('wf-state-legal-vetting');
    await expect(limbo).toHaveAttribute('data-problems', '2');
    const problems = page.getByTestId('wf-problems');
    await expect(problems).toContainText('The state “Legal vetting” cannot be reached from “Draft”.');
    await expect(problems).toContainText('The state “Legal vetting” is not final but no action leaves it');

    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(page.getByTestId('wf-problems')).toBeHidden();
    await expect(limbo).toBeHidden();

    // Valid: approvers may also start the department review. Saved with notes as a new version.
    await page.getByTestId('wf-action-start-review-submitted').click();
    await openMultiSelect(page, 'wf-action-panel', 'Roles that may take it');
    await page.getByRole('option', { name: 'Approver' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('wf-action-start-review-submitted')).toContainText('Approver');
    await page.getByLabel('What changed and why').fill('E2E: approvers may start the department review');
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await expect(page.getByText(`Workflow saved: version ${before.version + 1} is in force.`)).toBeVisible();
    await expect(page.getByTestId('wf-version-in-force')).toContainText(String(before.version + 1));
    type Saved = { version: number; config: { actions: { id: string; roles: string[] }[] } };
    const saved = await person.api.call<Saved>('GET', '/api/workflow');
    expect(saved.config.actions.find((a) => a.id === 'start-review')!.roles).toEqual(['reviewer', 'approver']);

    await page.getByRole('tab', { name: 'Version history' }).click();
    const newest = page.getByTestId('wf-history').locator(`tr[data-version="${before.version + 1}"]`);
    await expect(newest).toContainText('E2E: approvers may start the department review');
    await expect(newest).toContainText('In force');
    await expect(newest).toContainText('Workflow Admin');
    await page.getByRole('tab', { name: 'Diagram and editing' }).click();

    await screenshots(page, 'admin-workflow', async (p) => {
      await expect(p.getByTestId('wf-action-approve-forum')).toBeVisible();
      await p.getByRole('tab', { name: /Diagram and editing|خاکہ اور ترمیم/ }).scrollIntoViewIfNeeded();
      await p.evaluate(() => window.scrollBy(0, 280));
      await p.evaluate(() => document.fonts.ready);
    });
  } finally {
    // GB's workflow as it was, as a newer version (versions are never deleted).
    const now = await person.api.call<{ version: number }>('GET', '/api/workflow');
    if (now.version !== before.version) {
      const restored = { ...(before.config as object), notes: 'E2E: restored', baseVersion: now.version };
      await person.api.call('PUT', '/api/workflow', restored);
    }
  }
});

test('a reviewer sees the forum rules but cannot add one', async ({ page }) => {
  const person = await newPerson(['reviewer'], 'gb');
  const rule = { code: 'not-allowed', forum: 'gbdwp', effectiveFrom: '2026-01-01', priority: 1, source: 'x' };
  expect((await person.api.raw('POST', '/api/forum-rules', rule)).status).toBe(403);
  await signInAs(page, 'gb', person.email, person.password);
  await page.goto(urlOf('gb', '/admin/forum-rules'));
  await expect(page.getByTestId('rules-timeline')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a rule' })).toHaveCount(0);
});
