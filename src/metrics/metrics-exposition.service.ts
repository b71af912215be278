import { Injectable } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ApiMetrics } from './api-metrics.service';
import { JobMetricsReader } from './job-metrics';

/** What /metrics answers: this process's series plus the workers' job series (see job-metrics.ts). */
@Injectable()
export class MetricsExposition {
  constructor(
    private readonly api: ApiMetrics,
    private readonly jobs: JobMetricsReader,
  ) {}

  async scrape(): Promise<{ contentType: string; body: string }> {
    const registry = Registry.merge([this.api.registry, await this.jobs.registry(this.api.provinces)]);
    return { contentType: registry.contentType, body: await registry.metrics() };
  }
}
