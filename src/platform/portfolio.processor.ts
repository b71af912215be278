import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { PORTFOLIO_QUEUE } from '../jobs/queues';
import { PortfolioAggregationService, PortfolioRefresh } from './portfolio-aggregation.service';
import { PORTFOLIO_KEEP_FINISHED_SECONDS, PORTFOLIO_REFRESH_JOB } from './portfolio.service';

/** The one scheduler of the daily run (one for the whole platform, not one per province). */
export const PORTFOLIO_SCHEDULER_ID = 'portfolio-daily';

/**
 * Worker side of the host's portfolio: keeps the daily scheduler (PORTFOLIO_HOUR in TIME_ZONE;
 * upserting it is idempotent, so every worker may) and runs the refreshes, daily or on demand.
 * A refresh replaces each province's figures as a whole, so running it twice is harmless.
 */
@Processor(PORTFOLIO_QUEUE)
export class PortfolioProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PortfolioProcessor.name);

  constructor(
    private readonly aggregation: PortfolioAggregationService,
    private readonly config: AppConfig,
    @InjectQueue(PORTFOLIO_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      PORTFOLIO_SCHEDULER_ID,
      { pattern: `0 ${this.config.portfolio.hour} * * *`, tz: this.config.timeZone },
      {
        name: PORTFOLIO_REFRESH_JOB,
        data: {},
        opts: {
          removeOnComplete: { age: PORTFOLIO_KEEP_FINISHED_SECONDS },
          removeOnFail: { age: PORTFOLIO_KEEP_FINISHED_SECONDS },
        },
      },
    );
  }

  process(job: Job): Promise<PortfolioRefresh> {
    if (job.name !== PORTFOLIO_REFRESH_JOB)
      throw new UnrecoverableError(`no handler for ${job.name} on the ${PORTFOLIO_QUEUE} queue`);
    return this.aggregation.refresh();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error({ err: error.message, jobId: job?.id }, 'Portfolio refresh crashed');
  }
}
