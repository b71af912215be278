import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { PROVISIONING_QUEUE, ProvisionTenantJob } from '../jobs/queues';
import { TenantJobQueue } from '../jobs/tenant-jobs';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { ProvisioningRun } from './provisioning-run.entity';
import { ProvisioningRepository } from './provisioning.repository';

/** Keeps finished jobs long enough to debug, without letting Redis grow forever. */
const KEEP_COMPLETED = { count: 1000 };
const KEEP_FAILED = { count: 5000 };

/** The producer side: records a run and queues it for the worker. */
@Injectable()
export class ProvisioningService {
  constructor(
    @InjectQueue(PROVISIONING_QUEUE) private readonly queue: Queue<ProvisionTenantJob>,
    private readonly repository: ProvisioningRepository,
    private readonly registry: TenantRegistry,
    private readonly jobs: TenantJobQueue,
  ) {}

  /** Inserts a queued run inside the caller's transaction (so it exists iff the tenant row does). */
  async createRun(
    em: EntityManager,
    tenantId: string,
    admin: { email: string; name: string | null; passwordHash: string },
    requestedBy: string | null,
  ): Promise<ProvisioningRun> {
    return this.repository.createRun(em, {
      tenantId,
      adminEmail: admin.email,
      adminName: admin.name,
      adminPasswordHash: admin.passwordHash,
      requestedBy,
    });
  }

  /** The runs of a province, newest first (the console shows the latest few). */
  recentRuns(tenantId: string, limit: number): Promise<ProvisioningRun[]> {
    return this.repository.recentRuns(tenantId, limit);
  }

  /** The first administrator of the province's latest run, inside the caller's transaction (a retry). */
  async lastAdminOf(
    em: EntityManager,
    tenantId: string,
  ): Promise<{ email: string; name: string | null; passwordHash: string }> {
    const admin = await this.repository.lastAdminOf(em, tenantId);
    if (!admin) throw new Error(`province ${tenantId} has no provisioning run to retry`);
    return admin;
  }

  /**
   * Queues a committed run. The job id is the run id, so a repeated call never queues it twice.
   * If Redis refuses, the run and province are marked failed (retryable) instead of hanging.
   */
  async enqueue(tenantId: string, runId: string): Promise<void> {
    try {
      await this.jobs.bounded(() =>
        this.queue.add(
          'provision',
          { tenantId, runId },
          { jobId: `provision-${runId}`, attempts: 1, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
        ),
      );
    } catch (error) {
      const reason = `could not queue provisioning: ${error instanceof Error ? error.message : String(error)}`;
      await this.repository.failRun(runId, reason);
      await this.registry.transition({ id: tenantId }, 'provisioning', 'failed', reason);
      await this.registry.invalidate();
      throw error;
    }
  }
}
