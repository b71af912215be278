import { Browser, BrowserContext, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';

/*
 * What the browser tests share: the province hosts of the running test deployment, the demo
 * logins, sign-in through the real page, and a small API client for setting the scene (the
 * browser resolves *.localhost by itself; Node does not, so the API client sends Host).
 */

export const PORT = Number(process.env.E2E_PORT || 3100);
export const DEMO_PASSWORD = 'Daftar-Demo-2026';
export type Province = 'kp' | 'gb';
export type DemoRole = 'admin' | 'preparer' | 'reviewer' | 'approver' | 'viewer';

export const hostOf = (province: Province) => `${province}.localhost`;
export const urlOf = (province: Province, path = '/') => `http://${hostOf(province)}:${PORT}${path}`;
export const emailOf = (role: DemoRole, province: Province) => `${role}@${province}.daftar.local`;

export const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'forms');
export const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));

/**
 * Signs a demo account in through the sign-in page and waits for the signed-in shell, in English.
 * The demo accounts are shared by specs running side by side, and an account's language follows it:
 * one left in Urdu by another spec is switched back, so every caller starts from the same screen.
 */
export async function signIn(page: Page, role: DemoRole, province: Province = 'kp', next = '/'): Promise<void> {
  await page.goto(urlOf(province, next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`));
  await page.getByLabel('Email').fill(emailOf(role, province));
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page
      .getByRole('navigation')
      .getByRole('link', { name: /^(My work|میرا کام)$/ })
      .first(),
  ).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await switchLanguage(page, 'en');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'My work' }).first()).toBeVisible();
}

/** A fresh browser context (its own cookies, as another person on another computer) signed in. */
export async function personAt(
  browser: Browser,
  role: DemoRole,
  province: Province = 'kp',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, role, province);
  return { context, page };
}

export class ApiClient {
  constructor(
    readonly province: Province,
    private token: string | null = null,
  ) {}

  static async signIn(role: DemoRole, province: Province = 'kp'): Promise<ApiClient> {
    const client = new ApiClient(province);
    const session = await client.call<{ accessToken: string }>('POST', '/api/auth/login', {
      email: emailOf(role, province),
      password: DEMO_PASSWORD,
    });
    client.token = session.accessToken;
    return client;
  }

  get accessToken(): string {
    if (!this.token) throw new Error('not signed in');
    return this.token;
  }

  /**
   * The raw answer, for tests about refusals. Sent with node:http: fetch ignores a Host header,
   * and the province is chosen by the host.
   */
  async raw(
    method: string,
    path: string,
    body?: unknown,
    init: { token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const token = init.token === undefined ? this.token : init.token;
    const headers: Record<string, string> = {
      Host: hostOf(this.province),
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    };
    let payload: Buffer | undefined;
    if (body instanceof FormData) {
      // Let the platform encode the multipart body, then send its bytes.
      const encoded = new Request('http://encoder.invalid/', { method: 'POST', body });
      payload = Buffer.from(await encoded.arrayBuffer());
      headers['Content-Type'] = encoded.headers.get('content-type')!;
    } else if (body !== undefined) {
      payload = Buffer.from(JSON.stringify(body));
      headers['Content-Type'] = 'application/json';
    }
    return new Promise<Response>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: PORT, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 500;
          resolve(
            new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), {
              status,
              headers: responseHeaders,
            }),
          );
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.raw(method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** A small PDF that is a real PDF (attachments are checked by their content, not their name). */
export function samplePdf(title: string): Buffer {
  const body =
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
    `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * A PC-I that is complete and valid, made through the API for tests whose subject is what
 * happens after preparation (review, return, conflicts); the preparation itself is tested
 * through the editor in the journey test.
 */
export async function preparedPcI(
  preparer: ApiClient,
  title: string,
): Promise<{ projectId: string; documentId: string; revision: number }> {
  const created = await preparer.call<{ project: { id: string }; document: { id: string } }>('POST', '/api/projects', {
    title,
    formKey: 'pc1-infrastructure',
  });
  const documentId = created.document.id;
  const ids: Record<string, string> = {};
  const form = new FormData();
  form.set('kind', 'feasibility-study');
  form.set('file', new Blob([new Uint8Array(samplePdf(title))], { type: 'application/pdf' }), 'feasibility-study.pdf');
  const attachment = await preparer.call<{ id: string }>('POST', `/api/documents/${documentId}/attachments`, form);
  ids.any = attachment.id;
  const data = withAttachments(fixture('pc1-infrastructure'), attachment.id);
  (data.name as Record<string, unknown>).title = title;
  const doc = await preparer.call<{ revision: number }>('GET', `/api/documents/${documentId}`);
  const saved = await preparer.call<{ revision: number; valid: boolean; errors: unknown[] }>(
    'PUT',
    `/api/documents/${documentId}`,
    { revision: doc.revision, data },
  );
  if (!saved.valid)
    throw new Error(`the fixture PC-I is not valid here: ${JSON.stringify(saved.errors).slice(0, 500)}`);
  return { projectId: created.project.id, documentId, revision: saved.revision };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The fixture's attachment references point at files of another database: use ours. */
export function withAttachments<T>(data: T, attachmentId: string): T {
  return JSON.parse(JSON.stringify(data), (_key, value) =>
    typeof value === 'string' && UUID.test(value) ? attachmentId : value,
  );
}

/**
 * A person of one's own, for tests that change what an account remembers (its language):
 * invited by the province admin and activated through the API's own link.
 */
export async function newPerson(
  roles: string[],
  province: Province = 'kp',
  name = 'Test Officer',
): Promise<{ email: string; password: string; api: ApiClient }> {
  const admin = await ApiClient.signIn('admin', province);
  const email = `${roles.join('-')}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@${province}.daftar.local`;
  const password = 'Long enough passphrase 2026';
  const { invitation } = await admin.call<{ invitation: { link: string } }>('POST', '/api/users', {
    email,
    name,
    roles,
  });
  const token = new URL(invitation.link).searchParams.get('token');
  await new ApiClient(province).call('POST', '/api/auth/accept-invitation', { token, password });
  const api = new ApiClient(province);
  const session = await api.call<{ accessToken: string }>('POST', '/api/auth/login', { email, password });
  return { email, password, api: new ApiClient(province, session.accessToken) };
}

/** Signs a given person in through the sign-in page, in whichever language it shows. */
export async function signInAs(
  page: Page,
  province: Province,
  email: string,
  password: string,
  locale?: 'en' | 'ur',
): Promise<void> {
  await page.goto(urlOf(province, '/sign-in'));
  // Picked on the sign-in page, the language becomes the account's preference.
  if (locale) await switchLanguage(page, locale);
  await submitSignIn(page, email, password);
}

/** Fills and sends the sign-in form already on screen. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByRole('navigation').getByRole('link').first()).toBeVisible();
}

/** The language switch, as a person clicks it (its radio inputs are visually hidden). */
export async function switchLanguage(page: Page, locale: 'en' | 'ur'): Promise<void> {
  await page
    .locator('label', { hasText: locale === 'ur' ? 'اردو' : 'English' })
    .first()
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Saves now if anything is unsaved (autosave may have done it already) and waits until saved. */
export async function saveNow(page: Page): Promise<void> {
  const save = page.getByRole('button', { name: 'Save', exact: true });
  if (await save.isEnabled()) await save.click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/**
 * Takes a workflow action from the document page. Return, defer and reject ask for a comment in
 * a dialog, and a forum's decisions for the decision's facts (their defaults: today, the
 * document's cost); the others act at once. Waits until the action is no longer offered.
 */
export async function act(page: Page, action: string, comment?: string): Promise<void> {
  const button = page.locator(`[data-action="${action}"]`);
  const asks = (await button.getAttribute('data-dialog')) === 'true';
  await button.click();
  if (comment !== undefined || asks) {
    const dialog = page.getByRole('dialog');
    if (comment !== undefined) await dialog.getByLabel('Comment').fill(comment);
    await dialog.getByTestId('confirm-action').click();
  }
  await expect(button).toHaveCount(0);
}
