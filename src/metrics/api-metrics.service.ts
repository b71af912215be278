import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EndpointCatalog } from '../auth/endpoint-catalog.service';
import { AppConfig } from '../config/app-config';
import { DatabaseHealth } from '../database/database-health.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { QUEUE_BOARD_ROUTE } from '../platform/queue-board-cookie';
import { AppQueues } from './app-queues';
import { PLATFORM_LABEL, ProvinceLabels, UNKNOWN_LABEL } from './province-labels';

/** `route` label of requests no route matched (404s): never the raw path, which a client chooses. */
export const UNMATCHED_ROUTE = 'unmatched';

/** The BullMQ job states counted at each scrape. */
const JOB_STATES = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'waiting-children',
  'paused',
  'completed',
  'failed',
] as const;

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

type RequestLabels = 'province' | 'method' | 'route';

interface RequestSeries {
  requests: Counter.Internal;
  duration: Histogram.Internal<RequestLabels>;
}

export interface ProvinceSummary {
  province: string;
  requests: number;
  errors: number;
  /** Requests refused with 429: the province's rate limit or the sign-in throttle. */
  rateLimited: number;
  /** Estimated from the latency histogram's buckets (as Prometheus' histogram_quantile does); null without requests. */
  p95Seconds: number | null;
}

/** pg's Pool as TypeORM's Postgres driver holds it (`driver.master`). */
/**
 * This API process's Prometheus registry (README, "Metrics and the queue dashboard"): request
 * rate, latency and errors by province, method and route; the connection pool; BullMQ job counts
 * read at scrape time; and prom-client's process metrics. A registry per application (not prom-client's global one), so
 * several API instances in one test process never share or collide on series.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  readonly provinces: ProvinceLabels;
  private readonly logger = new Logger(ApiMetrics.name);
  private readonly requests: Counter<RequestLabels | 'status_class'>;
  private readonly durations: Histogram<RequestLabels>;
  private readonly errors: Counter<RequestLabels>;
  private readonly rateLimited: Counter<'province'>;
  /** Label children by key: the hot path then costs a Map lookup, not prom-client's label hashing. */
  private readonly series = new Map<string, RequestSeries>();
  /** Every controller's path pattern, read once the app has started. */
  private controllerRoutes?: ReadonlySet<string>;

  constructor(
    config: AppConfig,
    database: DatabaseHealth,
    queues: AppQueues,
    private readonly endpoints: EndpointCatalog,
  ) {
    this.provinces = new ProvinceLabels(config.metrics.provinceLabelLimit);
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'daftar_http_requests_total',
      help: 'HTTP requests answered, by province, method, route pattern and status class',
      labelNames: ['province', 'method', 'route', 'status_class'],
      registers,
    });
    this.durations = new Histogram({
      name: 'daftar_http_request_duration_seconds',
      help: 'Time from routing to the last byte of the answer, by province, method and route pattern',
      labelNames: ['province', 'method', 'route'],
      registers,
    });
    this.errors = new Counter({
      name: 'daftar_http_errors_total',
      help: 'HTTP requests answered with a 5xx status, by province, method and route pattern',
      labelNames: ['province', 'method', 'route'],
      registers,
    });
    // Apart from the 4xx class so an operator sees a province hitting its limit (or a guessing attack) at a glance.
    this.rateLimited = new Counter({
      name: 'daftar_http_rate_limited_total',
      help: "Requests refused with 429 Too Many Requests (a province's rate limit, the sign-in throttle), by province",
      labelNames: ['province'],
      registers,
    });
    const pool = () => database.poolUsage();
    new Gauge({
      name: 'daftar_db_pool_connections',
      help: "Postgres connections in this process's pool: total open, idle, in use",
      labelNames: ['state'],
      registers,
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'total' }, p.totalCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
      },
    });
    new Gauge({
      name: 'daftar_db_pool_waiting_requests',
      help: 'Queries waiting for a free connection of the pool',
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    const logger = this.logger;
    new Gauge({
      name: 'daftar_queue_jobs',
      help: 'BullMQ jobs by queue and state, read from Redis at each scrape (the whole deployment)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        try {
          const all = queues.all();
          const counts = await Promise.all(all.map((q) => q.getJobCounts(...JOB_STATES)));
          all.forEach((q, i) => {
            for (const state of JOB_STATES) this.set({ queue: q.name, state }, counts[i][state] ?? 0);
          });
        } catch (error) {
          // A scrape must still answer with the request figures when Redis is away.
          logger.warn({ err: (error as Error).message }, 'Queue job counts unavailable for this scrape');
        }
      },
    });
  }

  /** Called once per answered request; synchronous and allocation-light (it is on every request's path). */
  observeRequest(store: DaftarStore | undefined, req: Request, status: number, seconds: number): void {
    const province = this.provinceOf(store);
    const route = this.routeOf(req);
    const statusClass = STATUS_CLASSES[Math.floor(status / 100) - 1] ?? '5xx';
    const key = `${province}\u0000${req.method}\u0000${route}\u0000${statusClass}`;
    let series = this.series.get(key);
    if (!series) {
      series = {
        requests: this.requests.labels({ province, method: req.method, route, status_class: statusClass }),
        duration: this.durations.labels({ province, method: req.method, route }),
      };
      this.series.set(key, series);
    }
    series.requests.inc();
    series.duration.observe(seconds);
    if (status >= 500) this.errors.inc({ province, method: req.method, route });
    else if (status === HttpStatus.TOO_MANY_REQUESTS) this.rateLimited.inc({ province });
  }

  /** Headline figures per province since this process started, from the same series /metrics shows. */
  async summary(): Promise<ProvinceSummary[]> {
    const [requests, errors, rateLimited, durations] = await Promise.all([
      this.requests.get(),
      this.errors.get(),
      this.rateLimited.get(),
      this.durations.get(),
    ]);
    const rows = new Map<
      string,
      { requests: number; errors: number; rateLimited: number; buckets: Map<number, number> }
    >();
    const row = (province: string) => {
      let r = rows.get(province);
      if (!r) rows.set(province, (r = { requests: 0, errors: 0, rateLimited: 0, buckets: new Map() }));
      return r;
    };
    for (const v of requests.values) row(String(v.labels.province)).requests += v.value;
    for (const v of errors.values) row(String(v.labels.province)).errors += v.value;
    for (const v of rateLimited.values) row(String(v.labels.province)).rateLimited += v.value;
    for (const v of durations.values) {
      if (v.metricName !== 'daftar_http_request_duration_seconds_bucket') continue;
      const bound = (v.labels as { le?: string | number }).le;
      const le = bound === '+Inf' ? Infinity : Number(bound);
      const buckets = row(String(v.labels.province)).buckets;
      buckets.set(le, (buckets.get(le) ?? 0) + v.value);
    }
    return [...rows]
      .map(([province, r]) => ({
        province,
        requests: r.requests,
        errors: r.errors,
        rateLimited: r.rateLimited,
        p95Seconds: quantile(0.95, r.buckets),
      }))
      .sort((a, b) => a.province.localeCompare(b.province));
  }

  /**
   * The controller route Express matched (e.g. `/api/projects/:id`), never the URL as requested.
   * Middleware mounted on a catch-all route (e.g. `/{*path}`) sets req.route too, and stays there
   * when no controller matches: only a controller's own pattern is taken, anything else is "unmatched".
   */
  private routeOf(req: Request): string {
    const url = req.originalUrl;
    const next = url.charAt(QUEUE_BOARD_ROUTE.length);
    if (url.startsWith(QUEUE_BOARD_ROUTE) && (next === '' || next === '/' || next === '?')) {
      return QUEUE_BOARD_ROUTE;
    }
    const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
    this.controllerRoutes ??= new Set(this.endpoints.list().map((e) => e.path));
    return typeof path === 'string' && this.controllerRoutes.has(path) ? path : UNMATCHED_ROUTE;
  }

  private provinceOf(store: DaftarStore | undefined): string {
    if (store?.host?.kind === 'platform') return PLATFORM_LABEL;
    // Only a province the registry resolved (never the Host header as sent) becomes a label.
    const slug = store?.tenant?.slug;
    return slug ? this.provinces.label(slug) : UNKNOWN_LABEL;
  }
}

/**
 * The q-quantile of cumulative histogram buckets (upper bound → count), interpolating linearly
 * inside the bucket it falls in, as Prometheus' histogram_quantile does.
 */
export function quantile(q: number, buckets: ReadonlyMap<number, number>): number | null {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? 0;
  if (!total) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound)!;
    if (count >= rank) {
      // Beyond the largest finite bucket nothing better than that bound is known.
      if (bound === Infinity) return lowerBound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / Math.max(count - lowerCount, 1);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}
