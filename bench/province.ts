import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../src/cli.module';
import { AppConfig } from '../src/config/app-config';
import { ensureDatabase } from '../src/database/database-bootstrap';
import { MigrationRunner } from '../src/database/migration-runner.service';
import { CreateTenantRequest } from '../src/platform/dto/tenant.dto';
import { TenantsService } from '../src/platform/tenants.service';
import { TenantProvisioner } from '../src/provisioning/tenant-provisioner.service';
import { TenantRecord } from '../src/tenancy/tenant-context';
import { TenantRegistry } from '../src/tenancy/tenant-registry.service';
import { databaseUrl, recreateDatabase } from './lib';

/*
 * The app in this process for the benches that drive its services directly (mail, pdf): kept
 * apart from lib.ts so that run.ts and web.ts, which talk to servers of their own, do not load it.
 */

/** Password hashing as cheap as it goes: provisioning hashes the admin's, and it is not what is measured. */
const CHEAP_ARGON2 = { ARGON2_MEMORY_KIB: '8192', ARGON2_TIME_COST: '1' };

/**
 * A database of the bench's own, migrated, with one province provisioned through the platform's
 * services, and the CLI's application context to reach them. `env` is set on this process first
 * (the config is read from it), after the settings every such bench shares.
 */
export async function startWithProvince(options: {
  database: string;
  redisPrefix: string;
  env: Record<string, string>;
  province: { slug: string; name: string; adminEmail: string };
}): Promise<{ cli: INestApplicationContext; config: AppConfig; tenantId: string; province: TenantRecord }> {
  await recreateDatabase(options.database);
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl(options.database),
    REDIS_PREFIX: options.redisPrefix,
    LOG_LEVEL: 'silent',
    ...CHEAP_ARGON2,
    ...options.env,
  });
  const cli = await NestFactory.createApplicationContext(CliModule, { logger: false });
  const config = cli.get(AppConfig);
  await ensureDatabase(config);
  await cli.get(MigrationRunner).migratePlatform();
  const { tenant, run } = await cli
    .get(TenantsService)
    .create({ ...options.province, adminPassword: 'Bench-Admin-Password-1' } as CreateTenantRequest, null);
  if ((await cli.get(TenantProvisioner).provision(tenant.id, run.id)) === 'failed')
    throw new Error('provisioning failed');
  const province = (await cli.get(TenantRegistry).findById(tenant.id))!;
  return { cli, config, tenantId: tenant.id, province };
}
