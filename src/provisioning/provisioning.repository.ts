import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCK_SQL, quoteIdent } from '../common/sql';
import { PROVISIONING_STEPS, ProvisioningRun, ProvisioningStep } from './provisioning-run.entity';

/** A run, with the first administrator it creates. */
export interface RunToProvision {
  status: string;
  admin_email: string;
  admin_name: string | null;
  admin_password_hash: string | null;
}

/**
 * SQL on provisioning's runs (platform.provisioning_runs); the province's own row is tenancy's
 * (TenantRegistry). Progress and failures are written on the pool, outside the provisioning
 * transaction, so operators see them.
 */
@Injectable()
export class ProvisioningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a queued run inside the caller's transaction. */
  createRun(
    em: EntityManager,
    run: Pick<ProvisioningRun, 'tenantId' | 'adminEmail' | 'adminName' | 'adminPasswordHash' | 'requestedBy'>,
  ): Promise<ProvisioningRun> {
    const repo = em.getRepository(ProvisioningRun);
    return repo.save(
      repo.create({
        ...run,
        status: 'queued',
        steps: PROVISIONING_STEPS.map((name) => ({ name, status: 'pending' as const })),
      }),
    );
  }

  async findRun(tenantId: string, runId: string): Promise<RunToProvision | null> {
    const [run] = await this.dataSource.query(
      `SELECT status, admin_email, admin_name, admin_password_hash
         FROM platform.provisioning_runs WHERE id = $1 AND tenant_id = $2`,
      [runId, tenantId],
    );
    return run ?? null;
  }

  async startRun(runId: string, steps: ProvisioningStep[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.provisioning_runs
          SET status = 'running', started_at = now(), steps = $2, error = NULL WHERE id = $1`,
      [runId, JSON.stringify(steps)],
    );
  }

  async saveSteps(runId: string, steps: ProvisioningStep[]): Promise<void> {
    await this.dataSource.query(`UPDATE platform.provisioning_runs SET steps = $2 WHERE id = $1`, [
      runId,
      JSON.stringify(steps),
    ]);
  }

  /** Serialises provisioning attempts of a province until the caller's transaction ends. */
  async serialise(em: EntityManager, tenantId: string): Promise<void> {
    await em.query(ADVISORY_LOCK_SQL, [`daftar:provision:${tenantId}`]);
  }

  /** The runs of a province, newest first. */
  recentRuns(tenantId: string, limit: number): Promise<ProvisioningRun[]> {
    return this.dataSource
      .getRepository(ProvisioningRun)
      .find({ where: { tenantId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** The first administrator named by the province's latest run, for a retry. */
  async lastAdminOf(
    em: EntityManager,
    tenantId: string,
  ): Promise<{ email: string; name: string | null; passwordHash: string } | null> {
    const [last] = await em.query(
      `SELECT admin_email AS email, admin_name AS name, admin_password_hash AS "passwordHash" ` +
        `FROM platform.provisioning_runs WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [tenantId],
    );
    return last ?? null;
  }

  async createSchema(em: EntityManager, schemaName: string): Promise<void> {
    await em.query(`CREATE SCHEMA ${quoteIdent(schemaName)}`);
  }

  /** A finished run forgets the first admin's password hash. */
  async succeed(runId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.provisioning_runs
          SET status = 'succeeded', finished_at = now(), admin_password_hash = NULL WHERE id = $1`,
      [runId],
    );
  }

  /** Marks the run failed (retryable); `steps` when known. */
  async failRun(
    runId: string,
    reason: string,
    steps?: ProvisioningStep[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await em.query(
      `UPDATE platform.provisioning_runs
          SET status = 'failed', finished_at = now(), error = $2, steps = COALESCE($3::jsonb, steps) WHERE id = $1`,
      [runId, reason, steps ? JSON.stringify(steps) : null],
    );
  }
}
