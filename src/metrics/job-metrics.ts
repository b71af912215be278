import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { AggregatorRegistry, Counter, Histogram, MetricObjectWithValues, MetricValue, Registry } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { PLATFORM_LABEL, ProvinceLabels, UNKNOWN_LABEL } from './province-labels';

/**
 * Job metrics, and how they reach /metrics (README, "Metrics and the queue dashboard").
 *
 * Jobs run in the worker processes, which serve no HTTP. Each worker keeps its own prom-client
 * registry of job durations and outcomes and publishes it (as prom-client's JSON) every
 * WORKER_METRICS_PUSH_SECONDS into one Redis hash, a field per worker. The API's /metrics reads
 * the hash at scrape time and sums the workers' series with prom-client's AggregatorRegistry.
 * So one endpoint, behind one access rule, shows the whole deployment's jobs: nothing is
 * opened in the worker, a new worker is counted at its first publication, and a worker that
 * stopped publishing is dropped after three intervals (Prometheus reads the drop as a counter
 * reset). Every API instance shows the same job series: aggregate them with max(), not sum().
 * Listening to BullMQ's QueueEvents from the API instead would cost a Redis read per job to
 * learn its province and duration, done again by every API instance.
 */

/** Worker publications older than this many push intervals are dropped. */
const STALE_AFTER_INTERVALS = 3;

/** The Redis hash holding each worker's latest job metrics (one field per worker process). */
function jobMetricsKey(redis: RedisService): string {
  return redis.key('metrics', 'jobs');
}

interface JobSeries {
  duration: Histogram<'queue' | 'province'>;
  completed: Counter<'queue' | 'province'>;
  failed: Counter<'queue' | 'province'>;
}

/** The job series, defined once for the workers and for the API's empty template. */
function jobSeriesIn(registry: Registry): JobSeries {
  const registers = [registry];
  const labelNames = ['queue', 'province'] as const;
  return {
    duration: new Histogram({
      name: 'daftar_job_duration_seconds',
      help: 'Time a job attempt took in a worker, from start to completion or failure, by queue and province',
      labelNames,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    completed: new Counter({
      name: 'daftar_jobs_completed_total',
      help: 'Jobs completed by the workers, by queue and province',
      labelNames,
      registers,
    }),
    failed: new Counter({
      name: 'daftar_jobs_failed_total',
      help: 'Job attempts that failed in the workers (retried or not), by queue and province',
      labelNames,
      registers,
    }),
  };
}

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

interface Publication {
  at: number;
  metrics: MetricsJson;
}

/** Worker side: observes every BullMQ worker of this process and publishes the series to Redis. */
@Injectable()
export class WorkerJobMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerJobMetrics.name);
  private readonly registry = new Registry();
  private readonly series = jobSeriesIn(this.registry);
  private readonly provinces: ProvinceLabels;
  private readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly tenants: TenantRegistry,
    private readonly discovery: DiscoveryService,
  ) {
    this.provinces = new ProvinceLabels(config.metrics.provinceLabelLimit);
  }

  /** After onModuleInit: @nestjs/bullmq has created each processor's Worker by then. */
  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (host instanceof WorkerHost) this.observe(host.worker);
    }
    this.timer = setInterval(() => void this.publish(), this.config.metrics.workerPushSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.publish();
  }

  private observe(worker: Worker): void {
    worker.on('completed', (job) => void this.record(worker.name, job, 'completed'));
    worker.on('failed', (job) => {
      if (job) void this.record(worker.name, job, 'failed');
    });
  }

  private async record(queue: string, job: Job, outcome: 'completed' | 'failed'): Promise<void> {
    const province = await this.provinceOf(job.data as { tenantId?: unknown } | undefined);
    (outcome === 'completed' ? this.series.completed : this.series.failed).inc({ queue, province });
    if (job.processedOn) {
      const seconds = ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000;
      if (seconds >= 0) this.series.duration.observe({ queue, province }, seconds);
    }
  }

  private async provinceOf(data: { tenantId?: unknown } | undefined): Promise<string> {
    // Jobs without a province are the platform's own (e.g. a migration fan-out).
    if (typeof data?.tenantId !== 'string') return PLATFORM_LABEL;
    try {
      const tenant = await this.tenants.findById(data.tenantId);
      return tenant ? this.provinces.label(tenant.slug) : UNKNOWN_LABEL;
    } catch {
      return UNKNOWN_LABEL;
    }
  }

  /** Writes this worker's series; a failure is logged and retried at the next interval. */
  async publish(): Promise<void> {
    try {
      const publication: Publication = { at: Date.now(), metrics: await this.registry.getMetricsAsJSON() };
      await this.redis.client.hset(jobMetricsKey(this.redis), this.id, JSON.stringify(publication));
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Job metrics not published');
    }
  }
}

/** API side: the workers' latest job series, summed, with the `province` label bounded by this process's set. */
@Injectable()
export class JobMetricsReader {
  private readonly template: Registry;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {
    // With no worker publishing yet, the series still appear (HELP and TYPE, no samples).
    this.template = new Registry();
    jobSeriesIn(this.template);
  }

  async registry(provinces: ProvinceLabels): Promise<Registry> {
    const publications = await this.redis.client.hgetall(jobMetricsKey(this.redis));
    const staleBefore = Date.now() - STALE_AFTER_INTERVALS * this.config.metrics.workerPushSeconds * 1000;
    const fresh: MetricsJson[] = [await this.template.getMetricsAsJSON()];
    const stale: string[] = [];
    for (const [worker, text] of Object.entries(publications)) {
      const publication = parsePublication(text);
      if (!publication || publication.at < staleBefore) {
        stale.push(worker);
        continue;
      }
      for (const metric of publication.metrics) {
        for (const value of metric.values) {
          const province = value.labels.province;
          if (typeof province === 'string') value.labels.province = provinces.relabel(province);
        }
      }
      fresh.push(publication.metrics);
    }
    if (stale.length) await this.redis.client.hdel(jobMetricsKey(this.redis), ...stale);
    return AggregatorRegistry.aggregate(fresh);
  }
}

function parsePublication(text: string): Publication | null {
  try {
    const value = JSON.parse(text) as Partial<Publication>;
    return typeof value.at === 'number' && Array.isArray(value.metrics) ? (value as Publication) : null;
  } catch {
    return null;
  }
}
