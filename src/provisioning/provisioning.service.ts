import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { PROVISIONING_QUEUE, ProvisionTenantJob } from '../jobs/queues';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { PROVISIONING_STEPS, ProvisioningRun } from './provisioning-run.entity';

/** Keeps finished jobs long enough to debug, without letting Redis grow forever. */
const KEEP_COMPLETED = { count: 1000 };
const KEEP_FAILED = { count: 5000 };

/** The producer side: records a run and queues it for the worker. */
@Injectable()
export class ProvisioningService {
  constructor(
    @InjectQueue(PROVISIONING_QUEUE) private readonly queue: Queue<ProvisionTenantJob>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: TenantRegistry,
  ) {}

  /** Inserts a queued run inside the caller's transaction (so it exists iff the tenant row does). */
  async createRun(
    em: EntityManager,
    tenantId: string,
    admin: { email: string; name: string | null; passwordHash: string },
    requestedBy: string | null,
  ): Promise<ProvisioningRun> {
    const repo = em.getRepository(ProvisioningRun);
    return repo.save(
      repo.create({
        tenantId,
        status: 'queued',
        steps: PROVISIONING_STEPS.map((name) => ({ name, status: 'pending' as const })),
        adminEmail: admin.email,
        adminName: admin.name,
        adminPasswordHash: admin.passwordHash,
        requestedBy,
      }),
    );
  }

  /**
   * Queues a committed run. The job id is the run id, so a repeated call never queues it twice.
   * If Redis refuses, the run and province are marked failed (retryable) instead of hanging.
   */
  async enqueue(tenantId: string, runId: string): Promise<void> {
    try {
      await this.queue.add(
        'provision',
        { tenantId, runId },
        { jobId: `provision-${runId}`, attempts: 1, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
      );
    } catch (error) {
      const reason = `could not queue provisioning: ${error instanceof Error ? error.message : String(error)}`;
      await this.dataSource.query(
        `UPDATE platform.provisioning_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
        [runId, reason],
      );
      await this.dataSource.query(
        `UPDATE platform.tenants SET status = 'failed', status_reason = $2, updated_at = now() WHERE id = $1`,
        [tenantId, reason],
      );
      await this.registry.invalidate();
      throw error;
    }
  }
}
