import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Job, Queue, Worker } from 'bullmq';
import { CliModule } from '../src/cli.module';
import { TenantJobData } from '../src/jobs/queues';
import { TenantJobQueue, TenantWorkerHost } from '../src/jobs/tenant-jobs';
import { RedisService } from '../src/redis/redis.service';
import { TenantDatabase } from '../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../src/tenancy/tenant-registry.service';
import { median } from './lib';

/** A no-op province job: all the cost is the wrapper that restores the province. */
class NoopHost extends TenantWorkerHost<TenantJobData, null> {
  readonly started: string[] = [];
  /** When each job started (ms since the epoch, as BullMQ stamps jobs), in start order. */
  readonly startedAt: number[] = [];
  protected async handle(job: Job<TenantJobData>): Promise<null> {
    this.started.push(job.data.tenantId);
    this.startedAt.push(Date.now());
    return null;
  }
}

const JOBS = Number(process.env.BENCH_JOBS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_JOB_CONCURRENCY ?? 16);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000);
/** One trial depends on where the worker's fetch loop happens to be; the median of a few does not. */
const FAIRNESS_TRIALS = Number(process.env.BENCH_FAIRNESS_TRIALS ?? 5);
const [tenantA, tenantB] = (process.env.BENCH_TENANTS ?? '').split(',');

/** Child process of the bench: job throughput (tenant-aware vs bare BullMQ) and fairness. */
async function main() {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  const redis = app.get(RedisService);
  const tenantJobs = app.get(TenantJobQueue);
  const connection = { connection: redis.client.options, prefix: redis.queuePrefix };
  const host = () => new NoopHost(app.get(TenantRegistry), app.get(TenantDatabase), tenantJobs);
  await app.get(TenantRegistry).findById(tenantA); // warm the registry like a running worker

  const drain = async (queue: Queue, processor: (job: Job) => Promise<unknown>, expected: number) => {
    let done = 0;
    const t0 = performance.now();
    const finished = new Promise<void>((resolve) => {
      const worker = new Worker(queue.name, processor, { ...connection, concurrency: CONCURRENCY });
      worker.on('completed', () => {
        if (++done === expected) worker.close().then(() => resolve());
      });
      worker.on('failed', (_job, err) => process.stderr.write(`job failed: ${err.message}\n`));
    });
    await finished;
    return performance.now() - t0;
  };

  const tenantRates: number[] = [];
  const bareRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const tq = new Queue<TenantJobData>(`bench-tenant-${r}-${process.pid}`, connection);
    for (let i = 0; i < JOBS; i += 1000) {
      const n = Math.min(1000, JOBS - i);
      await tenantJobs.addBulk(
        tq,
        tenantA,
        Array.from({ length: n }, () => ({
          name: 'noop',
          data: { tenantId: tenantA },
          options: { removeOnComplete: true },
        })),
      );
    }
    const h = host();
    tenantRates.push(JOBS / ((await drain(tq, (job) => h.process(job as Job<TenantJobData>), JOBS)) / 1000));
    await tq.obliterate({ force: true });
    await tq.close();

    const bq = new Queue(`bench-bare-${r}-${process.pid}`, connection);
    for (let i = 0; i < JOBS; i += 1000) {
      const n = Math.min(1000, JOBS - i);
      await bq.addBulk(
        Array.from({ length: n }, () => ({
          name: 'noop',
          data: { tenantId: tenantA },
          opts: { removeOnComplete: true },
        })),
      );
    }
    bareRates.push(JOBS / ((await drain(bq, async () => null, JOBS)) / 1000));
    await bq.obliterate({ force: true });
    await bq.close();
  }

  // Fairness: A has a backlog; B adds one job; how many of A's start before B's?
  const fairness = async (fair: boolean) => {
    const q = new Queue<TenantJobData>(`bench-fair-${fair}-${process.pid}`, connection);
    for (let i = 0; i < BACKLOG; i += 1000) {
      const jobs = Array.from({ length: Math.min(1000, BACKLOG - i) }, () => ({
        name: 'noop',
        data: { tenantId: tenantA },
        options: { removeOnComplete: true },
      }));
      if (fair) await tenantJobs.addBulk(q, tenantA, jobs);
      else await q.addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: j.options })));
    }
    const h = host();
    const worker = new Worker(q.name, (job) => h.process(job as Job<TenantJobData>), {
      ...connection,
      concurrency: CONCURRENCY,
    });
    while (h.started.length < 100) await new Promise((r) => setTimeout(r, 2));
    // Counted from the moment B's job is sent to Redis (its BullMQ timestamp, taken just before
    // the add script runs): A's jobs that started from that millisecond on, before B's. Jobs
    // started within the same millisecond count against fairness, so this is an upper bound.
    const job = fair
      ? await tenantJobs.add(q, 'noop', { tenantId: tenantB }, { removeOnComplete: true })
      : await q.add('noop', { tenantId: tenantB }, { removeOnComplete: true });
    while (!h.started.includes(tenantB)) await new Promise((r) => setTimeout(r, 2));
    const startOfB = h.started.indexOf(tenantB);
    const aheadOfB = h.startedAt.slice(0, startOfB).filter((t) => t >= job.timestamp).length;
    await worker.close(true);
    await q.obliterate({ force: true });
    await q.close();
    return aheadOfB;
  };
  const fairTrials: number[] = [];
  for (let i = 0; i < FAIRNESS_TRIALS; i++) fairTrials.push(await fairness(true));
  const fair = median(fairTrials);
  const fifo = await fairness(false);

  await app.close();
  process.stdout.write(
    JSON.stringify({
      tenantRate: median(tenantRates),
      bareRate: median(bareRates),
      tenantRates,
      bareRates,
      fair,
      fairTrials,
      fifo,
      concurrency: CONCURRENCY,
    }),
  );
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
