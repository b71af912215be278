import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCK_SQL, quoteIdent } from '../common/sql';
import { MigrationRunner } from '../database/migration-runner.service';
import { FormsService } from '../forms/forms.service';
import { installProvinceDefaults } from './province-defaults';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { UsersService } from '../users/users.service';
import { PROVISIONING_STEPS, ProvisioningStep, ProvisioningStepName } from './provisioning-run.entity';

export const DEFAULT_ADMIN_NAME = 'Province administrator';

/**
 * Builds a province: schema, every tenant migration, the first admin, its master data, the
 * base form catalogue (version 1 of every form), workflow and forum rules, then `active` — all in
 * one transaction, so a failure leaves no schema or half-seeded rows behind. Progress is written
 * outside that transaction so operators can watch it. Safe to run twice for the same run (BullMQ
 * delivers at least once): a lock serialises attempts and an active province is left alone.
 */
@Injectable()
export class TenantProvisioner {
  private readonly logger = new Logger(TenantProvisioner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly migrations: MigrationRunner,
    private readonly registry: TenantRegistry,
    private readonly forms: FormsService,
  ) {}

  async provision(tenantId: string, runId: string): Promise<'succeeded' | 'failed' | 'already-done'> {
    const [run] = await this.dataSource.query(
      `SELECT r.status, r.admin_email, r.admin_name, r.admin_password_hash, t.slug, t.schema_name, t.status AS tenant_status
         FROM platform.provisioning_runs r JOIN platform.tenants t ON t.id = r.tenant_id
        WHERE r.id = $1 AND r.tenant_id = $2`,
      [runId, tenantId],
    );
    if (!run) throw new Error(`provisioning run ${runId} for tenant ${tenantId} not found`);
    if (run.status === 'succeeded' || run.status === 'failed') return 'already-done';

    const steps: ProvisioningStep[] = PROVISIONING_STEPS.map((name) => ({ name, status: 'pending' }));
    await this.dataSource.query(
      `UPDATE platform.provisioning_runs SET status = 'running', started_at = now(), steps = $2, error = NULL WHERE id = $1`,
      [runId, JSON.stringify(steps)],
    );
    const step = async <T>(name: ProvisioningStepName, work: () => Promise<T>): Promise<T> => {
      const s = steps.find((x) => x.name === name)!;
      Object.assign(s, { status: 'running', startedAt: new Date().toISOString() });
      await this.saveSteps(runId, steps);
      const result = await work();
      Object.assign(s, { status: 'done', finishedAt: new Date().toISOString() });
      await this.saveSteps(runId, steps);
      return result;
    };

    try {
      const outcome = await this.dataSource.transaction(async (em) => {
        await em.query(ADVISORY_LOCK_SQL, [`daftar:provision:${tenantId}`]);
        const [tenant] = await em.query(`SELECT status FROM platform.tenants WHERE id = $1 FOR UPDATE`, [tenantId]);
        if (tenant?.status === 'active') return 'already-done' as const;
        await step('create-schema', () => em.query(`CREATE SCHEMA ${quoteIdent(run.schema_name)}`));
        await step('migrate', () => this.migrations.migrateTenantSchema(em, tenantId, run.schema_name));
        await step('seed-admin', () => this.seedAdmin(em, run.admin_email, run.admin_name, run.admin_password_hash));
        await step('install-defaults', () => installProvinceDefaults(em, run.slug, this.forms));
        await step('activate', () =>
          em.query(
            `UPDATE platform.tenants SET status = 'active', status_reason = NULL, updated_at = now() WHERE id = $1`,
            [tenantId],
          ),
        );
        return 'succeeded' as const;
      });
      await this.dataSource.query(
        `UPDATE platform.provisioning_runs
            SET status = 'succeeded', finished_at = now(), admin_password_hash = NULL WHERE id = $1`,
        [runId],
      );
      this.logger.log({ tenant: run.slug }, `Province ${run.slug} provisioned`);
      return outcome;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const s of steps) {
        if (s.status === 'done') s.status = 'rolled-back';
        if (s.status === 'running')
          Object.assign(s, { status: 'failed', finishedAt: new Date().toISOString(), detail: reason });
      }
      await this.dataSource.query(
        `UPDATE platform.provisioning_runs SET status = 'failed', finished_at = now(), error = $2, steps = $3 WHERE id = $1`,
        [runId, reason, JSON.stringify(steps)],
      );
      await this.dataSource.query(
        `UPDATE platform.tenants SET status = 'failed', status_reason = $2, updated_at = now() WHERE id = $1 AND status = 'provisioning'`,
        [tenantId, reason],
      );
      this.logger.error({ tenant: run.slug, err: reason }, `Provisioning ${run.slug} failed`);
      return 'failed';
    } finally {
      await this.registry.invalidate();
    }
  }

  private async seedAdmin(
    em: EntityManager,
    email: string,
    name: string | null,
    passwordHash: string | null,
  ): Promise<void> {
    if (!passwordHash)
      throw new Error('the first admin password is no longer stored; start a new provisioning request');
    await UsersService.insert(em, {
      email,
      name: name ?? DEFAULT_ADMIN_NAME,
      passwordHash,
      roles: ['tenant_admin'],
      status: 'active',
    });
  }

  private async saveSteps(runId: string, steps: ProvisioningStep[]): Promise<void> {
    await this.dataSource.query(`UPDATE platform.provisioning_runs SET steps = $2 WHERE id = $1`, [
      runId,
      JSON.stringify(steps),
    ]);
  }
}
