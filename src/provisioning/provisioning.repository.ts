import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCK_SQL, quoteIdent } from '../common/sql';
import { PROVISIONING_STEPS, ProvisioningRun, ProvisioningStep } from './provisioning-run.entity';

/** A run with what provisioning needs of its province. */
export interface RunToProvision {
  status: string;
  admin_email: string;
  admin_name: string | null;
  admin_password_hash: string | null;
  slug: string;
  schema_name: string;
  tenant_status: string;
}

/**
 * SQL of provisioning: its runs (platform.provisioning_runs) and the provisioning states of a
 * province's row (provisioning → active or failed), which only provisioning moves. Progress and
 * failures are written on the pool, outside the provisioning transaction, so operators see them.
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
      `SELECT r.status, r.admin_email, r.admin_name, r.admin_password_hash, t.slug, t.schema_name,
              t.status AS tenant_status
         FROM platform.provisioning_runs r JOIN platform.tenants t ON t.id = r.tenant_id
        WHERE r.id = $1 AND r.tenant_id = $2`,
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

  /** The province's status, its row locked and attempts serialised until the caller's transaction ends. */
  async lockProvince(em: EntityManager, tenantId: string): Promise<string | null> {
    await em.query(ADVISORY_LOCK_SQL, [`daftar:provision:${tenantId}`]);
    const [tenant] = await em.query(`SELECT status FROM platform.tenants WHERE id = $1 FOR UPDATE`, [tenantId]);
    return tenant?.status ?? null;
  }

  async createSchema(em: EntityManager, schemaName: string): Promise<void> {
    await em.query(`CREATE SCHEMA ${quoteIdent(schemaName)}`);
  }

  async activate(em: EntityManager, tenantId: string): Promise<void> {
    await em.query(
      `UPDATE platform.tenants SET status = 'active', status_reason = NULL, updated_at = now() WHERE id = $1`,
      [tenantId],
    );
  }

  /** A finished run forgets the first admin's password hash. */
  async succeed(runId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.provisioning_runs
          SET status = 'succeeded', finished_at = now(), admin_password_hash = NULL WHERE id = $1`,
      [runId],
    );
  }

  /** Marks the run and its province failed (retryable); `steps` when known. */
  async fail(runId: string, tenantId: string, reason: string, steps?: ProvisioningStep[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.provisioning_runs
          SET status = 'failed', finished_at = now(), error = $2, steps = COALESCE($3::jsonb, steps) WHERE id = $1`,
      [runId, reason, steps ? JSON.stringify(steps) : null],
    );
    await this.dataSource.query(
      `UPDATE platform.tenants SET status = 'failed', status_reason = $2, updated_at = now()
        WHERE id = $1 AND status = 'provisioning'`,
      [tenantId, reason],
    );
  }
}
