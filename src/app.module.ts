import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ClsModule, ClsService } from 'nestjs-cls';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DepartmentsModule } from './departments/departments.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { LoggingModule, requestIdFor } from './logging/logging.module';
import { PlatformModule } from './platform/platform.module';
import { RedisModule } from './redis/redis.module';
import { HostResolver } from './tenancy/host-resolver.service';
import { HostScopeGuard } from './tenancy/host-scope';
import { TenancyModule } from './tenancy/tenancy.module';
import { DaftarStore } from './tenancy/tenant-context';
import { TenantController } from './tenancy/tenant.controller';

/**
 * The HTTP API. Every request gets an AsyncLocalStorage context whose set-up resolves the host
 * to the platform or a province before any guard or controller runs; the guards then refuse
 * what the host cannot serve (HostScopeGuard) and what the token does not allow (JwtAuthGuard).
 */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    RedisModule,
    DatabaseModule,
    TenancyModule,
    ClsModule.forRootAsync({
      global: true,
      imports: [TenancyModule],
      inject: [HostResolver],
      useFactory: (resolver: HostResolver) => ({
        middleware: {
          mount: true,
          generateId: true,
          idGenerator: (req: Request & { id?: unknown }) => (typeof req.id === 'string' ? req.id : requestIdFor(req)),
          setup: async (cls, req: Request, res: Response) => {
            res.setHeader('X-Request-Id', cls.getId());
            const host = await resolver.resolve(req);
            const store = cls as ClsService<DaftarStore>;
            store.set('host', host);
            if (host.kind === 'tenant') store.set('tenant', host.tenant);
          },
        },
      }),
    }),
    AuthModule,
    JobsModule,
    PlatformModule,
    DepartmentsModule,
    HealthModule,
  ],
  controllers: [TenantController],
  providers: [
    // Order matters: host first (404/403/503 before any token is looked at), then the token.
    { provide: APP_GUARD, useClass: HostScopeGuard },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
export class AppModule {}
