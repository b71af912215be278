import { ForbiddenException, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';

/** The cookie a browser session keeps its refresh token in. */
export const REFRESH_COOKIE = 'daftar_refresh';
/** The header that puts sign-in, refresh and sign-out in browser mode. */
export const WEB_CLIENT_HEADER = 'X-Daftar-Client';
export const WEB_CLIENT_VALUE = 'web';
/** Sent only to the sign-in endpoints, never to the rest of the API. */
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Where a kind of session keeps its refresh token: the cookie's name and the only path it is sent to. */
export interface SessionCookie {
  name: string;
  path: string;
}
/** A province user's session (the default of every method below). */
export const PROVINCE_SESSION_COOKIE: SessionCookie = { name: REFRESH_COOKIE, path: REFRESH_COOKIE_PATH };
/** An operator's session on the platform host, kept apart from any province session by name and path. */
export const OPERATOR_SESSION_COOKIE: SessionCookie = { name: 'daftar_operator_refresh', path: '/api/platform/auth' };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Browser sessions: the refresh token lives in an httpOnly cookie the page's scripts cannot read,
 * instead of in the JSON body API clients get.
 *
 * Cross-site request forgery is kept out three ways: the cookie is SameSite=Strict; it is read
 * only when the request carries the custom header `X-Daftar-Client: web`, which a cross-site
 * form or "simple" request cannot send (a cross-origin fetch with it needs a CORS preflight, and
 * the API grants none); and an Origin header, when present, must name this very host. The cookie
 * is host-only (no Domain attribute), so one province's session never reaches another's host,
 * and its Path limits it to /api/auth.
 */
@Injectable()
export class BrowserSessions {
  constructor(private readonly config: AppConfig) {}

  /** Does the request ask for browser mode (the header is present with the value `web`)? */
  isWebClient(req: Request): boolean {
    const value = req.headers[WEB_CLIENT_HEADER.toLowerCase()];
    return (Array.isArray(value) ? value[0] : value)?.trim().toLowerCase() === WEB_CLIENT_VALUE;
  }

  /** Browser mode, checked: the header is present and any Origin is this host; 403 otherwise. */
  assertWebRequest(req: Request): void {
    if (!this.isWebClient(req)) {
      throw new ForbiddenException(
        `The refresh cookie is used only with the header ${WEB_CLIENT_HEADER}: ` +
          `${WEB_CLIENT_VALUE}; API clients send {"refreshToken": "…"} in the body`,
      );
    }
    this.assertSameOrigin(req);
  }

  /** An Origin header, when present, must be this host (same scheme-default port rules as browsers). */
  assertSameOrigin(req: Request): void {
    const origin = req.headers.origin;
    if (origin === undefined) return;
    const host = this.requestHost(req);
    if (!sameHost(origin, host)) {
      throw new ForbiddenException(
        `Origin ${JSON.stringify(origin)} is not this host (${host ?? 'no Host header'}); ` +
          `browser sessions work only from the page served here`,
      );
    }
  }

  /** The refresh token from the cookie, or null when absent or not shaped like one of ours. */
  readRefreshCookie(req: Request, cookie: SessionCookie = PROVINCE_SESSION_COOKIE): string | null {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[cookie.name];
    return typeof value === 'string' && TOKEN_SHAPE.test(value) ? value : null;
  }

  setRefreshCookie(res: Response, token: string, cookie: SessionCookie = PROVINCE_SESSION_COOKIE): void {
    res.cookie(cookie.name, token, {
      ...this.cookieOptions(cookie),
      maxAge: this.config.jwt.refreshTokenTtlSeconds * 1000,
    });
  }

  clearRefreshCookie(res: Response, cookie: SessionCookie = PROVINCE_SESSION_COOKIE): void {
    res.clearCookie(cookie.name, this.cookieOptions(cookie));
  }

  /** No `domain`: the cookie stays on the exact host that set it. */
  private cookieOptions(cookie: SessionCookie): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: cookie.path, secure: this.config.publicUrlScheme === 'https' };
  }

  /** The host the browser addressed: X-Forwarded-Host only behind a trusted proxy, as for tenancy. */
  private requestHost(req: Request): string | undefined {
    const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
    return (this.config.trustProxy ? first(req.headers['x-forwarded-host']) : undefined) || first(req.headers.host);
  }
}

/** `https://kp.example.pk` and Host `kp.example.pk:443` are the same host; `null` and other schemes never are. */
function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const o = new URL(origin);
    if (o.protocol !== 'http:' && o.protocol !== 'https:') return false;
    const expected = new URL(`${o.protocol}//${host}`);
    return expected.host === o.host && o.pathname === '/' && !o.username && !o.password;
  } catch {
    return false;
  }
}
