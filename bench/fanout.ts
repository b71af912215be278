import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CliModule } from '../src/cli.module';
import { AppConfig } from '../src/config/app-config';
import { Migration } from '../src/database/migration';
import { MigrationRunner } from '../src/database/migration-runner.service';
import { platformMigrations } from '../src/database/platform-migrations';
import { tenantMigrations } from '../src/tenancy/tenant-migrations';

/** Child process of the bench: applies one new migration to every province with the real runner. */
async function main() {
  const columns = (process.env.BENCH_COLUMNS ?? '').split(',').filter(Boolean);
  const extra: Migration[] = columns.map((c) => ({
    id: `9${c}-bench-column`,
    up: async (db) => void (await db.query(`ALTER TABLE departments ADD COLUMN ${c} text`)),
  }));
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  const runner = new MigrationRunner(
    app.get<DataSource>(getDataSourceToken()),
    app.get(AppConfig),
    platformMigrations,
    [...tenantMigrations, ...extra],
  );
  const t0 = performance.now();
  const outcomes = await runner.migrateAllTenants();
  const ms = performance.now() - t0;
  await app.close();
  process.stdout.write(
    JSON.stringify({
      ms,
      provinces: outcomes.length,
      failed: outcomes.filter((o) => o.error).length,
      applied: outcomes.filter((o) => o.applied.length).length,
    }),
  );
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
