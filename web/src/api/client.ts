/*
 * The one way the app talks to the API. The access token lives in this module's memory only
 * (never in storage a script could read later); the refresh token is an httpOnly cookie scoped
 * to /api/auth that only the server sees. A 401 triggers one shared refresh and one retry.
 * `X-Daftar-Client: web` marks our requests: the server accepts the refresh cookie only with it,
 * and a cross-site page cannot send a custom header without a CORS preflight we never allow.
 */

export const CLIENT_HEADER = { 'X-Daftar-Client': 'web' } as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    /** From a 429's Retry-After header (or its body's retryAfterSeconds): when asking again can work. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(ApiError.describe(status, body));
  }

  /** A 400's messages by field (`fields: { title: ["…"] }`), to show at the inputs they concern. */
  get fields(): Record<string, string[]> {
    const f = (this.body as { fields?: unknown } | null)?.fields;
    if (!f || typeof f !== 'object') return {};
    return Object.fromEntries(
      Object.entries(f as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : [String(v)]]),
    );
  }

  /** The server's messages: class-validator gives a list, other errors one string. */
  get messages(): string[] {
    const m = (this.body as { message?: unknown } | null)?.message;
    if (Array.isArray(m)) return m.map(String);
    if (typeof m === 'string') return [m];
    return [this.message];
  }

  /** A 429 because the whole province is past its share of the API (not this person's doing). */
  get provinceRateLimited(): boolean {
    return this.status === 429 && (this.body as { reason?: unknown } | null)?.reason === 'province-rate-limit';
  }

  static describe(status: number, body: unknown): string {
    const m = (body as { message?: unknown } | null)?.message;
    if (Array.isArray(m)) return m.join('; ');
    if (typeof m === 'string') return m;
    return status === 0 ? 'network' : `HTTP ${status}`;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Skip the bearer token and the refresh-and-retry (sign-in, public pages). */
  anonymous?: boolean;
  /** Extra request headers (If-Match for optimistic concurrency). */
  headers?: Record<string, string>;
}

let accessToken: string | null = null;
let acceptLanguage = 'en';
let refreshing: Promise<RefreshOutcome> | null = null;
let refreshPath = '/api/auth/refresh';
const expiredListeners = new Set<() => void>();
const accountChangedListeners = new Set<() => void>();

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Where the refresh cookie is exchanged: the operators' console renews at /api/platform/auth/refresh. */
export function setRefreshPath(path: string): void {
  refreshPath = path;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

export function setRequestLanguage(locale: string): void {
  acceptLanguage = locale;
}

/** Called when the session cannot be renewed (signed out elsewhere, expired, disabled). */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/**
 * Called after a renewal caused by a change to the account (roles, status or password: the server's
 * 401 says `reason: "token-stale"`), so what the app shows of the account can be read again.
 */
export function onAccountChanged(listener: () => void): () => void {
  accountChangedListeners.add(listener);
  return () => accountChangedListeners.delete(listener);
}

export function urlOf(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    ...options.headers,
    ...CLIENT_HEADER,
    Accept: 'application/json',
    'Accept-Language': acceptLanguage,
  };
  if (!options.anonymous && accessToken) headers.Authorization = `Bearer ${accessToken}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(urlOf(path, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, { message: 'network' });
  }
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const header = Number(response.headers.get('retry-after'));
    const inBody = Number((body as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds);
    const retryAfter = header > 0 ? header : inBody > 0 ? inBody : null;
    throw new ApiError(response.status, body, retryAfter);
  }
  return body as T;
}

type RefreshOutcome = 'renewed' | 'refused' | 'unreachable';

/**
 * Exchanges the refresh cookie for a new access token: one request however many callers wait,
 * and one tab at a time (Web Locks): every tab shares the cookie, and two tabs presenting the
 * same one at once would look like a stolen token and revoke the whole session.
 */
function renew(): Promise<RefreshOutcome> {
  const exchange = async (): Promise<RefreshOutcome> => {
    let response: Response;
    try {
      response = await send('POST', refreshPath, { anonymous: true, body: {} });
    } catch {
      return 'unreachable'; // the session may be fine; the network is not
    }
    // A 429 (the province's rate limit) is a pause, not a verdict on the session.
    if (response.status >= 500 || response.status === 429) return 'unreachable';
    if (!response.ok) {
      accessToken = null;
      return 'refused';
    }
    const session = (await response.json()) as { accessToken: string };
    accessToken = session.accessToken;
    return 'renewed';
  };
  const locks = globalThis.navigator?.locks;
  const pending: Promise<RefreshOutcome> =
    refreshing ??
    (locks
      ? new Promise<RefreshOutcome>(
          (resolve, reject) => void locks.request('daftar-refresh', () => exchange().then(resolve, reject)),
        )
      : exchange()
    ).finally(() => (refreshing = null));
  refreshing = pending;
  return pending;
}

/** True when the session was renewed (used at start-up: a reload keeps you signed in). */
export async function refreshSession(): Promise<boolean> {
  return (await renew()) === 'renewed';
}

/** A 401: renew once and retry; a refused renewal ends the session, an unreachable server does not. */
async function sendRenewing(method: string, path: string, options: RequestOptions): Promise<Response> {
  const response = await send(method, path, options);
  if (response.status !== 401 || options.anonymous || accessToken === null) return response;
  const refusal = (await response
    .clone()
    .json()
    .catch(() => null)) as { reason?: unknown } | null;
  const outcome = await renew();
  if (outcome === 'renewed') {
    if (refusal?.reason === 'token-stale') for (const listener of accountChangedListeners) listener();
    return send(method, path, options);
  }
  if (outcome === 'unreachable') throw new ApiError(0, { message: 'network' });
  for (const listener of expiredListeners) listener();
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return parse<T>(await sendRenewing(method, path, options));
}

/** A file from the API (an attachment) as a Blob: the same token and one refresh-and-retry as request(). */
export async function requestBlob(path: string): Promise<Blob> {
  const response = await sendRenewing('GET', path, {});
  if (!response.ok) return parse<Blob>(response); // throws the server's error
  return response.blob();
}

/** A file answered to a POST (a sign-in sheet made from the posted list), as requestBlob(). */
export async function requestBlobByPost(
  path: string,
  body: unknown,
  query?: Record<string, QueryValue>,
): Promise<Blob> {
  const response = await sendRenewing('POST', path, { body, query });
  if (!response.ok) return parse<Blob>(response);
  return response.blob();
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
  blob: (path: string) => requestBlob(path),
  postBlob: (path: string, body: unknown, query?: Record<string, QueryValue>) => requestBlobByPost(path, body, query),
};
