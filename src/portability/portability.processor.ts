import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { rm } from 'node:fs/promises';
import { PORTABILITY_QUEUE } from '../jobs/queues';
import { ArchiveFolders } from './archive-folders';
import { PortabilityJobData } from './portability-jobs.service';
import { ExportSummary, ImportSummary, PortabilityService, ProgressListener } from './portability.service';

const CLEANUP_SCHEDULER = 'portability-cleanup';
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/** Worker side of the operator API's province archives; runs only in the worker process (src/worker.ts). */
@Processor(PORTABILITY_QUEUE)
export class PortabilityProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PortabilityProcessor.name);

  constructor(
    private readonly portability: PortabilityService,
    private readonly folders: ArchiveFolders,
    @InjectQueue(PORTABILITY_QUEUE) private readonly queue: Queue<PortabilityJobData>,
  ) {
    super();
  }

  /** Old archives go hourly (and at each new job, PortabilityJobs). */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      CLEANUP_SCHEDULER,
      { every: CLEANUP_EVERY_MS },
      { name: 'cleanup', data: { kind: 'cleanup' } },
    );
  }

  async process(job: Job<PortabilityJobData>): Promise<Omit<ExportSummary, 'file'> | ImportSummary | number> {
    const data = job.data;
    const progress: ProgressListener = (stage, done, total) => job.updateProgress({ stage, done, total });
    switch (data.kind) {
      case 'cleanup':
        return this.folders.cleanup();
      case 'export': {
        const { file, ...summary } = await this.portability.exportProvince(
          data.slug,
          this.folders.archivePath(data.archiveId),
          progress,
        );
        return summary;
      }
      case 'import': {
        const upload = this.folders.uploadPath(data.uploadId);
        try {
          return await this.portability.importArchive(upload, { slug: data.slug }, progress);
        } finally {
          // A failed import is not retried (the operator fixes the archive and uploads it again).
          await rm(upload, { force: true });
        }
      }
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<PortabilityJobData> | undefined, error: Error): void {
    this.logger.warn({ err: error.message, kind: job?.data.kind, jobId: job?.id }, 'Province archive job failed');
  }
}
