import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { SandboxBuildJob, TRAINING_QUEUE } from '../jobs/queues';
import { SandboxBuilder } from './sandbox-builder.service';
import { TrainingService } from './training.service';

const SCHEDULER_ID = 'training-sandbox-reset';

/** Worker side of the sandboxes: builds (creation, reset) and the scheduled reset of all of them. */
@Processor(TRAINING_QUEUE)
export class TrainingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(TrainingProcessor.name);

  constructor(
    private readonly builder: SandboxBuilder,
    private readonly training: TrainingService,
    private readonly config: AppConfig,
    @InjectQueue(TRAINING_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.sandbox.resetCron)
      await this.queue.upsertJobScheduler(
        SCHEDULER_ID,
        { pattern: this.config.sandbox.resetCron, tz: this.config.timeZone },
        { name: 'reset-all' },
      );
    else await this.queue.removeJobScheduler(SCHEDULER_ID);
  }

  async process(job: Job<SandboxBuildJob>): Promise<unknown> {
    if (job.name === 'reset-all') return { queued: await this.training.resetAll() };
    return this.builder.build(job.data.runId);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<SandboxBuildJob> | undefined, error: Error): void {
    this.logger.error({ err: error.message, runId: job?.data?.runId }, 'Training sandbox job crashed');
  }
}
