import { expect, Page } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { PORT } from './app';

/* The operators' console (admin.localhost) for the browser tests: its seeded operator, sign-in
 * through the page, and requests with a chosen Host header for what the page does not show. */

export const OPERATOR = { email: 'operator@daftar.local', password: 'Daftar-Operator-2026' };
export const CONSOLE = `http://admin.localhost:${PORT}`;

export interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A request with the Host header chosen (Node does not resolve *.localhost; fetch ignores Host). */
export function send(
  host: string,
  method: string,
  path: string,
  init: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const payload = init.body === undefined ? undefined : Buffer.from(JSON.stringify(init.body));
  const headers: Record<string, string> = {
    Host: `${host}:${PORT}`,
    Accept: 'application/json, text/plain',
    ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    ...(payload ? { 'Content-Type': 'application/json' } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: PORT, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function operatorToken(): Promise<string> {
  const answer = await send('admin.localhost', 'POST', '/api/platform/auth/login', { body: OPERATOR });
  expect(answer.status, answer.body).toBe(200);
  return (JSON.parse(answer.body) as { accessToken: string }).accessToken;
}

/** Signs the operator in through the console's page, landing on `next`. */
export async function signInOperator(page: Page, next = '/'): Promise<void> {
  await page.goto(`${CONSOLE}${next}`);
  await expect(page.getByRole('heading', { name: 'Operator sign-in' })).toBeVisible();
  await page.locator('input[autocomplete="username"]').fill(OPERATOR.email);
  await page.locator('input[autocomplete="current-password"]').fill(OPERATOR.password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Provinces' })).toBeVisible();
}
