import { migrate } from '../../src/cli/commands';
import { AppConfig } from '../../src/config/app-config';
import { Migration } from '../../src/database/migration';
import { MigrationRunner } from '../../src/database/migration-runner.service';
import { MigrationFanOut } from '../../src/platform/migration-fan-out.service';
import { MigrationRunsRepository } from '../../src/platform/migration-runs.repository';
import { platformMigrations } from '../../src/database/platform-migrations';
import { schemaNameFor } from '../../src/tenancy/slug';
import { tenantMigrations } from '../../src/tenancy/tenant-migrations';
import { Harness, ProvisionedProvince } from '../support/harness';

const PROVINCES = 22;

/** Issue 2 §7: one new migration fanned out over many provinces, one of which fails. */
describe('tenant migrations across provinces', () => {
  let h: Harness;
  const provinces: ProvisionedProvince[] = [];
  let broken: ProvisionedProvince;
  let fixed = false;

  const addsColumn: Migration = {
    id: '0900-test-departments-phone',
    async up(db) {
      await db.query(`ALTER TABLE departments ADD COLUMN phone text`);
      if (db.schema === schemaNameFor(broken.slug) && !fixed) {
        throw new Error('disk full (simulated)');
      }
    },
  };

  beforeAll(async () => {
    // Its own database: a fan-out touches every province, and other specs' provinces are not ours.
    h = await Harness.start({ freshDatabase: 'daftar_test_migrations' });
    for (let i = 0; i < PROVINCES; i++) provinces.push(await h.provisionDirect(`mig-${String(i).padStart(2, '0')}`));
    broken = provinces[7];
  });

  afterAll(() => h.close());

  const runner = () =>
    new MigrationRunner(h.dataSource, h.api.get(AppConfig), platformMigrations, [...tenantMigrations, addsColumn]);
  const versions = async () =>
    new Map<string, string>(
      (await h.dataSource.query(`SELECT slug, schema_version FROM platform.tenants`)).map(
        (r: { slug: string; schema_version: string }) => [r.slug, r.schema_version],
      ),
    );
  const hasPhone = async (slug: string) =>
    (
      await h.dataSource.query(
        `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 ` +
          `AND table_name = 'departments' AND column_name = 'phone'`,
        [schemaNameFor(slug)],
      )
    ).length === 1;

  it('gives a new province every migration and records its version', async () => {
    const [first] = provinces;
    const applied = await h.dataSource.query(`SELECT id FROM t_mig_00.schema_migrations ORDER BY id`);
    expect(applied.map((r: { id: string }) => r.id)).toEqual(tenantMigrations.map((m) => m.id));
    expect((await versions()).get(first.slug)).toBe(tenantMigrations.at(-1)!.id);
  });

  it('migrates every other province, reports the failing one, and rolls that one back', async () => {
    const summary = await runner().migrateAll();
    expect(summary.tenants).toHaveLength(PROVINCES);
    expect(summary.failed.map((f) => f.slug)).toEqual([broken.slug]);
    expect(summary.failed[0].error).toMatch(/0900-test-departments-phone failed .* disk full/);
    const v = await versions();
    for (const p of provinces) {
      if (p === broken) {
        expect(v.get(p.slug)).toBe(tenantMigrations.at(-1)!.id);
        expect(await hasPhone(p.slug)).toBe(false);
      } else {
        expect(v.get(p.slug)).toBe(addsColumn.id);
        expect(await hasPhone(p.slug)).toBe(true);
      }
    }
  });

  it('exits non-zero from the CLI command and lists the failure', async () => {
    const lines: string[] = [];
    // The command records its fan-out as a migration run (issue 14) through MigrationFanOut.
    const fanOut = () => new MigrationFanOut(runner(), h.api.get(MigrationRunsRepository), h.api.get(AppConfig));
    const withRunner = (type: unknown) => (type === MigrationFanOut ? fanOut() : runner());
    const app = { get: withRunner } as unknown as Parameters<typeof migrate>[0];
    expect(await migrate(app, (l) => lines.push(l))).toBe(1);
    const [run] = await h.dataSource.query(
      `SELECT source, status, total, done, failures FROM platform.migration_runs ORDER BY created_at DESC LIMIT 1`,
    );
    expect(run).toMatchObject({
      source: 'cli',
      status: 'failed',
      total: PROVINCES,
      done: PROVINCES,
      failures: [{ slug: broken.slug }],
    });
    expect(lines.join('\n')).toMatch(new RegExp(`FAILED ${broken.slug}: .*disk full`));
    expect(lines.join('\n')).toMatch(/22 checked, 0 migrated, 1 failed/);
  });

  it('migrates the remaining province once the cause is fixed, leaving the others alone', async () => {
    fixed = true;
    const summary = await runner().migrateAll();
    expect(summary.failed).toEqual([]);
    const changed = summary.tenants.filter((t) => t.applied.length);
    expect(changed.map((t) => [t.slug, t.applied])).toEqual([[broken.slug, [addsColumn.id]]]);
    expect(await hasPhone(broken.slug)).toBe(true);
  });

  it('is safe to run from two deployers at once (advisory lock per schema)', async () => {
    const late: Migration = {
      id: '0901-test-concurrent',
      up: (db) => db.query(`CREATE TABLE concurrent_probe (id int)`).then(() => undefined),
    };
    const make = () =>
      new MigrationRunner(h.dataSource, h.api.get(AppConfig), platformMigrations, [
        ...tenantMigrations,
        addsColumn,
        late,
      ]);
    const [x, y] = await Promise.all([make().migrateAllTenants(), make().migrateAllTenants()]);
    expect([...x, ...y].filter((t) => t.error)).toEqual([]);
    // Each schema got the migration exactly once, from one of the two runners.
    const appliedCount = [...x, ...y].filter((t) => t.applied.includes(late.id)).length;
    expect(appliedCount).toBe(PROVINCES);
  });
});
