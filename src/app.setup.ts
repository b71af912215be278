import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { HttpAdapterHost } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { TooManySignInAttemptsFilter } from './auth/login-throttle.service';
import { DependencyUnavailableFilter } from './common/unavailable.filter';
import { jsonGuard } from './common/json-guard';
import { createValidationPipe } from './common/validation';
import { AppConfig, expressTrustProxy } from './config/app-config';
import { securityHeaders, WebAppServer } from './web-app/web-app.server';

export const API_DOCS_PATH = 'api/docs';

/** Everything main.ts and the tests share, so the tests exercise the app exactly as deployed. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.disable('x-powered-by');
  // req.ip honours X-Forwarded-For only when our own proxy is declared trusted, and then only its hop.
  express.set('trust proxy', expressTrustProxy(app.get(AppConfig)));
  const config = app.get(AppConfig);
  // First, so every answer carries them: API, web app, errors and 404s alike.
  express.use(securityHeaders);
  // The browser app (index.html, assets/) ahead of the API's routes; /api, /health, /ready pass through.
  express.use(app.get(WebAppServer).middleware());
  // Browser sessions keep their refresh token in a cookie (see BrowserSessions).
  express.use(cookieParser());
  express.useBodyParser('json', { limit: `${config.http.bodyLimitKb}kb` });
  express.use(jsonGuard(config.http.jsonMaxDepth));
  app.useGlobalPipes(createValidationPipe());
  // Nest tries the last registered filter first: the catch-all outage filter goes first in the list.
  app.useGlobalFilters(
    new DependencyUnavailableFilter(app.get(HttpAdapterHost).httpAdapter),
    new TooManySignInAttemptsFilter(),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Daftar API')
      .setDescription(
        "Planning Commission forms (PC-I to PC-V) for Pakistan's provinces. Province endpoints answer on " +
          '`<slug>.<BASE_DOMAIN>` (or a custom domain); `/api/platform/*` answers on `admin.<BASE_DOMAIN>` only.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('daftar_refresh', { type: 'apiKey', in: 'cookie', name: 'daftar_refresh' }, 'refresh-cookie')
      .addCookieAuth(
        'daftar_operator_refresh',
        { type: 'apiKey', in: 'cookie', name: 'daftar_operator_refresh' },
        'operator-refresh-cookie',
      )
      .build(),
  );
  optionalHeaders(document, OPTIONAL_HEADERS);
  SwaggerModule.setup(API_DOCS_PATH, app, document, { jsonDocumentUrl: `${API_DOCS_PATH}/openapi.json` });
  return app;
}

/** Headers a handler reads with @Headers() but never requires (Nest's document would mark them required). */
const OPTIONAL_HEADERS = ['accept-language'];

function optionalHeaders(document: OpenAPIObject, names: readonly string[]): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      const parameters = (operation as { parameters?: { in?: string; name?: string; required?: boolean }[] })
        .parameters;
      for (const p of parameters ?? [])
        if (p.in === 'header' && p.name && names.includes(p.name.toLowerCase())) p.required = false;
    }
  }
}
