import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ClsServiceManager } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { DaftarStore } from '../tenancy/tenant-context';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

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
          mixin: () => {
            const cls = ClsServiceManager.getClsService<DaftarStore>();
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
