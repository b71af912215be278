import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ClsServiceManager, ClsStore } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** What a log line reads from the request's context (declared here: logging sits below the tenancy core). */
type LogContext = ClsStore & { tenant?: { slug: string } };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

const REDACTED = '[redacted]';

/** A URL with the value of any `token` query parameter replaced, for logging. */
export function withoutSecrets(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, `$1${REDACTED}`);
}

/**
 * The request as access-log lines show it: one-time link tokens (/accept-invitation?token=…,
 * /reset-password?token=…) replaced. pino-http hands it a fresh object per request (its copy of
 * the request's fields), so it is changed in place rather than copied once more.
 */
export function serializeRequest<T extends { url?: string; query?: Record<string, unknown> }>(req: T): T {
  if (typeof req.url === 'string') req.url = withoutSecrets(req.url);
  if (req.query && 'token' in req.query) req.query = { ...req.query, token: REDACTED };
  return req;
}

/** The request id: the caller's X-Request-Id when it looks sane, else a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * JSON logs via pino. The mixin reads AsyncLocalStorage on every line, so each line written
 * while serving a request or a job carries its request id and province, wherever it is logged.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          // Runs before the CLS middleware; the CLS context then adopts this id (see AppModule).
          genReqId: (req) => requestIdFor(req),
          quietReqLogger: true,
          // Refresh tokens travel in the cookie both ways (browser sessions): never in the logs.
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
          // One-time links (/accept-invitation?token=…, /reset-password?token=…) reach the server
          // when the web app is opened from them; the token must not outlive the request in a log.
          serializers: { req: serializeRequest },
          mixin: () => {
            const cls = ClsServiceManager.getClsService<LogContext>();
            if (!cls.isActive()) return {};
            // The request id is already bound by pino-http on request lines; the province is not.
            const tenant = cls.get('tenant')?.slug;
            return tenant ? { tenant } : {};
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
