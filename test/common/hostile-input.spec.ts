import { connect } from 'node:net';
import { schemaNameFor } from '../../src/tenancy/slug';
import { DEFAULT_WORKFLOW } from '../../src/workflow/workflow-config';
import { Harness, ProvisionedProvince } from '../support/harness';

/**
 * Issue 16, item 1: every class of hostile input found against the running platform gets a 4xx
 * naming the field, never a 5xx, and writes nothing, in either of two provinces.
 */
type Province = ProvisionedProvince & { adminToken: string };

let h: Harness;
let a: Province;
let b: Province;
let userA: string;
let departmentA: string;
let departmentB: string;
let documentA: string;
let documentB: string;
let preparerA: string;

beforeAll(async () => {
  // Its own database: the platform schema's row counts are compared around every refusal, and spec
  // files running beside this one provision provinces in the shared database.
  h = await Harness.start({ freshDatabase: 'hostile_input' });
  [a, b] = await Promise.all([h.provinceWithAdmin('hostile-a'), h.provinceWithAdmin('hostile-b')]);
  userA = (
    await h
      .on(a.host)
      .post('/api/users', a.adminToken)
      .send({ email: `officer@${a.slug}.gov.pk`, name: 'Officer', roles: ['preparer'] })
      .expect(201)
  ).body.user.id;
  departmentA = (
    await h.on(a.host).post('/api/departments', a.adminToken).send({ code: 'CW', name: 'Works' }).expect(201)
  ).body.id;
  departmentB = (
    await h.on(b.host).post('/api/departments', b.adminToken).send({ code: 'CW', name: 'Works' }).expect(201)
  ).body.id;
  preparerA = (await h.userWithRole(a, 'preparer')).token;
  documentA = await firstDocument(a);
  documentB = await firstDocument(b);
}, 120_000);

afterAll(() => h?.close());

async function firstDocument(province: Province): Promise<string> {
  const preparer = await h.userWithRole(province, 'preparer');
  const project = await h
    .on(province.host)
    .post('/api/projects', preparer.token)
    .send({ title: 'Gilgit water supply', formKey: 'pc1-infrastructure' })
    .expect(201);
  return project.body.document.id;
}

/** Row counts of every table of both provinces and the platform: a refusal must leave them as they were. */
async function counts(): Promise<Record<string, number>> {
  const schemas = [schemaNameFor(a.slug), schemaNameFor(b.slug), 'platform'];
  const tables: { s: string; t: string }[] = await h.dataSource.query(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'`,
    [schemas],
  );
  const sql = tables.map((x) => `(SELECT count(*) FROM "${x.s}"."${x.t}")::int AS "${x.s}.${x.t}"`).join(', ');
  return (await h.dataSource.query(`SELECT ${sql}`))[0];
}

/** Sends the request; expects `status` with a body naming `field` (in message or fields), and nothing written. */
async function refused(
  send: () => PromiseLike<{ status: number; body: Record<string, unknown> }>,
  status: number,
  field: string | RegExp,
): Promise<Record<string, unknown>> {
  const before = await counts();
  const res = await send();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  const text = JSON.stringify([res.body.message, res.body.fields ?? {}]);
  if (!text.match(field)) throw new Error(`expected the answer to name ${field}: ${JSON.stringify(res.body)}`);
  expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String) });
  expect(await counts()).toEqual(before);
  return res.body;
}

const LONE = '\ud800';
const NUL = '\u0000';

describe('lone surrogates in email fields (the email validator crashed)', () => {
  it('sign-in (province and operator), user creation, provisioning, admin restore: 400 naming the field', async () => {
    const email = `x${LONE}@gb.gov.pk`;
    await refused(() => h.on(a.host).post('/api/auth/login').send({ email, password: 'whatever-long' }), 400, /email/);
    await refused(
      () => h.on(h.platformHost).post('/api/platform/auth/login').send({ email, password: 'whatever-long' }),
      400,
      /email/,
    );
    await refused(
      () =>
        h
          .on(a.host)
          .post('/api/users', a.adminToken)
          .send({ email, name: 'Someone', roles: ['preparer'] }),
      400,
      /email/,
    );
    const operator = await h.operatorToken();
    await refused(
      () =>
        h
          .on(h.platformHost)
          .post('/api/platform/tenants', operator)
          .send({ slug: 'lone-sur', name: 'Lone', adminEmail: email, adminPassword: 'Province-Admin-Pass-1' }),
      400,
      /adminEmail/,
    );
    await refused(
      () => h.on(h.platformHost).post(`/api/platform/tenants/${b.slug}/admins`, operator).send({ email }),
      400,
      /email/,
    );
  });
});

describe('null where the column is NOT NULL', () => {
  it.each([
    [{ name: null }, 'name'],
    [{ locale: null }, 'locale'],
    [{ roles: null }, 'roles'],
  ])('PATCH /api/users/:id %j is a 400', async (patch, field) => {
    await refused(() => h.on(a.host).patch(`/api/users/${userA}`, a.adminToken).send(patch), 400, field);
  });

  it('department name, master-data sortOrder and active, forum-rule costs', async () => {
    await refused(
      () => h.on(a.host).patch(`/api/departments/${departmentA}`, a.adminToken).send({ name: null }),
      400,
      'name',
    );
    for (const field of ['sortOrder', 'active'])
      await refused(
        () =>
          h
            .on(a.host)
            .put('/api/master-data/districts/null-check', a.adminToken)
            .send({ nameEn: 'Null', nameUr: 'نل', [field]: null }),
        400,
        field,
      );
    for (const field of ['minCost', 'maxCost', 'maxIncreasePct'])
      await refused(
        () =>
          h
            .on(a.host)
            .post('/api/forum-rules', a.adminToken)
            .send({ code: 'null-cost', forum: 'pdwp', effectiveFrom: '2026-07-01', [field]: null }),
        400,
        field,
      );
  });
});

describe('numbers and dates beyond what the column holds', () => {
  it('page=1e20 on users, audit and the operator view of a province', async () => {
    await refused(() => h.on(a.host).get('/api/users?page=1e20', a.adminToken), 400, 'page');
    await refused(() => h.on(a.host).get('/api/audit?page=1e20', a.adminToken), 400, 'page');
    const operator = await h.operatorToken();
    await refused(
      () => h.on(h.platformHost).get(`/api/platform/tenants/${a.slug}/users?page=1e20`, operator),
      400,
      'page',
    );
  });

  it('a revision beyond int4 in a document diff, and dates Postgres cannot hold in the audit filter', async () => {
    await refused(
      () => h.on(a.host).get(`/api/documents/${documentA}/diff?from=1&to=99999999999`, a.adminToken),
      400,
      'to',
    );
    await refused(() => h.on(a.host).get('/api/audit?from=-010000-01-01T00:00:00Z', a.adminToken), 400, 'from');
    await refused(() => h.on(a.host).get('/api/audit?to=275760-09-13T00:00:00Z', a.adminToken), 400, 'to');
  });
});

describe('a form diff without its versions', () => {
  it.each(['?from=1', '?to=current', ''])('/api/forms/pc2/diff%s names what is missing', async (query) => {
    await refused(
      () => h.on(a.host).get(`/api/forms/pc2/diff${query}`, a.adminToken),
      400,
      query.includes('from') ? 'to' : query.includes('to') ? 'from' : /from|to/,
    );
  });
});

describe('NUL and lone surrogates in JSON saved to jsonb, and in path parameters', () => {
  it('document data, project titles, workflow and overlay labels, province names: 400 naming the path', async () => {
    await refused(
      () =>
        h
          .on(a.host)
          .put(`/api/documents/${documentA}`, preparerA)
          .send({ revision: 1, data: { general: { name: `Road${NUL}` } } }),
      400,
      'data.general.name',
    );
    await refused(
      () =>
        h
          .on(a.host)
          .post('/api/projects', preparerA)
          .send({ title: `Road ${LONE}`, formKey: 'pc2' }),
      400,
      'title',
    );
    await refused(
      () =>
        h
          .on(a.host)
          .put('/api/workflow', a.adminToken)
          .send({ states: [{ key: 'draft', label: { en: `Draft${NUL}`, ur: 'مسودہ' } }] }),
      400,
      /states\.0\.label\.en/,
    );
    await refused(
      () =>
        h
          .on(a.host)
          .put('/api/forms/pc2/overlay', a.adminToken)
          .send({ operations: [{ op: 'relabel', label: { en: `x${LONE}` } }] }),
      400,
      /operations\.0\.label\.en/,
    );
    const operator = await h.operatorToken();
    await refused(
      () =>
        h
          .on(h.platformHost)
          .post('/api/platform/tenants', operator)
          .send({
            slug: 'nul-name',
            name: `Nul${NUL}`,
            adminEmail: 'admin@nul.gov.pk',
            adminPassword: 'Province-Admin-Pass-1',
          }),
      400,
      'name',
    );
    // A key, not only a value.
    await refused(
      () =>
        h
          .on(a.host)
          .put(`/api/documents/${documentA}`, preparerA)
          .send({ revision: 1, data: { [`general${NUL}`]: {} } }),
      400,
      'data',
    );
  });

  it('NUL in an operator path parameter and in a query string', async () => {
    const operator = await h.operatorToken();
    await refused(() => h.on(h.platformHost).get('/api/platform/tenants/gb%00', operator), 400, 'slug');
    await refused(() => h.on(h.platformHost).post('/api/platform/tenants/gb%00/resume', operator), 400, 'slug');
    await refused(() => h.on(a.host).get('/api/users?q=ab%00', a.adminToken), 400, /"q":\["q contains a NUL/);
  });

  it('a malformed id in a path names the parameter (Nest\'s own pipe said only "uuid v 4 is expected")', async () => {
    const operator = await h.operatorToken();
    await refused(
      () => h.on(a.host).patch('/api/users/42', a.adminToken).send({ name: 'X' }),
      400,
      /"id must be a user id/,
    );
    await refused(
      () => h.on(a.host).post('/api/webhooks/0000001c-ce91-62a1-94a5-7a8c0000000c/rotate-secret', a.adminToken),
      400,
      /"id must be a UUID"/,
    );
    await refused(
      () => h.on(h.platformHost).post('/api/platform/operators/nope/disable', operator),
      400,
      /"id must be an operator id/,
    );
  });
});

describe('limits the database enforces', () => {
  it('a sector code over 80 characters and a 300,000-character district code', async () => {
    await refused(
      () =>
        h
          .on(a.host)
          .put(`/api/master-data/sectors/${'s'.repeat(81)}`, a.adminToken)
          .send({ nameEn: 'Long', nameUr: 'لمبا' }),
      400,
      'code',
    );
    await refused(
      () =>
        h
          .on(a.host)
          .put('/api/master-data/tehsils/long-parent', a.adminToken)
          .send({ nameEn: 'Long', nameUr: 'لمبا', parentCode: 'd'.repeat(300_000) }),
      400,
      'parentCode',
    );
    await refused(
      () =>
        h
          .on(a.host)
          .post('/api/projects', preparerA)
          .send({ title: 'Long district', formKey: 'pc2', districts: ['d'.repeat(300_000)] }),
      400,
      'districts',
    );
  });
});

describe('names and labels: bidi overrides, zero-width and control characters', () => {
  it.each([
    ['bidi override', 'Ayesha \u202eKhan'],
    ['bidi isolate', 'Ayesha \u2066Khan'],
    ['zero-width space', 'Ayesha\u200bKhan'],
    ['zero-width joiner', 'Ayesha\u200dKhan'],
    ['C0 control', 'Ayesha\u001bKhan'],
    ['C1 control', 'Ayesha\u0085Khan'],
    ['byte order mark', '\ufeffAyesha'],
  ])('a %s in a user name is a 400', async (_, name) => {
    await refused(
      () =>
        h
          .on(a.host)
          .post('/api/users', a.adminToken)
          .send({ email: `bidi-${Date.now()}@${a.slug}.gov.pk`, name }),
      400,
      'name',
    );
  });

  it('keeps the zero-width non-joiner Urdu spelling needs', async () => {
    const nameUr = 'گلگت\u200cبلتستان';
    const res = await h
      .on(a.host)
      .put('/api/master-data/districts/zwnj-check', a.adminToken)
      .send({ nameEn: 'Zwnj', nameUr });
    expect(res.status).toBeLessThan(300);
    const [row] = await h.dataSource.query(
      `SELECT name_ur FROM ${schemaNameFor(a.slug)}.master_data_items WHERE code = 'zwnj-check'`,
    );
    expect(row.name_ur).toBe(nameUr);
  });

  it('workflow and overlay labels with a bidi override or a zero-width space are refused', async () => {
    const overlay = (await h.on(a.host).get('/api/forms/pc2/overlay', a.adminToken).expect(200)).body;
    const baseVersion = overlay.baseVersion ?? overlay.overlay?.baseVersion;
    expect(baseVersion).toEqual(expect.any(String));
    const states = DEFAULT_WORKFLOW.states.map((state, i) =>
      i === 0 ? { ...state, label: { ...state.label, en: 'Draft\u202e' } } : state,
    );
    await refused(
      () =>
        h
          .on(a.host)
          .put('/api/workflow', a.adminToken)
          .send({ ...DEFAULT_WORKFLOW, states }),
      400,
      /states\/0\/label\/en|label/,
    );
    await refused(
      () =>
        h
          .on(a.host)
          .put('/api/forms/pc2/overlay', a.adminToken)
          .send({ baseVersion, operations: [{ op: 'relabel', target: 'general', label: { en: 'Gen\u200beral' } }] }),
      400,
      /label/,
    );
  });

  it('a department and a province named with a bidi override are refused', async () => {
    await refused(
      () => h.on(a.host).patch(`/api/departments/${departmentA}`, a.adminToken).send({ name: 'Works\u202e' }),
      400,
      'name',
    );
    const operator = await h.operatorToken();
    await refused(
      () =>
        h.on(h.platformHost).post('/api/platform/tenants', operator).send({
          slug: 'bidi-name',
          name: 'Bidi \u202eProvince',
          adminEmail: 'admin@bidi.gov.pk',
          adminPassword: 'Province-Admin-Pass-1',
        }),
      400,
      'name',
    );
  });
});

describe('hosts', () => {
  /** A raw HTTP/1.1 exchange: supertest cannot send two Host headers or an absolute-form target. */
  function raw(lines: string[]): Promise<{ status: number; body: Record<string, unknown> }> {
    const { port } = new URL(h.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('error', reject);
      socket.on('end', () => {
        const [head, body] = data.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), body: body ? JSON.parse(body) : {} });
      });
      // write, not end: a half-closed socket makes Node abort a request still being handled.
      // The server closes after answering (Connection: close).
      socket.write(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`);
    });
  }

  it('two Host headers are a 400', async () => {
    await refused(
      () => raw(['GET /api/tenant HTTP/1.1', `Host: ${a.host}`, `Host: ${b.host}`]),
      400,
      /more than one Host/,
    );
  });

  it('an absolute-form target naming another host than Host is a 400; the same host is served', async () => {
    await refused(
      () => raw([`GET http://${b.host}/api/tenant HTTP/1.1`, `Host: ${a.host}`]),
      400,
      /differs from the Host/,
    );
    const same = await raw([`GET http://${a.host}/api/tenant HTTP/1.1`, `Host: ${a.host}`]);
    expect(same).toMatchObject({ status: 200, body: { slug: a.slug } });
  });

  it('a request Node cannot parse gets 400 with a JSON body', async () => {
    const res = await raw(['GET /api/tenant HTTP/1.1', `Host: ${a.host}`, 'Content-Length: nope']);
    expect(res).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: [expect.stringMatching(/could not be parsed/)] },
    });
  });

  it('a 20 KB query string gets 431 with a JSON body', async () => {
    const res = await raw([`GET /api/users?q=${'x'.repeat(20_000)} HTTP/1.1`, `Host: ${a.host}`]);
    expect(res).toMatchObject({
      status: 431,
      body: {
        statusCode: 431,
        error: 'Request Header Fields Too Large',
        message: [expect.stringMatching(/too large/)],
      },
    });
  });
});

describe('every 4xx has a JSON body', () => {
  it('malformed JSON, a body over the limit, bad percent-encoding and an unknown route', async () => {
    const on = h.on(a.host);
    await refused(
      () => on.post('/api/departments', a.adminToken).set('Content-Type', 'application/json').send('{"code": "X",'),
      400,
      /JSON|Unexpected|expected/i,
    );
    await refused(
      () =>
        on
          .post('/api/departments', a.adminToken)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ code: 'X', name: 'n'.repeat(h.config.http.bodyLimitKb * 1024 + 1) })),
      413,
      /too large/i,
    );
    await refused(() => on.get('/api/departments/%ED%A0%80', a.adminToken), 400, /./);
    await refused(() => on.get('/api/departments/%ZZ', a.adminToken), 400, /./);
    await refused(() => on.get('/api/no-such-route', a.adminToken), 404, /./);
  });
});

describe('the other province stays out of reach', () => {
  it("province A's admin cannot read or change B's department or document with hostile or valid input", async () => {
    await refused(
      () => h.on(a.host).patch(`/api/departments/${departmentB}`, a.adminToken).send({ name: 'Taken' }),
      404,
      /./,
    );
    await refused(
      () => h.on(a.host).put(`/api/documents/${documentB}`, preparerA).send({ revision: 1, data: {} }),
      404,
      /./,
    );
    await refused(() => h.on(a.host).get(`/api/documents/${documentB}/diff?from=1&to=2`, preparerA), 404, /./);
    // B's token on A's host.
    await refused(() => h.on(a.host).get('/api/users?page=1', b.adminToken), 401, /./);
  });
});
