import { Job, Queue, Worker } from 'bullmq';
import { Department } from '../../src/departments/department.entity';
import { TenantJobData } from '../../src/jobs/queues';
import { TenantJobQueue, TenantWorkerHost } from '../../src/jobs/tenant-jobs';
import { RedisService } from '../../src/redis/redis.service';
import { TenantDatabase } from '../../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

interface ProbeJob extends TenantJobData {
  seq: number;
}

/** Reads the province's departments through the same unit of work as request code. */
class ProbeHost extends TenantWorkerHost<ProbeJob, string[]> {
  readonly started: Array<{ tenantId: string; seq: number }> = [];
  constructor(
    registry: TenantRegistry,
    private readonly db: TenantDatabase,
    jobs: TenantJobQueue,
  ) {
    super(registry, db, jobs);
  }
  protected async handle(job: Job<ProbeJob>): Promise<string[]> {
    this.started.push({ tenantId: job.data.tenantId, seq: job.data.seq });
    const rows = await this.db.transaction((em) => em.getRepository(Department).find());
    return rows.map((d) => d.name);
  }
}

describe('province jobs', () => {
  let h: Harness;
  let a: ProvisionedProvince;
  let b: ProvisionedProvince;
  let queue: Queue<ProbeJob>;
  let jobs: TenantJobQueue;
  const workers: Worker[] = [];

  const startWorker = (host: ProbeHost, concurrency: number) => {
    const redis = h.api.get(RedisService);
    const worker = new Worker<ProbeJob>(queue.name, (job) => host.process(job), {
      connection: redis.client.options,
      prefix: redis.queuePrefix,
      concurrency,
    });
    workers.push(worker);
    return worker;
  };
  const newHost = () => new ProbeHost(h.api.get(TenantRegistry), h.api.get(TenantDatabase), jobs);

  beforeAll(async () => {
    h = await Harness.start();
    a = await h.provisionDirect(uniqueSlug('job-a'));
    b = await h.provisionDirect(uniqueSlug('job-b'));
    for (const p of [a, b]) {
      const token = await h.login(p);
      await h
        .on(p.host)
        .post('/api/departments', token)
        .send({ code: 'M', name: `marker-${p.slug}` })
        .expect(201);
    }
    const redis = h.api.get(RedisService);
    queue = new Queue<ProbeJob>(`probe-${a.slug}`, { connection: redis.client.options, prefix: redis.queuePrefix });
    jobs = h.api.get(TenantJobQueue);
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await queue.obliterate({ force: true });
    await queue.close();
    await h.close();
  });

  it("restores each job's province before the handler runs", async () => {
    const host = newHost();
    const worker = startWorker(host, 4);
    const added = await Promise.all(
      Array.from({ length: 20 }, (_, i) => jobs.add(queue, 'probe', { tenantId: (i % 2 ? a : b).id, seq: i })),
    );
    const results = await Promise.all(added.map((job) => waitFor(queue, job.id!)));
    added.forEach((_job, i) => expect(results[i]).toEqual([`marker-${(i % 2 ? a : b).slug}`]));
    await worker.close();
  });

  it('fails a job of an unknown province for good', async () => {
    const worker = startWorker(newHost(), 1);
    const job = await jobs.add(
      queue,
      'probe',
      { tenantId: '00000000-0000-4000-8000-000000000000', seq: 0 },
      { attempts: 3 },
    );
    await expect(waitFor(queue, job.id!)).rejects.toThrow(/does not exist/);
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);
    await worker.close();
  });

  it("starts another province's job after at most the worker's concurrency of a backlog", async () => {
    const concurrency = 2;
    const backlog = 300;
    await jobs.addBulk(
      queue,
      a.id,
      Array.from({ length: backlog }, (_, i) => ({ name: 'probe', data: { tenantId: a.id, seq: i } })),
    );
    const host = newHost();
    const worker = startWorker(host, concurrency);
    while (host.started.length < 20) await new Promise((r) => setTimeout(r, 5));
    const before = host.started.length;
    const late = await jobs.add(queue, 'probe', { tenantId: b.id, seq: -1 });
    await waitFor(queue, late.id!);
    const position = host.started.findIndex((s) => s.tenantId === b.id);
    const aJobsInBetween = position - before;
    expect(aJobsInBetween).toBeLessThanOrEqual(2 * concurrency);
    await worker.close();
  });
});

async function waitFor(queue: Queue, jobId: string, timeoutMs = 15_000): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const job = await queue.getJob(jobId);
    if (job?.finishedOn) {
      if (job.failedReason) throw new Error(job.failedReason);
      return job.returnvalue;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} did not finish`);
}
