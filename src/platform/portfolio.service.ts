import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { stringify } from 'csv-stringify/sync';
import { neutraliseText } from '../common/cell-safety';
import { PORTFOLIO_QUEUE } from '../jobs/queues';
import { PortfolioSharingService } from '../portfolio/portfolio-sharing.service';
import { PortfolioAggregatesRepository, StoredFigure } from './portfolio-aggregates.repository';
import { PlatformAuditService } from './platform-audit.service';

export const PORTFOLIO_REFRESH_JOB = 'portfolio-refresh';
/** Finished refresh jobs kept (seconds) for the queue dashboard. */
export const PORTFOLIO_KEEP_FINISHED_SECONDS = 7 * 24 * 60 * 60;

/** The portfolio as the console reads it: each province with its computation time, and every figure. */
export interface PortfolioView {
  provinces: { slug: string; computedAt: Date }[];
  figures: StoredFigure[];
}

const CSV_COLUMNS: (keyof StoredFigure)[] = [
  'provinceSlug',
  'metric',
  'stage',
  'state',
  'forum',
  'sector',
  'financialYear',
  'count',
  'amount',
  'computedAt',
];

/** The operators' read of the host's portfolio (issue 17) and its on-demand refresh. */
@Injectable()
export class PortfolioService implements OnModuleInit {
  constructor(
    private readonly store: PortfolioAggregatesRepository,
    private readonly audit: PlatformAuditService,
    private readonly sharing: PortfolioSharingService,
    @InjectQueue(PORTFOLIO_QUEUE) private readonly queue: Queue,
  ) {}

  /** A province that withdraws sharing takes its figures with it, in the same commit as its decision. */
  onModuleInit(): void {
    this.sharing.onWithdrawn((em, slug) => this.store.removeProvince(em, slug));
  }

  async view(): Promise<PortfolioView> {
    const figures = await this.store.all();
    const provinces = new Map<string, Date>();
    for (const f of figures) {
      const seen = provinces.get(f.provinceSlug);
      if (!seen || f.computedAt > seen) provinces.set(f.provinceSlug, f.computedAt);
    }
    return { provinces: [...provinces].map(([slug, computedAt]) => ({ slug, computedAt })), figures };
  }

  async csv(): Promise<{ fileName: string; csv: string }> {
    const figures = await this.store.all();
    const rows = figures.map((f) =>
      CSV_COLUMNS.map((c) => {
        const value = f[c];
        if (value === null || value === undefined) return '';
        if (value instanceof Date) return value.toISOString();
        // Dimension values come from provinces' own data (sector names): never a formula in a spreadsheet.
        return typeof value === 'string' ? neutraliseText(value) : String(value);
      }),
    );
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: `portfolio-${day}.csv`, csv: stringify([CSV_COLUMNS, ...rows]) };
  }

  /** Queues a recomputation now (the worker runs it); the daily one runs at PORTFOLIO_HOUR anyway. */
  async requestRefresh(): Promise<{ jobId: string }> {
    const job = await this.queue.add(
      PORTFOLIO_REFRESH_JOB,
      {},
      {
        removeOnComplete: { age: PORTFOLIO_KEEP_FINISHED_SECONDS },
        removeOnFail: { age: PORTFOLIO_KEEP_FINISHED_SECONDS },
      },
    );
    await this.audit.record('portfolio.refresh', null, { jobId: job.id });
    return { jobId: job.id! };
  }
}
