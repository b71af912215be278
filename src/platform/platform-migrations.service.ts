import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ClsService } from 'nestjs-cls';
import { isUniqueViolation } from '../common/sql';
import { AppConfig } from '../config/app-config';
import { MigrationRunner } from '../database/migration-runner.service';
import { MigrationRunJob, PLATFORM_QUEUE } from '../jobs/queues';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantStatus } from '../tenancy/tenant.entity';
import { MigrationRun, MigrationRunsRepository } from './migration-runs.repository';
import { PlatformAuditService } from './platform-audit.service';
import { TenantsService } from './tenants.service';

/** Keeps finished jobs long enough to debug, without letting Redis grow forever. */
const KEEP_COMPLETED = { count: 100 };
const KEEP_FAILED = { count: 500 };

export interface ProvinceMigrationState {
  slug: string;
  name: string;
  status: TenantStatus;
  schemaVersion: string | null;
  /** Tenant migrations its schema has still to apply (a province not provisioned yet has no schema: all). */
  pending: number;
}

export interface MigrationsOverview {
  latestVersion: string | null;
  provinces: ProvinceMigrationState[];
  lastRun: MigrationRun | null;
}

/** The console's migrations page: every province's version, and fan-outs run by the worker. */
@Injectable()
export class PlatformMigrationsService {
  constructor(
    @InjectQueue(PLATFORM_QUEUE) private readonly queue: Queue<MigrationRunJob>,
    private readonly runner: MigrationRunner,
    private readonly runs: MigrationRunsRepository,
    private readonly tenants: TenantsService,
    private readonly audit: PlatformAuditService,
    private readonly cls: ClsService<DaftarStore>,
    private readonly config: AppConfig,
  ) {}

  async overview(): Promise<MigrationsOverview> {
    const [tenants, lastRun] = await Promise.all([this.tenants.list(), this.runs.latest()]);
    return {
      latestVersion: this.runner.latestTenantVersion,
      provinces: tenants.map((t) => ({
        slug: t.slug,
        name: t.name,
        status: t.status,
        schemaVersion: t.schemaVersion,
        pending: this.runner.pendingTenantMigrations(t.schemaVersion),
      })),
      lastRun,
    };
  }

  /** Queues a fan-out for the worker; one at a time (409 while another is queued or running). */
  async start(): Promise<{ runId: string }> {
    const principal = this.cls.get('principal');
    let runId: string;
    try {
      await this.runs.abandonStale(this.config.migrationRunStaleMinutes);
      runId = await this.runs.insert('console', principal?.kind === 'operator' ? principal.id : null, 'queued');
    } catch (error) {
      if (isUniqueViolation(error)) {
        const current = await this.runs.latest();
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'A migration run is already under way; wait for it to finish',
          runId: current?.id ?? null,
        });
      }
      throw error;
    }
    try {
      // The job id is the run id, so a repeated call can never queue the run twice.
      await this.queue.add(
        'migrate',
        { runId },
        { jobId: `migrate-${runId}`, attempts: 1, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
      );
    } catch (error) {
      const reason = `could not queue the migration run: ${error instanceof Error ? error.message : String(error)}`;
      await this.runs.finish(runId, 'failed', reason);
      throw error;
    }
    await this.audit.record('migrations.run', runId, { latestVersion: this.runner.latestTenantVersion });
    return { runId };
  }

  async run(id: string): Promise<MigrationRun> {
    const run = await this.runs.find(id);
    if (!run) throw new NotFoundException(`No migration run with id ${id}`);
    return run;
  }
}
