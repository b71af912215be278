import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { WorkerJobMetrics } from './job-metrics';

/** The worker's half of the metrics: job durations and outcomes, published for /metrics (see job-metrics.ts). */
@Module({
  imports: [DiscoveryModule],
  providers: [WorkerJobMetrics],
})
export class WorkerMetricsModule {}
