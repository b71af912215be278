import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MigrationRunner } from '../database/migration-runner.service';
import { ProvinceDefaults } from './province-defaults';
import { ProvisioningRepository } from './provisioning.repository';
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
    private readonly defaults: ProvinceDefaults,
    private readonly repository: ProvisioningRepository,
    private readonly users: UsersService,
  ) {}

  async provision(tenantId: string, runId: string): Promise<'succeeded' | 'failed' | 'already-done'> {
    const run = await this.repository.findRun(tenantId, runId);
    const province = run && (await this.registry.describeById(tenantId));
    if (!run || !province) throw new Error(`provisioning run ${runId} for tenant ${tenantId} not found`);
    if (run.status === 'succeeded' || run.status === 'failed') return 'already-done';

    const steps: ProvisioningStep[] = PROVISIONING_STEPS.map((name) => ({ name, status: 'pending' }));
    await this.repository.startRun(runId, steps);
    const step = async <T>(name: ProvisioningStepName, work: () => Promise<T>): Promise<T> => {
      const s = steps.find((x) => x.name === name)!;
      Object.assign(s, { status: 'running', startedAt: new Date().toISOString() });
      await this.repository.saveSteps(runId, steps);
      const result = await work();
      Object.assign(s, { status: 'done', finishedAt: new Date().toISOString() });
      await this.repository.saveSteps(runId, steps);
      return result;
    };

    try {
      const outcome = await this.dataSource.transaction(async (em) => {
        await this.repository.serialise(em, tenantId);
        if ((await this.registry.lockById(em, tenantId)) === 'active') return 'already-done' as const;
        await step('create-schema', () => this.repository.createSchema(em, province.schemaName));
        await step('migrate', () => this.migrations.migrateTenantSchema(em, tenantId, province.schemaName));
        await step('seed-admin', () => this.seedAdmin(em, run.admin_email, run.admin_name, run.admin_password_hash));
        await step('install-defaults', () => this.defaults.install(em, province.slug));
        await step('activate', () => this.registry.setStatus(em, tenantId, 'active', null));
        return 'succeeded' as const;
      });
      await this.repository.succeed(runId);
      this.logger.log({ tenant: province.slug }, `Province ${province.slug} provisioned`);
      return outcome;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const s of steps) {
        if (s.status === 'done') s.status = 'rolled-back';
        if (s.status === 'running')
          Object.assign(s, { status: 'failed', finishedAt: new Date().toISOString(), detail: reason });
      }
      // One transaction: whoever sees the run failed also sees the province failed (and can retry it).
      await this.dataSource.transaction(async (em) => {
        await this.repository.failRun(runId, reason, steps, em);
        await this.registry.transition({ id: tenantId }, 'provisioning', 'failed', reason, em);
      });
      this.logger.error({ tenant: province.slug, err: reason }, `Provisioning ${province.slug} failed`);
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
    await this.users.create(em, {
      email,
      name: name ?? DEFAULT_ADMIN_NAME,
      passwordHash,
      roles: ['tenant_admin'],
      status: 'active',
    });
  }
}
