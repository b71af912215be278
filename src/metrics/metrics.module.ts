import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PlatformModule } from '../platform/platform.module';
import { ApiMetrics } from './api-metrics.service';
import { AppQueues } from './app-queues';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { JobMetricsReader } from './job-metrics';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsController, MetricsSummaryController } from './metrics.controller';
import { MetricsExposition } from './metrics-exposition.service';
import { OperatorAccess } from './operator-access';

/**
 * The API's metrics (README, "Metrics and the queue dashboard"). Import after the AsyncLocalStorage
 * module: its middleware reads the request's context.
 */
@Module({
  // PlatformModule: OperatorsService, the operator status check.
  imports: [DiscoveryModule, PlatformModule],
  controllers: [MetricsController, MetricsSummaryController],
  providers: [ApiMetrics, AppQueues, JobMetricsReader, MetricsExposition, MetricsAccessGuard, OperatorAccess],
  exports: [ApiMetrics, AppQueues, OperatorAccess],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // '/' is every path under Express 5 (a use() prefix), as nestjs-cls mounts its own middleware.
    consumer.apply(HttpMetricsMiddleware).forRoutes('/');
  }
}
