import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { settleWithConcurrency } from '../common/concurrency';
import { ADVISORY_LOCK_SQL, quoteIdent } from '../common/sql';
import { Migration, PLATFORM_MIGRATIONS, TENANT_MIGRATIONS } from './migration';

export interface TenantMigrationOutcome {
  slug: string;
  schema: string;
  applied: string[];
  error?: string;
}

/** Hooks for a caller that shows a fan-out's progress (the console's migration runs). */
export interface TenantMigrationProgress {
  /** Once, with the number of provinces about to migrate. */
  started?(total: number): Promise<void>;
  /** After each province, success or failure. */
  settled?(outcome: TenantMigrationOutcome): Promise<void>;
}

export interface MigrationSummary {
  platform: string[];
  tenants: TenantMigrationOutcome[];
  failed: TenantMigrationOutcome[];
}

const BOOKKEEPING_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    id          text PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now()
  )`;

/**
 * Applies platform migrations, then fans tenant migrations out over every province with bounded
 * concurrency. Each schema migrates in its own transaction under an advisory lock, so two
 * deployers never race, and a failing province is reported while the others still migrate.
 */
@Injectable()
export class MigrationRunner {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(PLATFORM_MIGRATIONS) private readonly platformMigrations: readonly Migration[],
    @Inject(TENANT_MIGRATIONS) private readonly tenantMigrations: readonly Migration[],
  ) {}

  get latestTenantVersion(): string | null {
    return this.tenantMigrations.at(-1)?.id ?? null;
  }

  async migrateAll(): Promise<MigrationSummary> {
    const platform = await this.migratePlatform();
    const tenants = await this.migrateAllTenants();
    return { platform, tenants, failed: tenants.filter((t) => t.error) };
  }

  async migratePlatform(): Promise<string[]> {
    return this.dataSource.transaction(async (em) => {
      await em.query(ADVISORY_LOCK_SQL, ['daftar:migrate:platform']);
      await em.query(`CREATE SCHEMA IF NOT EXISTS platform`);
      await em.query(`SELECT set_config('search_path', 'platform', true)`);
      return this.applyPending(em, 'platform', this.platformMigrations);
    });
  }

  /** Every province that has a schema (active or suspended); failed and in-flight ones have none yet. */
  async migrateAllTenants(progress: TenantMigrationProgress = {}): Promise<TenantMigrationOutcome[]> {
    const tenants: { id: string; slug: string; schema_name: string }[] = await this.dataSource.query(
      `SELECT id, slug, schema_name FROM platform.tenants WHERE status IN ('active', 'suspended') ORDER BY slug`,
    );
    await progress.started?.(tenants.length);
    const settled = await settleWithConcurrency(tenants, this.config.migrationConcurrency, async (t) => {
      const outcome = await this.dataSource
        .transaction((em) => this.migrateTenantSchema(em, t.id, t.schema_name))
        .then(
          (applied): TenantMigrationOutcome => ({ slug: t.slug, schema: t.schema_name, applied }),
          (reason: unknown): TenantMigrationOutcome => {
            const error = reason instanceof Error ? reason.message : String(reason);
            this.logger.error({ tenant: t.slug, err: error }, `Tenant migration failed for ${t.slug}`);
            return { slug: t.slug, schema: t.schema_name, applied: [], error };
          },
        );
      await progress.settled?.(outcome);
      return outcome;
    });
    // A failing progress hook is the only way to reject here; it is reported like a province's failure.
    return settled.map((result, i) =>
      result.status === 'fulfilled'
        ? result.value
        : { slug: tenants[i].slug, schema: tenants[i].schema_name, applied: [], error: String(result.reason) },
    );
  }

  /** How many tenant migrations a schema at this version has still to apply (all of them before the first). */
  pendingTenantMigrations(version: string | null): number {
    return this.tenantMigrations.filter((m) => version === null || m.id > version).length;
  }

  /**
   * Brings one province's schema up to date inside the caller's transaction (the provisioner
   * calls this inside its own so a new province is all-or-nothing) and records its version.
   * `upTo` stops at that migration (a province archive is loaded at its own version, then migrated on).
   */
  async migrateTenantSchema(em: EntityManager, tenantId: string, schema: string, upTo?: string): Promise<string[]> {
    const migrations = upTo === undefined ? this.tenantMigrations : this.tenantMigrations.filter((m) => m.id <= upTo);
    await em.query(ADVISORY_LOCK_SQL, [`daftar:migrate:${schema}`]);
    await em.query(`SELECT set_config('search_path', $1, true)`, [quoteIdent(schema)]);
    const applied = await this.applyPending(em, schema, migrations);
    await em.query(`UPDATE platform.tenants SET schema_version = $2, updated_at = now() WHERE id = $1`, [
      tenantId,
      migrations.at(-1)?.id ?? null,
    ]);
    return applied;
  }

  /** The ids of the tenant migrations this deployment ships, in order. */
  get tenantMigrationIds(): string[] {
    return this.tenantMigrations.map((m) => m.id);
  }

  private async applyPending(em: EntityManager, schema: string, migrations: readonly Migration[]): Promise<string[]> {
    await em.query(BOOKKEEPING_TABLE);
    const rows: { id: string }[] = await em.query(`SELECT id FROM schema_migrations`);
    const done = new Set(rows.map((r) => r.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      try {
        await migration.up({ schema, query: (sql, params) => em.query(sql, params as unknown[]) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`migration ${migration.id} failed in schema ${schema}: ${message}`, { cause: error });
      }
      await em.query(`INSERT INTO schema_migrations (id) VALUES ($1)`, [migration.id]);
      applied.push(migration.id);
    }
    if (applied.length) this.logger.log(`Applied ${applied.join(', ')} to ${schema}`);
    return applied;
  }
}
