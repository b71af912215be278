import path from 'node:path';
import { Injectable } from '@nestjs/common';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppConfig } from '../config/app-config';

/**
 * The browser app's Content-Security-Policy: everything from this origin, no inline scripts,
 * nothing inline but styles (Mantine's CSS variables). 'unsafe-eval' is there for one reason:
 * the editor validates with Ajv, which compiles each form version's JSON Schema into a function
 * at run time (the same validator the server runs); the schemas come from this origin's API.
 * Serving a precompiled validator per form version would let it go (README, "Using the web app").
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Hashed build output: the name changes with the content, so it may be cached for ever. */
const IMMUTABLE_MAX_AGE_MS = 365 * 24 * 3600 * 1000;
/** Other files at the root of the build (favicon.svg, robots.txt …): not hashed, so a short cache. */
const ROOT_FILE_MAX_AGE_MS = 3600 * 1000;

/**
 * Headers every response carries, API and web app alike (installed first in configureApp):
 * no MIME sniffing, no framing, and the Referer only to this origin.
 */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

/** Paths the browser app never answers: the API (and its Swagger UI), the probes and Prometheus' /metrics. */
function isServerPath(p: string): boolean {
  return p === '/api' || p.startsWith('/api/') || p === '/health' || p === '/ready' || p === '/metrics';
}

/** True when the client takes HTML: an Accept with text/html or *\/* (and not q=0). */
function acceptsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type !== 'text/html' && type !== '*/*') return false;
    const q = params.find((x) => x.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Serves the browser app (built into WEB_DIST_DIR) from the API's own origin, on every host:
 * the province or console it is for is read by the app itself from /api/tenant.
 *
 * - `/assets/<file>`: the hashed build output, cached for a year as immutable; a missing asset
 *   is a 404, never the HTML shell (a stale page asking for an old chunk must fail visibly).
 * - other files at the root of the build (favicon.svg, robots.txt …): served with a short cache.
 * - any other GET/HEAD that takes HTML (not /api, /health, /ready): index.html, `no-store`, so a
 *   deployment is picked up at the next navigation; the client-side router takes it from there.
 *   Without a build, 503 saying how to make one.
 *
 * Files are served by express.static (`send`) with the build folder as its root, which
 * refuses `..` segments, encoded or not: nothing outside the folder can be reached.
 */
@Injectable()
export class WebAppServer {
  private readonly root: string;
  private readonly assets: RequestHandler;
  private readonly rootFiles: RequestHandler;

  constructor(config: AppConfig) {
    this.root = config.webDistDir;
    this.assets = express.static(this.root, {
      index: false,
      redirect: false,
      fallthrough: false,
      dotfiles: 'ignore',
      immutable: true,
      maxAge: IMMUTABLE_MAX_AGE_MS,
    });
    this.rootFiles = express.static(this.root, {
      index: false,
      redirect: false,
      fallthrough: true,
      dotfiles: 'ignore',
      maxAge: ROOT_FILE_MAX_AGE_MS,
    });
  }

  /** The Express middleware; requests it does not answer go on to the API's routes. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
      res.setHeader('Content-Security-Policy', WEB_APP_CSP);
      if (req.path.startsWith('/assets/')) return this.serveAsset(req, res);
      if (req.path === '/index.html' || req.path === '/') return this.serveShell(req, res, next);
      this.rootFiles(req, res, () => this.serveShell(req, res, next));
    };
  }

  private serveAsset(req: Request, res: Response): void {
    this.assets(req, res, (failure?: unknown) => {
      // send answers 404 for a missing file and 403 for a path it refuses (.., dot files).
      const error = failure as { status?: number; statusCode?: number } | undefined;
      const status = error?.status ?? error?.statusCode ?? 404;
      const code = status === 403 ? 403 : status >= 500 ? 500 : 404;
      res.removeHeader('Cache-Control');
      res.status(code).json({
        statusCode: code,
        error: code === 403 ? 'Forbidden' : code === 404 ? 'Not Found' : 'Internal Server Error',
        message:
          code === 403
            ? 'This asset path is not allowed'
            : code === 404
              ? `No asset ${req.path}`
              : 'The asset could not be read',
      });
    });
  }

  /** index.html for a page of the app; requests that do not take HTML get the API's 404. */
  private serveShell(req: Request, res: Response, next: NextFunction): void {
    if (!acceptsHtml(req.headers.accept)) {
      res.removeHeader('Content-Security-Policy');
      return next();
    }
    res.sendFile(
      path.join(this.root, 'index.html'),
      { cacheControl: false, lastModified: false, etag: false, headers: { 'Cache-Control': 'no-store' } },
      (error?: NodeJS.ErrnoException & { status?: number }) => {
        if (!error) return;
        if (res.headersSent) return;
        res.removeHeader('Cache-Control');
        const missing = error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.status === 404;
        res
          .status(missing ? 503 : 500)
          .type('text/plain')
          .setHeader('Cache-Control', 'no-store');
        res.send(missing ? 'The web app is not built: run npm run build\n' : 'The web app could not be served\n');
      },
    );
  }
}
