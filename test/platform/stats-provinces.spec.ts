import { randomBytes, randomUUID } from 'node:crypto';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness, ProvisionedProvince, uniqueSlug } from '../support/harness';

interface StatsRow {
  slug: string;
  users: number;
  projects: number;
  documents: number;
  attachments: number;
  attachmentBytes: number;
  lastActivityAt: string | null;
}

/** Issue 14: the console's figures per province, read from each province's own schema. */
describe('province figures for the operator console', () => {
  let h: Harness;
  let a: ProvisionedProvince;
  let b: ProvisionedProvince;
  let suspended: ProvisionedProvince;
  let operator: string;

  /** Adds `projects` projects with one document each, and attachments of the given sizes to the first document. */
  async function fill(p: ProvisionedProvince, projects: number, attachmentSizes: number[]): Promise<void> {
    const schema = schemaNameFor(p.slug);
    const [version] = await h.dataSource.query(`SELECT id FROM ${schema}.form_versions LIMIT 1`);
    const author = randomUUID();
    const documents: string[] = [];
    for (let i = 0; i < projects; i++) {
      const [project] = await h.dataSource.query(`INSERT INTO ${schema}.projects (title) VALUES ($1) RETURNING id`, [
        `Road ${i}`,
      ]);
      const [doc] = await h.dataSource.query(
        `INSERT INTO ${schema}.documents
           (project_id, form_key, edition, form_version_id, kind, title, state, created_by)
         VALUES ($1, 'pc1-infrastructure', '2024', $2, 'pc1', $3, 'draft', $4) RETURNING id`,
        [project.id, version.id, `Road ${i}`, author],
      );
      documents.push(doc.id);
    }
    for (const size of attachmentSizes) {
      await h.dataSource.query(
        `INSERT INTO ${schema}.attachments
           (document_id, kind, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
         VALUES ($1, 'map', 'map.pdf', 'application/pdf', $2, $3, $4, $5)`,
        [documents[0], size, randomBytes(32).toString('hex'), `${p.slug}/${randomUUID()}`, author],
      );
    }
  }

  async function stats(): Promise<StatsRow[]> {
    return (await h.on(h.platformHost).get('/api/platform/tenants/stats', operator).expect(200)).body as StatsRow[];
  }

  async function directCounts(p: ProvisionedProvince) {
    const schema = schemaNameFor(p.slug);
    const [row] = await h.dataSource.query(`
      SELECT (SELECT count(*) FROM ${schema}.users)::int AS users,
             (SELECT count(*) FROM ${schema}.projects)::int AS projects,
             (SELECT count(*) FROM ${schema}.documents)::int AS documents,
             (SELECT count(*) FROM ${schema}.attachments)::int AS attachments,
             (SELECT coalesce(sum(size_bytes), 0) FROM ${schema}.attachments)::float8 AS "attachmentBytes"`);
    return row;
  }

  beforeAll(async () => {
    h = await Harness.start({ freshDatabase: 'daftar_test_stats', env: { PROVINCE_STATS_CACHE_SECONDS: '0' } });
    a = await h.provisionDirect(uniqueSlug('st-a'));
    b = await h.provisionDirect(uniqueSlug('st-b'));
    suspended = await h.provisionDirect(uniqueSlug('st-s'));
    operator = await h.operatorToken();
    await fill(a, 3, [1000, 2500, 3_000_000_000]);
    await fill(b, 1, []);
    await h.userWithRole(a, 'preparer');
    await h.userWithRole(a, 'viewer');
    await h.userWithRole(b, 'reviewer');
    await h
      .on(h.platformHost)
      .post(`/api/platform/tenants/${suspended.slug}/suspend`, operator)
      .send({ reason: 'Audit of accounts' })
      .expect(200);
  });

  afterAll(() => h.close());

  it("matches direct counts in each province's schema, without mixing provinces", async () => {
    const res = await h.on(h.platformHost).get('/api/platform/tenants/stats', operator).expect(200);
    const rows = res.body as StatsRow[];
    expect(rows.map((r) => r.slug)).toEqual([a.slug, b.slug, suspended.slug].sort());
    for (const p of [a, b, suspended]) {
      const row = rows.find((r) => r.slug === p.slug)!;
      expect(row).toMatchObject(await directCounts(p));
    }
    const of = (p: ProvisionedProvince) => rows.find((r) => r.slug === p.slug);
    expect(of(a)).toMatchObject({ users: 3, projects: 3, documents: 3, attachments: 3 });
    expect(of(a)!.attachmentBytes).toBe(3_000_003_500);
    expect(of(b)).toMatchObject({ users: 2, projects: 1, documents: 1, attachments: 0, attachmentBytes: 0 });
    expect(of(suspended)).toMatchObject({ users: 1, projects: 0, documents: 0, attachments: 0 });
  });

  it('gives the last activity from the audit log and documents', async () => {
    const rows = await stats();
    const schema = schemaNameFor(b.slug);
    const [latest] = await h.dataSource.query(
      `SELECT GREATEST((SELECT max(at) FROM ${schema}.audit_log), (SELECT max(updated_at) FROM ${schema}.documents))
         AS at`,
    );
    const given = rows.find((r) => r.slug === b.slug)!.lastActivityAt!;
    expect(new Date(given).getTime()).toBe(new Date(latest.at).getTime());
  });

  it('leaves out provinces that are not provisioned', async () => {
    const failedSlug = uniqueSlug('st-f');
    await h.dataSource.query(
      `INSERT INTO platform.tenants (slug, name, schema_name, status) VALUES ($1, 'Never made', $2, 'failed')`,
      [failedSlug, schemaNameFor(failedSlug)],
    );
    const rows = await stats();
    expect(rows.map((r) => r.slug)).not.toContain(failedSlug);
  });

  it('still gives every other province its figures when one cannot be read', async () => {
    const schema = schemaNameFor(a.slug);
    await h.dataSource.query(`ALTER TABLE ${schema}.attachments RENAME TO attachments_away`);
    try {
      const rows = await stats();
      expect(rows.find((r) => r.slug === a.slug)).toEqual({ slug: a.slug, unreadable: true });
      expect(rows.find((r) => r.slug === b.slug)).toMatchObject(await directCounts(b));
    } finally {
      await h.dataSource.query(`ALTER TABLE ${schema}.attachments_away RENAME TO attachments`);
    }
    expect((await stats()).find((r) => r.slug === a.slug)).toMatchObject(await directCounts(a));
  });

  it('answers operators on the platform host only', async () => {
    await h.on(h.platformHost).get('/api/platform/tenants/stats').expect(401);
    await h
      .on(h.platformHost)
      .get('/api/platform/tenants/stats', await h.login(a))
      .expect(401);
    await h.on(a.host).get('/api/platform/tenants/stats', operator).expect(404);
    // "stats" is not read as a province's slug.
    const res = await h.on(h.platformHost).get('/api/platform/tenants/stats', operator).expect(200);
    expect(Array.isArray(res.body)).toBe(true);
  });
});
