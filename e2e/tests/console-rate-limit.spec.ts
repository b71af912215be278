import { expect, test } from '@playwright/test';
import { personAt, switchLanguage } from '../support/app';
import { operatorToken, send, signInOperator } from '../support/console';

/*
 * Issue 16 item 7 in the browser: an operator gives GB its own request rate limit from the
 * province's page in the console; once GB has used its minute its people are told why they are
 * refused (KP carries on), the card shows the minute's use in English and Urdu, and "Use the
 * default" gives GB back the deployment's default (which the test deployment sets very high).
 */

let token: string;

test.beforeAll(async () => {
  token = await operatorToken();
});

// Whatever happens above, GB leaves with the default: the other specs share this deployment.
test.afterAll(async () => {
  await send('admin.localhost', 'PATCH', '/api/platform/tenants/gb/rate-limit', { token, body: { perMinute: null } });
});

test("an operator sets GB's rate limit from its page; past it GB's people are told why, KP carries on", async ({
  page,
  browser,
}) => {
  // A GB reviewer is signed in and working while GB still has the default.
  const gb = await personAt(browser, 'viewer', 'gb');

  await signInOperator(page, '/provinces/gb');
  const card = page.getByTestId('rate-limit-card');
  const inForce = card.getByTestId('rate-limit-in-force');
  await expect(page.getByRole('heading', { name: 'Request rate limit' })).toBeVisible();
  await expect(inForce).toHaveText('In force: 1,000,000 requests a minute (the default for every province)');
  const field = card.getByLabel('Own limit (requests a minute)');
  await expect(field).toHaveValue('');

  // Out of bounds: said at the field (not clamped into another number), and nothing to save.
  await field.fill('20000000');
  await expect(card.getByText('A whole number of requests a minute from 1 to 10,000,000.')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(field).toHaveValue('20,000,000');

  await field.fill('3');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Rate limit saved; every server applies it now.')).toBeVisible();
  await expect(inForce).toHaveText("In force: 3 requests a minute (the province's own limit)");

  // GB uses up its minute (from outside the browser), KP is untouched.
  let refused = false;
  for (let i = 0; i < 10 && !refused; i++) refused = (await send('gb.localhost', 'GET', '/api/tenant')).status === 429;
  expect(refused).toBe(true);
  expect((await send('kp.localhost', 'GET', '/api/tenant')).status).toBe(200);

  // The GB reviewer opens another page: the refusal is explained, in their language.
  await gb.page.getByRole('navigation').getByRole('link', { name: 'Projects' }).first().click();
  await expect(
    gb.page.getByText(/This province has made more requests this minute than its share of the service allows/).first(),
  ).toBeVisible();
  // The same refusal in Urdu (the page cached no projects, so it still has only the refusal to show).
  await switchLanguage(gb.page, 'ur');
  await expect(
    gb.page.getByText(/اس صوبے نے اس منٹ میں سروس میں اپنے حصے سے زیادہ درخواستیں بھیجی ہیں/).first(),
  ).toBeVisible();
  await gb.context.close();

  // The card counts the minute's use; the operators' own requests are not counted.
  await page.reload();
  await expect(card.getByTestId('rate-limit-usage')).toHaveText(/^This minute: \d+ of 3$/);
  await switchLanguage(page, 'ur');
  await expect(page.getByRole('heading', { name: 'درخواستوں کی حد' })).toBeVisible();
  await expect(inForce).toContainText('نافذ حد: 3 درخواستیں فی منٹ');
  await expect(inForce).toContainText('صوبے کی اپنی حد');
  await switchLanguage(page, 'en');

  await card.getByRole('button', { name: 'Use the default' }).click();
  await expect(inForce).toHaveText('In force: 1,000,000 requests a minute (the default for every province)');
  await expect(field).toHaveValue('');
  expect((await send('gb.localhost', 'GET', '/api/tenant')).status).toBe(200);

  // Both changes are in the platform audit log.
  const audit = await send('admin.localhost', 'GET', '/api/platform/audit?action=tenant.rate-limit.set&target=gb', {
    token,
  });
  expect(audit.status, audit.body).toBe(200);
  const details = (JSON.parse(audit.body) as { items: { target: string; details: unknown }[] }).items
    .filter((i) => i.target === 'gb')
    .slice(0, 2)
    .map((i) => i.details);
  expect(details).toEqual([
    { before: 3, after: null },
    { before: null, after: 3 },
  ]);
});
