import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppConfig } from '../config/app-config';
import { PORTABILITY_QUEUE } from '../jobs/queues';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { ExportSummary, ImportSummary } from './portability.service';

export type PortabilityJobData =
  | { kind: 'export'; slug: string; archiveId: string }
  | { kind: 'import'; uploadId: string; slug?: string }
  | { kind: 'cleanup' };

export interface JobProgress {
  stage: string;
  done: number;
  total: number;
}

/** What the operator sees of an export or import job. */
export interface PortabilityJobView {
  id: string;
  kind: 'export' | 'import';
  state: 'queued' | 'running' | 'completed' | 'failed';
  progress: JobProgress | null;
  /** The export's or import's summary once completed. */
  result: Omit<ExportSummary, 'file'> | ImportSummary | null;
  /** Why it failed, as the operator should read it (a wrong checksum names its table or file). */
  failedReason: string | null;
  /** For a completed export: where to download the archive. */
  download: string | null;
}

const KEEP = { age: 7 * 24 * 3600 };
const CLEANUP_SCHEDULER = 'portability-cleanup';
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/**
 * The producer side of province archives for the operator API: queues exports and imports for the
 * worker, reports their progress, hands out finished archives, and removes archives, uploads and work
 * folders older than PORTABILITY_RETENTION_HOURS (an hourly job, and at each new job). Files live in
 * PORTABILITY_DIR, shared by the API and the worker (like STORAGE_DIR).
 */
@Injectable()
export class PortabilityJobs {
  private readonly logger = new Logger(PortabilityJobs.name);

  constructor(
    @InjectQueue(PORTABILITY_QUEUE) private readonly queue: Queue<PortabilityJobData>,
    private readonly registry: TenantRegistry,
    private readonly config: AppConfig,
  ) {}

  private folder(name: 'exports' | 'uploads' | 'work'): string {
    return path.resolve(this.config.portability.dir, name);
  }

  archivePath(archiveId: string): string {
    return path.join(this.folder('exports'), `${archiveId}.tar.gz`);
  }

  uploadPath(uploadId: string): string {
    return path.join(this.folder('uploads'), `${uploadId}.tar.gz`);
  }

  /** Where multer writes an upload before it is handed to a job. */
  async uploadFolder(): Promise<string> {
    const dir = path.join(this.folder('uploads'), 'incoming');
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async startExport(slug: string): Promise<{ jobId: string }> {
    const province = await this.registry.describe(slug);
    if (!province) throw new NotFoundException(`No province "${slug}"`);
    if (province.status !== 'active' && province.status !== 'suspended')
      throw new ConflictException(`Province ${slug} is ${province.status}: only an active or suspended one has data`);
    return this.enqueue({ kind: 'export', slug, archiveId: randomUUID() });
  }

  /** Takes over an uploaded file (moved out of multer's folder) and queues its import. */
  async startImport(uploadedFile: string, slug: string | undefined): Promise<{ jobId: string }> {
    const uploadId = randomUUID();
    await rename(uploadedFile, this.uploadPath(uploadId));
    return this.enqueue({ kind: 'import', uploadId, ...(slug ? { slug } : {}) });
  }

  private async enqueue(data: PortabilityJobData): Promise<{ jobId: string }> {
    await this.cleanup().catch((error) =>
      this.logger.warn({ err: (error as Error).message }, 'Cleaning old province archives failed'),
    );
    const jobId = `portability-${randomUUID()}`;
    await this.queue.add(data.kind, data, { jobId, attempts: 1, removeOnComplete: KEEP, removeOnFail: KEEP });
    return { jobId };
  }

  /** Keeps the hourly cleanup scheduled (called by the worker at start). */
  async scheduleCleanup(): Promise<void> {
    await this.queue.upsertJobScheduler(
      CLEANUP_SCHEDULER,
      { every: CLEANUP_EVERY_MS },
      { name: 'cleanup', data: { kind: 'cleanup' } },
    );
  }

  async view(jobId: string): Promise<PortabilityJobView> {
    const job = await this.job(jobId);
    const state = await job.getState();
    const data = job.data;
    if (data.kind === 'cleanup') throw new NotFoundException(`No export or import job ${jobId}`);
    const completed = state === 'completed';
    return {
      id: jobId,
      kind: data.kind,
      state: completed ? 'completed' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : 'queued',
      progress: typeof job.progress === 'object' ? (job.progress as unknown as JobProgress) : null,
      result: completed ? (job.returnvalue ?? null) : null,
      failedReason: state === 'failed' ? job.failedReason : null,
      download:
        completed && data.kind === 'export'
          ? `/api/platform/portability/exports/${encodeURIComponent(jobId)}/download`
          : null,
    };
  }

  /** The finished archive of an export job: its path and a file name for the download. */
  async archiveOf(jobId: string): Promise<{ file: string; fileName: string }> {
    const job = await this.job(jobId);
    if (job.data.kind !== 'export') throw new NotFoundException(`Job ${jobId} is not an export`);
    if ((await job.getState()) !== 'completed') throw new ConflictException(`Export ${jobId} has not completed`);
    const file = this.archivePath(job.data.archiveId);
    if (!(await stat(file).catch(() => null)))
      throw new NotFoundException(
        `The archive of export ${jobId} is gone (kept ${this.config.portability.retentionHours} h)`,
      );
    return {
      file,
      fileName: `daftar-${job.data.slug}-${new Date(job.finishedOn ?? Date.now()).toISOString().slice(0, 10)}.tar.gz`,
    };
  }

  private async job(jobId: string): Promise<Job<PortabilityJobData>> {
    const job = /^portability-[0-9a-f-]{36}$/.test(jobId) ? await this.queue.getJob(jobId) : undefined;
    if (!job) throw new NotFoundException(`No export or import job ${jobId}`);
    return job;
  }

  /** Removes archives, uploads and work folders older than the retention; answers how many went. */
  async cleanup(now = Date.now()): Promise<number> {
    const cutoff = now - this.config.portability.retentionHours * 3600 * 1000;
    let removed = 0;
    for (const folder of [
      this.folder('exports'),
      this.folder('uploads'),
      path.join(this.folder('uploads'), 'incoming'),
      this.folder('work'),
    ]) {
      const names = await readdir(folder).catch(() => [] as string[]);
      for (const name of names) {
        if (name === 'incoming') continue;
        const entry = path.join(folder, name);
        const info = await stat(entry).catch(() => null);
        if (info && info.mtimeMs < cutoff) {
          await rm(entry, { recursive: true, force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
