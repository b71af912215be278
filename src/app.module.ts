import { Module } from '@nestjs/common';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { AppConfig } from './config/app-config';
import { APP_GUARD } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ClsModule } from 'nestjs-cls';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DepartmentsModule } from './departments/departments.module';
import { EventsModule } from './events/events.module';
import { ExportsModule } from './exports/exports.module';
import { FormsModule } from './forms/forms.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { LoggingModule, requestIdFor } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { MasterDataModule } from './master-data/master-data.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlatformModule } from './platform/platform.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { PortabilityApiModule } from './portability/portability-api.module';
import { PrintingModule } from './printing/printing.module';
import { ProjectsModule } from './projects/projects.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { ProvinceRateLimitGuard } from './rate-limit/province-rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { RoutingModule } from './routing/routing.module';
import { HostScopeGuard } from './tenancy/host-scope';
import { TenancyModule } from './tenancy/tenancy.module';
import { TenantController } from './tenancy/tenant.controller';
import { TrainingMailModule } from './training/trainee-mail-audience';
import { TrainingModule } from './training/training.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WebAppModule } from './web-app/web-app.module';
import { WorkflowModule } from './workflow/workflow.module';

/**
 * The HTTP API. Every request gets an AsyncLocalStorage context; the first guard resolves the
 * host to the platform or a province (HostScopeGuard), the second counts the province's request
 * against its rate limit (ProvinceRateLimitGuard) and the third checks the token against that
 * host (JwtAuthGuard), before any controller runs.
 */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    RedisModule,
    DatabaseModule,
    TenancyModule,
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        // pino-http has already given the request an id; the context adopts it so both agree.
        idGenerator: (req: Request & { id?: unknown }) => (typeof req.id === 'string' ? req.id : requestIdFor(req)),
        setup: (cls, _req: Request, res: Response) => {
          res.setHeader('X-Request-Id', cls.getId());
        },
      },
    }),
    AuthModule,
    AuditModule,
    JobsModule,
    EventsModule,
    MailModule,
    TrainingMailModule,
    NotificationsModule,
    WebhooksModule,
    // Before ProjectsModule and PlatformModule (which imports it): Nest registers routes in the order
    // it meets modules, and GET /api/projects/export must come ahead of /api/projects/:id.
    ExportsModule,
    PlatformModule,
    PortabilityApiModule,
    RateLimitModule,
    // After ClsModule: the request timer and the dashboard's gate read the request's context.
    MetricsModule,
    QueueBoardModule,
    DepartmentsModule,
    UsersModule,
    MasterDataModule,
    FormsModule,
    WorkflowModule,
    RoutingModule,
    ProjectsModule,
    PortfolioModule,
    ImportsModule,
    PrintingModule,
    TrainingModule,
    HealthModule,
    WebAppModule,
  ],
  controllers: [TenantController],
  providers: [
    // Registered by configureApp as the global error answer; a provider so tests can read its count.
    {
      provide: ApiExceptionFilter,
      useFactory: (config: AppConfig) => new ApiExceptionFilter(config.http.unavailableRetryAfterSeconds),
      inject: [AppConfig],
    },
    // Order matters: host first (404/403/503 before any token is looked at), then the province's
    // rate limit (a province past it costs no token check), then the token.
    { provide: APP_GUARD, useClass: HostScopeGuard },
    { provide: APP_GUARD, useExisting: ProvinceRateLimitGuard },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
export class AppModule {}
