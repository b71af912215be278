import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { MigrationRunJob, PLATFORM_QUEUE } from '../jobs/queues';
import { MigrationFanOut } from './migration-fan-out.service';

/** Worker side of the console's migration runs; runs only in the worker process (src/worker.ts). */
@Processor(PLATFORM_QUEUE)
export class MigrationsProcessor extends WorkerHost {
  private readonly logger = new Logger(MigrationsProcessor.name);

  constructor(private readonly fanOut: MigrationFanOut) {
    super();
  }

  async process(job: Job<MigrationRunJob>): Promise<{ provinces: number; failed: number }> {
    const outcomes = await this.fanOut.execute(job.data.runId);
    return { provinces: outcomes.length, failed: outcomes.filter((o) => o.error).length };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<MigrationRunJob> | undefined, error: Error): void {
    this.logger.error({ err: error.message, runId: job?.data.runId }, 'Migration run crashed');
  }
}
