import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ApiClient, newPerson, preparedPcI, submitSignIn, switchLanguage } from '../support/app';

/*
 * The README's pictures: every main screen in English and Urdu, taken by this run from the real
 * app (never edited by hand). `npm run screenshots` runs this file alone.
 */
const OUT = path.join(__dirname, '..', '..', 'docs', 'screenshots');

test('screenshots of the main screens in English and Urdu', async ({ page }) => {
  test.setTimeout(240_000);
  const person = await newPerson(['preparer'], 'kp', 'Sana Gul');
  const approved = await preparedPcI(person.api, 'Rehabilitation and Widening of Bahrain–Kalam Road (34 km), District Swat');
  await person.api.call('POST', `/api/documents/${approved.documentId}/actions/submit`, {});
  const reviewer = await ApiClient.signIn('reviewer', 'kp');
  for (const action of ['start-review', 'forward-to-pnd', 'place-before-forum']) {
    await reviewer.call('POST', `/api/documents/${approved.documentId}/actions/${action}`, { comment: action === 'forward-to-pnd' ? 'Scrutinised by the department; rates as per MRS 2025.' : undefined });
  }
  const approver = await ApiClient.signIn('approver', 'kp');
  await approver.call('POST', `/api/documents/${approved.documentId}/actions/approve`, { comment: 'Approved in the PDWP meeting.' });
  const draft = await preparedPcI(person.api, 'Solarisation of Basic Health Units, District Chitral');

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
    await page.context().clearCookies();
  }
});
