import { Injectable, Logger } from '@nestjs/common';
import { isUniqueViolation } from '../common/sql';
import { AppConfig } from '../config/app-config';
import { MigrationRunner, TenantMigrationOutcome } from '../database/migration-runner.service';
import { MigrationRunsRepository } from './migration-runs.repository';

/** Well under the smallest stale limit (MIGRATION_RUN_STALE_MINUTES ≥ 1). */
const HEARTBEAT_MS = 20_000;

/**
 * Runs the tenant migrations over every province (MigrationRunner does the work, with bounded
 * concurrency and an advisory lock per schema) and keeps a migration run's row up to date after
 * each province, so the console can show progress and the failures. A run ends `completed` when
 * every province migrated, `failed` when any did not (they are listed) or the run itself broke.
 */
@Injectable()
export class MigrationFanOut {
  private readonly logger = new Logger(MigrationFanOut.name);

  constructor(
    private readonly runner: MigrationRunner,
    private readonly runs: MigrationRunsRepository,
    private readonly config: AppConfig,
  ) {}

  /** The worker's side of POST /api/platform/migrations/run. Safe to repeat: migrations already applied are skipped. */
  async execute(runId: string): Promise<TenantMigrationOutcome[]> {
    if (!(await this.runs.markRunning(runId))) {
      this.logger.warn({ runId }, 'Migration run already finished; job ignored');
      return [];
    }
    return this.track(runId);
  }

  /**
   * `npm run cli -- migrate`: recorded as a run too, unless one started from the console is under
   * way (the deployment's migration must not wait for it; advisory locks keep the two apart).
   */
  async executeFromCli(): Promise<TenantMigrationOutcome[]> {
    let runId: string;
    try {
      await this.runs.abandonStale(this.config.migrationRunStaleMinutes);
      runId = await this.runs.insert('cli', null, 'running');
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      this.logger.warn('A migration run from the console is under way; this one is not recorded as a run');
      return this.runner.migrateAllTenants();
    }
    return this.track(runId);
  }

  private async track(runId: string): Promise<TenantMigrationOutcome[]> {
    // One province's migration may take longer than the stale limit; the run is alive all the same.
    const heartbeat = setInterval(
      () =>
        void this.runs.heartbeat(runId).catch((e: unknown) => this.logger.warn({ runId, err: e }, 'heartbeat failed')),
      HEARTBEAT_MS,
    );
    try {
      const outcomes = await this.runner.migrateAllTenants({
        started: (total) => this.runs.setTotal(runId, total),
        settled: (o) => this.runs.settled(runId, o.error ? { slug: o.slug, error: o.error } : null),
      });
      await this.runs.finish(runId, outcomes.some((o) => o.error) ? 'failed' : 'completed');
      return outcomes;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.finish(runId, 'failed', message);
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }
}
