import { expect, test } from '@playwright/test';
import { newPerson, signInAs } from '../support/app';

/*
 * A page that is left while its session refresh is in flight never stores the rotated cookie; the
 * next page presents the old one. Quick reloads and back-to-back links must keep the person signed
 * in (the server's reuse grace), where they once found the sign-in page.
 */
test('reloading while the session is being restored keeps the person signed in', async ({ page }) => {
  const person = await newPerson(['preparer'], 'kp', 'Sessions Spec Preparer');
  await signInAs(page, 'kp', person.email, person.password);
  for (const path of ['/projects', '/profile', '/projects', '/profile', '/projects']) {
    // Only until the response starts: the app's refresh of the last page is cut off by the next.
    await page.goto(path, { waitUntil: 'commit' });
  }
  await page.goto('/profile');
  await expect(page.getByTestId('profile')).toContainText(person.email);
  await page.reload();
  await expect(page.getByTestId('profile')).toContainText(person.email);
});
