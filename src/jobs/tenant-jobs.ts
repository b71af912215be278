import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Job, JobsOptions, Queue, UnrecoverableError } from 'bullmq';
import { DependencyUnavailableException, withinOrUnavailable } from '../common/unavailable';
import { RedisService } from '../redis/redis.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { TenantJobData } from './queues';

/** BullMQ's largest priority; deeper backlogs than this share the last slot. */
const MAX_PRIORITY = 2_097_152;
/** Pending counters expire when idle, so a counter left high by a crashed worker heals itself. */
const PENDING_TTL_SECONDS = 24 * 60 * 60;

/** Finished jobs are subtracted in batches this often, off the job's own path. */
const SETTLE_FLUSH_MS = 20;

const DECREMENT_FLOORED = `
  local v = redis.call('DECRBY', KEYS[1], ARGV[1])
  if v < 0 then redis.call('SET', KEYS[1], 0) v = 0 end
  return v`;

/**
 * Adds province jobs so that one province's burst cannot starve another's (docs/ARCHITECTURE.md,
 * "Jobs"). A job's priority is its position in its own province's pending work: a province's first
 * pending job runs before another province's thousandth, which interleaves provinces fairly on
 * one shared queue without a queue (and blocked connections) per province.
 */
@Injectable()
export class TenantJobQueue implements OnModuleDestroy {
  private readonly unsettled = new Map<string, number>();
  private flushTimer?: NodeJS.Timeout;

  constructor(private readonly redis: RedisService) {}

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  async add<T extends TenantJobData>(
    queue: Queue<T>,
    name: string,
    data: T,
    options: JobsOptions = {},
  ): Promise<Job<T>> {
    const [job] = await this.addBulk(queue, data.tenantId, [{ name, data, options }]);
    return job;
  }

  /** Adds many jobs of one province; their priorities follow on from the province's backlog. */
  async addBulk<T extends TenantJobData>(
    queue: Queue<T>,
    tenantId: string,
    jobs: Array<{ name: string; data: T; options?: JobsOptions }>,
  ): Promise<Job<T>[]> {
    if (jobs.some((j) => j.data.tenantId !== tenantId))
      throw new Error('addBulk: every job must belong to the same province');
    const key = this.pendingKey(queue.name, tenantId);
    return this.bounded(async () => {
      const last = await this.redis.client.multi().incrby(key, jobs.length).expire(key, PENDING_TTL_SECONDS).exec();
      const end = Number(last?.[0]?.[1]);
      const start = end - jobs.length + 1;
      return queue.addBulk(
        jobs.map((j, i) => ({
          name: j.name,
          data: j.data,
          opts: {
            ...j.options,
            priority: Math.min(start + i, MAX_PRIORITY),
            ...(j.options?.jobId ? { jobId: this.jobIdFor(tenantId, j.options.jobId) } : {}),
          },
        })) as Parameters<Queue<T>['addBulk']>[0],
      );
    });
  }

  /**
   * Queue work (adds, look-ups) within REDIS_COMMAND_TIMEOUT_MS, or a 503 naming Redis. BullMQ's own
   * connection waits for Redis as long as it takes (its workers need that), so a request must not
   * wait on it: when our command connection is down, Redis is down, and we fail at once. An add
   * that was already sent may still land when Redis answers again; every job id is deterministic
   * and every handler idempotent, so that late add is harmless.
   */
  bounded<R>(work: () => Promise<R>): Promise<R> {
    const retryAfter = this.redis.retryAfterSeconds;
    return withinOrUnavailable('redis', this.redis.commandTimeoutMs, retryAfter, async () => {
      if (this.redis.client.status !== 'ready') throw new DependencyUnavailableException('redis', retryAfter);
      return work();
    });
  }

  /** A province's job by the id it was added with (only that province's: the id carries it). */
  getJob<T extends TenantJobData>(queue: Queue<T>, tenantId: string, jobId: string): Promise<Job<T> | undefined> {
    return this.bounded(() => queue.getJob(this.jobIdFor(tenantId, jobId)));
  }

  /**
   * Job ids are namespaced by province so two provinces can never collide or dedupe each other.
   * BullMQ reserves ':' in custom ids (its repeatable jobs use it), so the parts are joined by '.'.
   */
  jobIdFor(tenantId: string, jobId: string): string {
    return `${tenantId}.${jobId.replace(/:/g, '.')}`;
  }

  /**
   * Called once per job when it is finished for good (done, or failed its last attempt).
   * Counted locally and subtracted in one pipelined batch shortly after, so fairness costs no
   * extra Redis round trip per job; a few milliseconds of lag in the counters changes nothing.
   */
  settled(queueName: string, tenantId: string): void {
    const key = this.pendingKey(queueName, tenantId);
    this.unsettled.set(key, (this.unsettled.get(key) ?? 0) + 1);
    this.flushTimer ??= setTimeout(() => void this.flush(), SETTLE_FLUSH_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.unsettled.size) return;
    const batch = [...this.unsettled];
    this.unsettled.clear();
    const pipeline = this.redis.client.pipeline();
    for (const [key, count] of batch) pipeline.eval(DECREMENT_FLOORED, 1, key, count);
    await pipeline.exec();
  }

  private pendingKey(queueName: string, tenantId: string): string {
    return this.redis.tenantKey(tenantId, 'queue', queueName, 'pending');
  }
}

/**
 * Base class for every province job processor: before the handler runs it restores the
 * province from the job's tenantId into AsyncLocalStorage, so handlers use TenantDatabase
 * exactly as request code does. Handlers must be idempotent: BullMQ delivers at least once.
 */
export abstract class TenantWorkerHost<T extends TenantJobData = TenantJobData, R = unknown> extends WorkerHost {
  constructor(
    private readonly registry: TenantRegistry,
    private readonly tenantDb: TenantDatabase,
    private readonly tenantJobs: TenantJobQueue,
  ) {
    super();
  }

  protected abstract handle(job: Job<T>): Promise<R>;

  async process(job: Job<T>): Promise<R> {
    const tenant = await this.registry.findById(job.data.tenantId);
    if (!tenant) {
      this.tenantJobs.settled(job.queueName, job.data.tenantId);
      throw new UnrecoverableError(`province ${job.data.tenantId} does not exist`);
    }
    if (tenant.status !== 'active') throw new Error(`province ${tenant.slug} is ${tenant.status}; will retry`);
    let finished = false;
    try {
      const result = await this.tenantDb.runAs(tenant, () => this.handle(job));
      finished = true;
      return result;
    } catch (error) {
      finished = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      throw error;
    } finally {
      if (finished) this.tenantJobs.settled(job.queueName, job.data.tenantId);
    }
  }
}
