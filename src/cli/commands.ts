import { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { MigrationRunner } from '../database/migration-runner.service';
import { ProvinceDefaults } from '../provisioning/province-defaults';
import { CreateTenantRequest } from '../platform/dto/tenant.dto';
import { OperatorsService } from '../platform/operators.service';
import { TenantsService } from '../platform/tenants.service';
import { MigrationFanOut } from '../platform/migration-fan-out.service';
import { TenantProvisioner } from '../provisioning/tenant-provisioner.service';
import { AppConfig } from '../config/app-config';
import { PasswordHasher } from '../users/password-hasher.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { UsersService } from '../users/users.service';
import { PortabilityService, ProgressListener } from '../portability/portability.service';
import { ArchiveError } from '../portability/archive';

export type Out = (line: string) => void;

const POLL_MS = 500;
/** How long `tenant:create` waits with no progress before telling the operator to check the worker. */
const STALL_WARNING_MS = 15_000;

export class CliError extends Error {}

export async function migrate(app: INestApplicationContext, out: Out): Promise<number> {
  // Platform first (it creates the table runs are recorded in), then the provinces as a recorded run.
  const platform = await app.get(MigrationRunner).migratePlatform();
  const tenants = await app.get(MigrationFanOut).executeFromCli();
  const summary = { platform, tenants, failed: tenants.filter((t) => t.error) };
  const code = reportMigrations(summary, out);
  return code || installDefaults(app, undefined, out);
}

/**
 * Gives provinces the master data, base forms, workflow and forum rules they lack (new forms
 * in a release, or provinces created before them). One province, or every active one.
 */
export async function installDefaults(
  app: INestApplicationContext,
  slug: string | undefined,
  out: Out,
): Promise<number> {
  const registry = app.get(TenantRegistry);
  const db = app.get(TenantDatabase);
  const slugs = slug
    ? [slug]
    : (await app.get(TenantsService).list()).filter((t) => t.status === 'active').map((t) => t.slug);
  for (const s of slugs) {
    const tenant = await registry.findBySlug(s);
    if (!tenant) throw new CliError(`No province "${s}"`);
    const installed = await db.runAs(tenant, () =>
      db.transaction((em) => app.get(ProvinceDefaults).install(em, tenant.slug)),
    );
    if (installed.items || installed.forms.length)
      out(`  ${s}: ${installed.items} master-data items, forms ${installed.forms.join(', ') || 'up to date'}`);
    const rules = installed.forumRules;
    if (rules.inserted.length) out(`  ${s}: forum rules added (seed ${rules.seed}): ${rules.inserted.join(', ')}`);
    for (const skipped of rules.skipped)
      out(
        `  ${s}: forum rule ${skipped.code} not added: ` +
          `it would tie with ${skipped.conflicts.join(', ')} (review it: POST /api/forum-rules)`,
      );
  }
  out(`province defaults: ${slugs.length} province(s) checked`);
  return 0;
}

function reportMigrations(summary: Awaited<ReturnType<MigrationRunner['migrateAll']>>, out: Out): number {
  out(`platform: ${summary.platform.length ? `applied ${summary.platform.join(', ')}` : 'up to date'}`);
  const changed = summary.tenants.filter((t) => t.applied.length && !t.error);
  out(`provinces: ${summary.tenants.length} checked, ${changed.length} migrated, ${summary.failed.length} failed`);
  for (const t of changed) out(`  ${t.slug}: applied ${t.applied.join(', ')}`);
  for (const t of summary.failed) out(`  FAILED ${t.slug}: ${t.error}`);
  return summary.failed.length ? 1 : 0;
}

export interface CreateOptions {
  slug: string;
  name?: string;
  nameUr?: string;
  adminEmail?: string;
  adminName?: string;
  adminPassword?: string;
  domains?: string[];
  inline?: boolean;
}

/** Validates like the API does, so the CLI can't create what the API would refuse. */
async function toRequest(options: CreateOptions): Promise<CreateTenantRequest> {
  const request = plainToInstance(CreateTenantRequest, {
    slug: options.slug,
    name: options.name,
    ...(options.nameUr ? { nameUr: options.nameUr } : {}),
    adminEmail: options.adminEmail,
    ...(options.adminName ? { adminName: options.adminName } : {}),
    adminPassword: options.adminPassword,
    ...(options.domains?.length ? { domains: options.domains } : {}),
  });
  const errors = await validate(request, { forbidUnknownValues: true });
  if (errors.length) {
    throw new CliError(errors.flatMap((e) => Object.values(e.constraints ?? {})).join('\n'));
  }
  return request;
}

export async function createTenant(app: INestApplicationContext, options: CreateOptions, out: Out): Promise<number> {
  const tenants = app.get(TenantsService);
  const { tenant, run } = await tenants.create(await toRequest(options), null);
  out(`Province ${tenant.slug} registered; provisioning run ${run.id}`);
  if (options.inline) await app.get(TenantProvisioner).provision(tenant.id, run.id);
  return watch(tenants, tenant.slug, run.id, out);
}

/** Prints each step as it changes until the run ends. */
async function watch(tenants: TenantsService, slug: string, runId: string, out: Out): Promise<number> {
  const seen = new Map<string, string>();
  let lastChange = Date.now();
  let warned = false;
  for (;;) {
    const detail = await tenants.get(slug);
    const run = detail.runs.find((r) => r.id === runId);
    if (!run) throw new CliError(`run ${runId} disappeared`);
    for (const step of run.steps) {
      if (seen.get(step.name) !== step.status) {
        seen.set(step.name, step.status);
        lastChange = Date.now();
        out(`  ${step.name.padEnd(14)} ${step.status}${step.detail ? `: ${step.detail}` : ''}`);
      }
    }
    if (run.status === 'succeeded') {
      out(`Province ${slug} is ${detail.status} at ${detail.url}`);
      return 0;
    }
    if (run.status === 'failed') {
      out(`Provisioning ${slug} failed: ${run.error}. Fix the cause, then: npm run cli -- tenant:retry ${slug}`);
      return 1;
    }
    if (!warned && Date.now() - lastChange > STALL_WARNING_MS) {
      warned = true;
      out('  (no progress yet: is the worker running? `npm run start:worker`, or pass --inline)');
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export async function listTenants(app: INestApplicationContext, out: Out): Promise<number> {
  const rows = await app.get(TenantsService).list();
  if (!rows.length) out('No provinces yet.');
  for (const t of rows) {
    out(
      `${t.slug.padEnd(14)} ${t.status.padEnd(13)} ${t.name.padEnd(28)} ` +
        `${t.url}${t.domains.length ? ` (+ ${t.domains.join(', ')})` : ''}`,
    );
  }
  return 0;
}

export async function changeStatus(
  app: INestApplicationContext,
  action: 'suspend' | 'resume' | 'retry',
  slug: string,
  out: Out,
  reason?: string,
): Promise<number> {
  const tenants = app.get(TenantsService);
  if (action === 'retry') {
    const run = await tenants.retry(slug, null);
    return watch(tenants, slug, run.id, out);
  }
  const view = action === 'suspend' ? await tenants.suspend(slug, reason) : await tenants.resume(slug);
  out(`Province ${view.slug} is now ${view.status}`);
  return 0;
}

/** Prints a stage's progress when it starts, every tenth of the way, and when it ends. */
function progressPrinter(out: Out): ProgressListener {
  let shown = '';
  return (stage, done, total) => {
    const step = `${stage} ${Math.floor((10 * done) / Math.max(total, 1))}`;
    if (step === shown) return;
    shown = step;
    out(`  ${stage.padEnd(10)} ${done}/${total}`);
  };
}

export async function exportTenant(
  app: INestApplicationContext,
  slug: string,
  file: string,
  out: Out,
): Promise<number> {
  try {
    const summary = await app.get(PortabilityService).exportProvince(slug, file, progressPrinter(out));
    out(
      `Province ${slug} (schema ${summary.schemaVersion}) written to ${summary.file}: ${summary.tables} tables, ` +
        `${summary.rows} rows, ${summary.files} files, ${summary.bytes} bytes`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) throw new CliError(error.message);
    throw error;
  }
}

export async function importTenant(
  app: INestApplicationContext,
  file: string,
  slug: string | undefined,
  out: Out,
): Promise<number> {
  try {
    const summary = await app.get(PortabilityService).importArchive(file, { slug }, progressPrinter(out));
    const migrated =
      summary.schemaVersion === summary.archiveSchemaVersion ? '' : `, migrated on to ${summary.schemaVersion}`;
    out(
      `Province ${summary.slug} imported from ${file} (schema ${summary.archiveSchemaVersion}${migrated}): ` +
        `${summary.tables} tables, ${summary.rows} rows, ${summary.files} files, every checksum verified`,
    );
    if (migrated) out(`  then: npm run cli -- defaults:install ${summary.slug} (forms and rules of this release)`);
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) throw new CliError(error.message);
    throw error;
  }
}

export const DEMO_PROVINCES = [
  { slug: 'kp', name: 'Khyber Pakhtunkhwa', nameUr: 'خیبر پختونخوا', adminEmail: 'admin@kp.daftar.local' },
  { slug: 'gb', name: 'Gilgit-Baltistan', nameUr: 'گلگت بلتستان', adminEmail: 'admin@gb.daftar.local' },
] as const;
export const DEMO_PASSWORD = 'Daftar-Demo-2026';

/** Makes sure the operator and the demo provinces exist (provisioned in-process), then lists logins. */
export async function seedDemo(app: INestApplicationContext, out: Out, printLogins = true): Promise<number> {
  await app.get(OperatorsService).ensureFirstOperator();
  const existing = new Map((await app.get(TenantsService).list()).map((t) => [t.slug, t.status]));
  for (const p of DEMO_PROVINCES) {
    const status = existing.get(p.slug);
    if (status === 'active' || status === 'suspended') continue;
    if (status) {
      out(`Province ${p.slug} is ${status}; retrying`);
      const run = await app.get(TenantsService).retry(p.slug, null);
      const detail = await app.get(TenantsService).get(p.slug);
      await app.get(TenantProvisioner).provision(detail.id, run.id);
      continue;
    }
    const code = await createTenant(app, { ...p, adminPassword: DEMO_PASSWORD, inline: true }, out);
    if (code !== 0) return code;
  }
  await seedDemoUsers(app);
  if (!printLogins) {
    out('Demo provinces ready (kp, gb); the URLs and logins follow once the API listens');
    return 0;
  }
  return printDemoLogins(app, out);
}

export const DEMO_ROLES = ['preparer', 'reviewer', 'approver', 'viewer'] as const;
const demoEmail = (role: string, slug: string) => `${role}@${slug}.daftar.local`;

/** One demo user per role in each demo province (the admin comes from provisioning). */
async function seedDemoUsers(app: INestApplicationContext): Promise<void> {
  const registry = app.get(TenantRegistry);
  const db = app.get(TenantDatabase);
  const users = app.get(UsersService);
  const passwordHash = await app.get(PasswordHasher).hash(DEMO_PASSWORD);
  for (const p of DEMO_PROVINCES) {
    const tenant = await registry.findBySlug(p.slug);
    if (!tenant) continue;
    await db.runAs(tenant, () =>
      db.transaction(async (em) => {
        for (const role of DEMO_ROLES) {
          const email = demoEmail(role, p.slug);
          if (await users.existsByEmail(em, email)) continue;
          const name = `Demo ${role[0].toUpperCase()}${role.slice(1)}`;
          await users.create(em, { email, name, passwordHash, roles: [role], status: 'active' });
        }
      }),
    );
  }
}

/** The URLs and demo logins, as the README lists them. */
export function printDemoLogins(app: INestApplicationContext, out: Out): number {
  const config = app.get(AppConfig);
  out('');
  out(
    `Open the web app in a browser: ` +
      `${DEMO_PROVINCES.map((p) => config.urlFor(`${p.slug}.${config.baseDomain}`)).join('  or  ')}`,
  );
  out('');
  out(
    `Operator console (API): ${config.urlFor(config.platformHost)}   ${config.platformAdmin.email} ` +
      `/ ${config.env === 'production' ? '(PLATFORM_ADMIN_PASSWORD)' : config.platformAdmin.password}`,
  );
  for (const p of DEMO_PROVINCES) {
    out(`${p.name.padEnd(20)} ${config.urlFor(`${p.slug}.${config.baseDomain}`)}   ${p.adminEmail} / ${DEMO_PASSWORD}`);
    out(`${''.padEnd(20)} also ${DEMO_ROLES.map((r) => demoEmail(r, p.slug)).join(', ')} (same password)`);
  }
  out(`API docs: ${config.urlFor(config.platformHost)}/api/docs`);
  return 0;
}
