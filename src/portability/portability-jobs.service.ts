import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { rename, stat } from 'node:fs/promises';
import { AppConfig } from '../config/app-config';
import { PORTABILITY_QUEUE } from '../jobs/queues';
import { PlatformAuditService } from '../platform/platform-audit.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { ArchiveFolders } from './archive-folders';
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

/**
 * The producer side of province archives for the operator API: queues exports and imports for the
 * worker (each start on the operators' audit log), reports their progress and hands out finished
 * archives. Old archives go at each new job and hourly (ArchiveFolders.cleanup, PortabilityProcessor).
 */
@Injectable()
export class PortabilityJobs {
  private readonly logger = new Logger(PortabilityJobs.name);

  constructor(
    @InjectQueue(PORTABILITY_QUEUE) private readonly queue: Queue<PortabilityJobData>,
    private readonly registry: TenantRegistry,
    private readonly folders: ArchiveFolders,
    private readonly audit: PlatformAuditService,
    private readonly config: AppConfig,
  ) {}

  async startExport(slug: string): Promise<{ jobId: string }> {
    const province = await this.registry.describe(slug);
    if (!province) throw new NotFoundException(`No province "${slug}"`);
    if (province.status !== 'active' && province.status !== 'suspended')
      throw new ConflictException(`Province ${slug} is ${province.status}: only an active or suspended one has data`);
    const started = await this.enqueue({ kind: 'export', slug, archiveId: randomUUID() });
    // A whole province's data leaving through the API: always on the operators' audit log.
    await this.audit.record('tenant.export-started', slug, { jobId: started.jobId });
    return started;
  }

  /** Takes over an uploaded file (moved out of multer's folder) and queues its import. */
  async startImport(uploadedFile: string, slug: string | undefined): Promise<{ jobId: string }> {
    const uploadId = randomUUID();
    await rename(uploadedFile, this.folders.uploadPath(uploadId));
    const started = await this.enqueue({ kind: 'import', uploadId, ...(slug ? { slug } : {}) });
    await this.audit.record('tenant.import-started', slug ?? null, { jobId: started.jobId });
    return started;
  }

  private async enqueue(data: PortabilityJobData): Promise<{ jobId: string }> {
    await this.folders
      .cleanup()
      .catch((error) => this.logger.warn({ err: (error as Error).message }, 'Cleaning old province archives failed'));
    const jobId = `portability-${randomUUID()}`;
    await this.queue.add(data.kind, data, { jobId, attempts: 1, removeOnComplete: KEEP, removeOnFail: KEEP });
    return { jobId };
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
    const file = this.folders.archivePath(job.data.archiveId);
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
}
