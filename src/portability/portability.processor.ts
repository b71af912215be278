import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { rm } from 'node:fs/promises';
import { PORTABILITY_QUEUE } from '../jobs/queues';
import { PortabilityJobData, PortabilityJobs } from './portability-jobs.service';
import { ExportSummary, ImportSummary, PortabilityService, ProgressListener } from './portability.service';

/** Worker side of the operator API's province archives; runs only in the worker process (src/worker.ts). */
@Processor(PORTABILITY_QUEUE)
export class PortabilityProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PortabilityProcessor.name);

  constructor(
    private readonly portability: PortabilityService,
    private readonly jobs: PortabilityJobs,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.scheduleCleanup();
  }

  async process(job: Job<PortabilityJobData>): Promise<Omit<ExportSummary, 'file'> | ImportSummary | number> {
    const data = job.data;
    const progress: ProgressListener = (stage, done, total) => job.updateProgress({ stage, done, total });
    switch (data.kind) {
      case 'cleanup':
        return this.jobs.cleanup();
      case 'export': {
        const { file, ...summary } = await this.portability.exportProvince(
          data.slug,
          this.jobs.archivePath(data.archiveId),
          progress,
        );
        return summary;
      }
      case 'import': {
        const upload = this.jobs.uploadPath(data.uploadId);
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
