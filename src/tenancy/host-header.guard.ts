import type { NextFunction, Request, Response } from 'express';
import { normalizeHost } from './host-resolver.service';

/**
 * Refuses requests whose target host is ambiguous, before the province is resolved from it:
 * - two Host headers (RFC 9112 §3.2: 400); Node keeps the first, a proxy might route by the last;
 * - an absolute-form target (`GET http://gb.example/api/...`) whose host differs from Host: a proxy
 *   routes by the target, the app would serve the province named in Host.
 * Either way a proxy and the app could disagree about the province, so the answer is 400.
 */
export function hostHeaderCheck(req: Request, res: Response, next: NextFunction): void {
  const problem = hostProblem(req.rawHeaders, req.url, req.headers.host);
  if (!problem) return next();
  res.status(400).json({ statusCode: 400, error: 'Bad Request', message: [problem] });
}

export function hostProblem(rawHeaders: readonly string[], url: string, hostHeader: string | undefined): string | null {
  let hosts = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === 'host') hosts++;
  if (hosts > 1) return 'the request has more than one Host header';
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return null;
  let target: string;
  try {
    target = new URL(url).host;
  } catch {
    return 'the request target is not a valid absolute URL';
  }
  if (normalizeHost(target) !== normalizeHost(hostHeader ?? ''))
    return 'the host of the absolute request target differs from the Host header';
  return null;
}
