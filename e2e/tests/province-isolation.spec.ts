import { expect, test } from '@playwright/test';
import { ApiClient, signIn, urlOf } from '../support/app';

test('a GB session does not reach KP: the KP host asks for sign-in, and the API refuses the GB token there', async ({
  page,
}) => {
  await signIn(page, 'preparer', 'gb');
  await expect(page.getByTestId('province-name')).toContainText('Gilgit-Baltistan');

  // Same browser, KP's host: the refresh cookie belongs to gb.localhost only.
  await page.goto(urlOf('kp', '/projects'));
  await expect(page).toHaveURL(/kp\.localhost:\d+\/sign-in/);
  await expect(page.getByTestId('province-name')).toContainText('Khyber Pakhtunkhwa');

  // And a GB access token presented on KP's host is refused by the API.
  const gb = await ApiClient.signIn('preparer', 'gb');
  const kp = new ApiClient('kp');
  const refused = await kp.raw('GET', '/api/projects', undefined, { token: gb.accessToken });
  expect([401, 403]).toContain(refused.status);
  const mine = await gb.raw('GET', '/api/projects');
  expect(mine.status).toBe(200);
});
