import { expect, test } from '@playwright/test';
import { newPerson, preparedPcI, submitSignIn, switchLanguage } from '../support/app';
import { seriousViolations } from '../support/axe';

/* axe-core on each main screen, in both languages, on a laptop and on a phone. */
for (const locale of ['en', 'ur'] as const) {
  test(`main screens have no serious or critical accessibility violations (${locale})`, async ({ page }) => {
    test.setTimeout(180_000);
    const person = await newPerson(['preparer'], 'kp');
    const { documentId, projectId } = await preparedPcI(person.api, `Accessibility ${locale} ${Date.now()}`);
    await page.goto('/sign-in');
    if (locale === 'ur') {
      await switchLanguage(page, 'ur');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    await page.locator('input[autocomplete="username"]').waitFor();
    expect(await seriousViolations(page), 'sign-in').toEqual([]);

    // Signed in from this very page: a language picked here becomes the account's.
    await submitSignIn(page, person.email, person.password);
    const screens: [string, string, string][] = [
      ['my work', '/', 'work-drafts'],
      ['projects', '/projects', 'projects-list'],
      ['project', `/projects/${projectId}`, 'timeline'],
      ['editor', `/documents/${documentId}`, 'document'],
      ['history', `/documents/${documentId}/history`, 'history'],
      ['profile', '/profile', 'profile'],
    ];
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      for (const [name, path, testId] of screens) {
        await page.goto(path);
        await page.getByTestId(testId).first().waitFor();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        expect(await seriousViolations(page), `${name} at ${viewport.width}px`).toEqual([]);
        // No sideways scrolling of the page itself on a phone (wide tables scroll in their own box).
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} at ${viewport.width}px scrolls sideways`).toBeLessThanOrEqual(1);
      }
    }
  });
}
