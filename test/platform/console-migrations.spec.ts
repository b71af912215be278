import { migrate } from '../../src/cli/commands';
import { Migration } from '../../src/database/migration';
import { MigrationRunsRepository } from '../../src/platform/migration-runs.repository';
import { tenantMigrations } from '../../src/tenancy/tenant-migrations';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

/*
 * Issue 14: the console runs the tenant migrations over every province as a worker job and shows
 * its progress; one province failing is listed while the others migrate. Own database: a run
 * counts every province there is.
 */

type Run = {
  id: string;
  error: string | null;
  status: string;
  source: string;
  total: number;
  done: number;
  failures: Array<{ slug: string; error: string }>;
  startedBy: string | null;
};

describe('migrations from the console', () => {
  let h: Harness;
  let operator: string;
  let provinces: ProvisionedProvince[];
  // One list object shared by the API and the worker: a migration appended later is "a new release".
  const migrations: Migration[] = [...tenantMigrations];
  const failFor = new Set<string>();
  let release: () => void = () => undefined;
  let held: Promise<void> = Promise.resolve();

  const newRelease = (id: string): Migration => ({
    id,
    async up(db) {
      await held;
      await db.query(`CREATE TABLE release_probe_${id.slice(0, 4)} (id int)`);
      if (failFor.has(db.schema)) throw new Error('boom: made to fail by the test');
    },
  });

  beforeAll(async () => {
    h = await Harness.start({ worker: true, freshDatabase: 'console_migrations', tenantMigrations: migrations });
    operator = await h.operatorToken();
    provinces = [];
    for (const prefix of ['cm-a', 'cm-b', 'cm-c']) provinces.push(await h.provisionDirect(uniqueSlug(prefix)));
  });
  afterAll(() => h?.close());

  const api = () => h.on(h.platformHost);
  const runOf = async (id: string): Promise<Run> =>
    (await api().get(`/api/platform/migrations/runs/${id}`, operator).expect(200)).body;
  const finished = async (id: string): Promise<Run> => {
    const until = Date.now() + 20_000;
    for (;;) {
      const run = await runOf(id);
      if (run.status === 'completed' || run.status === 'failed') return run;
      if (Date.now() > until) throw new Error(`run ${id} still ${run.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('shows every province up to date before a release', async () => {
    const res = await api().get('/api/platform/migrations', operator).expect(200);
    expect(res.body.latestVersion).toBe(tenantMigrations.at(-1)!.id);
    expect(res.body.lastRun).toBeNull();
    expect(res.body.provinces).toHaveLength(3);
    const latest = tenantMigrations.at(-1)!.id;
    for (const p of res.body.provinces) {
      expect(p).toMatchObject({ status: 'active', schemaVersion: latest, pending: 0 });
    }
  });

  it('runs a release over every province in the worker; a failure is listed, the rest migrate', async () => {
    migrations.push(newRelease('9101-console-release'));
    const bad = provinces[1];
    failFor.add(`t_${bad.slug.replace(/-/g, '_')}`);
    held = new Promise((r) => (release = r));

    const before = await api().get('/api/platform/migrations', operator).expect(200);
    expect(before.body.latestVersion).toBe('9101-console-release');
    expect(before.body.provinces.map((p: { pending: number }) => p.pending)).toEqual([1, 1, 1]);

    const started = await api().post('/api/platform/migrations/run', operator).expect(202);
    expect(started.body).toEqual({ runId: expect.any(String) });
    // While it is under way (held inside the migration), a second run is refused.
    const second = await api().post('/api/platform/migrations/run', operator).expect(409);
    expect(second.body).toMatchObject({
      message: expect.stringMatching(/already under way/),
      runId: started.body.runId,
    });
    const until = Date.now() + 10_000;
    let during = await runOf(started.body.runId);
    // 'running' is written before the provinces are counted: wait for the count too.
    while ((during.status !== 'running' || during.total !== 3) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      during = await runOf(started.body.runId);
    }
    expect(during).toMatchObject({ status: 'running', total: 3, done: 0, source: 'console' });
    release();

    const run = await finished(started.body.runId);
    expect(run).toMatchObject({ status: 'failed', total: 3, done: 3, startedBy: h.operatorLogin.email });
    const error = expect.stringMatching(/migration 9101-console-release failed.*boom/);
    expect(run.failures).toEqual([{ slug: bad.slug, error }]);

    const after = (await api().get('/api/platform/migrations', operator).expect(200)).body;
    const bySlug = new Map(after.provinces.map((p: { slug: string }) => [p.slug, p]));
    expect(bySlug.get(provinces[0].slug)).toMatchObject({ schemaVersion: '9101-console-release', pending: 0 });
    expect(bySlug.get(provinces[2].slug)).toMatchObject({ schemaVersion: '9101-console-release', pending: 0 });
    expect(bySlug.get(bad.slug)).toMatchObject({ schemaVersion: tenantMigrations.at(-1)!.id, pending: 1 });
    expect(after.lastRun).toMatchObject({ id: run.id, status: 'failed' });

    // Fixed, run again: the failed province catches up and the run completes.
    failFor.clear();
    const retry = await api().post('/api/platform/migrations/run', operator).expect(202);
    expect(await finished(retry.body.runId)).toMatchObject({ status: 'completed', total: 3, done: 3, failures: [] });

    const audit = (await api().get('/api/platform/audit?action=migrations.run', operator).expect(200)).body;
    expect(audit.items.map((i: { target: string }) => i.target)).toEqual([retry.body.runId, run.id]);
    expect(audit.items[0]).toMatchObject({ operatorEmail: h.operatorLogin.email });
  });

  it('does not let a run whose worker died block the next one forever', async () => {
    const stuck = (await api().post('/api/platform/migrations/run', operator).expect(202)).body.runId;
    await finished(stuck);
    // As if its worker had died mid-run long ago: still "running", no progress for over an hour.
    await h.dataSource.query(
      `UPDATE platform.migration_runs
          SET status = 'running', finished_at = NULL, updated_at = now() - interval '2 hours'
        WHERE id = $1`,
      [stuck],
    );
    const next = await api().post('/api/platform/migrations/run', operator).expect(202);
    const error = expect.stringMatching(/abandoned: no progress for 60 minutes/);
    expect(await runOf(stuck)).toMatchObject({ status: 'failed', error });
    expect(await finished(next.body.runId)).toMatchObject({ status: 'completed', failures: [] });
    // Were its worker only slow, its late progress and end must not overwrite the verdict.
    const runs = h.api.get(MigrationRunsRepository);
    await runs.settled(stuck, null);
    await runs.finish(stuck, 'completed');
    expect(await runOf(stuck)).toMatchObject({ status: 'failed', error });
  });

  it('records `npm run cli -- migrate` as a run too', async () => {
    migrations.push(newRelease('9102-cli-release'));
    const lines: string[] = [];
    expect(await migrate(h.api, (line) => lines.push(line))).toBe(0);
    expect(lines).toContain('provinces: 3 checked, 3 migrated, 0 failed');
    const overview = (await api().get('/api/platform/migrations', operator).expect(200)).body;
    expect(overview.lastRun).toMatchObject({ source: 'cli', status: 'completed', total: 3, done: 3, startedBy: null });
    expect(overview.provinces.every((p: { pending: number }) => p.pending === 0)).toBe(true);
  });

  it('answers on the platform host to operators only', async () => {
    const province = provinces[0];
    const adminToken = await h.login(province);
    await api().get('/api/platform/migrations', adminToken).expect(401);
    await api().post('/api/platform/migrations/run', adminToken).expect(401);
    await h.on(province.host).get('/api/platform/migrations', operator).expect(404);
    await api().get('/api/platform/migrations/runs/00000000-0000-4000-8000-000000000000', operator).expect(404);
    const bad = await api().get('/api/platform/migrations/runs/nope', operator).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['id']);
  });
});
