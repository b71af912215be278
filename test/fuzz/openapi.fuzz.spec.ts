import fc from 'fast-check';
import request from 'supertest';
import { ApiExceptionFilter } from '../../src/common/api-exception.filter';
import { ROLES } from '../../src/tenancy/permissions';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness, ProvisionedProvince } from '../support/harness';
import {
  ArbitraryFactory,
  GeneratedRequest,
  multipartBody,
  OpenApiDocument,
  Operation,
  operationsOf,
  Pools,
  targetOf,
} from './openapi-arbitraries';

/**
 * Issue 16, item 2: every write operation and every GET with query filters, generated from the app's
 * own OpenAPI document and sent by a province administrator (operator operations by an operator on
 * the console's host), must never answer 5xx; a 4xx must write nothing in either province (row counts
 * of both schemas and the platform schema before and after) and must name its reason.
 *
 * Seeded: FUZZ_SEED replays a run (default fixed), FUZZ_RUNS sets the requests per operation,
 * FUZZ_ONLY="POST /api/users" narrows to one operation and FUZZ_PATH replays fast-check's shrink path.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 16_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const ONLY = process.env.FUZZ_ONLY;
const REPLAY_PATH = process.env.FUZZ_PATH;

interface Actor {
  host: string;
  token: string;
}

let harness: Harness;
let provinceA: ProvisionedProvince & { adminToken: string };
let provinceB: ProvisionedProvince & { adminToken: string };
let operations: Operation[];
let factory: ArbitraryFactory;
let errorFilter: ApiExceptionFilter;
let countRows: () => Promise<Record<string, number>>;
let operator: Actor;
let sent = 0;
const statuses = new Map<number, number>();
const started = Date.now();

beforeAll(async () => {
  harness = await Harness.start({
    // Its own database: the platform schema's row counts are part of "nothing written on a 4xx", and
    // spec files running beside this one provision provinces (and audit it) in the shared database.
    freshDatabase: 'fuzz',
    // Failed sign-ins are part of the fuzzing: the throttle must not turn them into 429s mid-run.
    env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' },
  });
  [provinceA, provinceB] = await Promise.all([harness.provinceWithAdmin('fza'), harness.provinceWithAdmin('fzb')]);
  // Operator operations on a province's slug aim at a third province, so a suspension cannot stop the run.
  const sacrificial = await harness.provisionDirect(`fzc-${provinceA.slug.slice(4)}`);
  errorFilter = harness.api.get(ApiExceptionFilter);
  operator = { host: harness.platformHost, token: await harness.operatorToken() };
  const spec = await harness.on(harness.platformHost).get('/api/docs/openapi.json').expect(200);
  const document = spec.body as OpenApiDocument;
  operations = operationsOf(document).filter((op) => !ONLY || `${op.method.toUpperCase()} ${op.path}` === ONLY);

  const schemas = [schemaNameFor(provinceA.slug), schemaNameFor(provinceB.slug), 'platform'];
  // The fuzzing administrator holds every role, so each operation's own checks are reached (an
  // upload, a review, a decision), not only the permission guard's 403.
  const [[adminA]] = await harness.dataSource.query(
    `UPDATE ${schemas[0]}.users SET roles = $2 WHERE email = $1 RETURNING id`,
    [provinceA.adminEmail, [...ROLES]],
  );
  provinceA = { ...provinceA, adminToken: await harness.login(provinceA) };
  await seedRows(provinceA);
  await seedRows(provinceB);
  const pools: Pools = new Map();
  await harvest(document, { host: provinceA.host, token: provinceA.adminToken }, pools);
  await harvest(document, operator, pools);
  pools.set('slug', [sacrificial.slug, 'nowhere']);

  const [self] = await harness.dataSource.query(`SELECT id FROM platform.operators WHERE email = $1`, [
    harness.operatorLogin.email,
  ]);
  // The fuzzing administrator's and operator's own ids stay out of the pools: disabling or demoting
  // themselves would end the sessions the rest of the run needs.
  const protectedIds = new Set([adminA.id, self.id]);
  const ids = await rowIds(schemas.slice(0, 2));
  for (const [name, values] of pools)
    pools.set(
      name,
      values.filter((v) => !protectedIds.has(v)),
    );
  factory = new ArbitraryFactory(
    document,
    pools,
    ids.filter((id) => !protectedIds.has(id)),
  );
  countRows = await rowCounter(schemas);
}, 120_000);

afterAll(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `fuzz: ${sent} requests over ${operations?.length ?? 0} operations in ${seconds} s ` +
      `(seed ${SEED}, ${RUNS} runs each); ` +
      `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
  );
  await harness?.close();
});

it('covers the write operations and the filtered lists of the OpenAPI document', () => {
  if (ONLY) return expect(operations).toHaveLength(1);
  const names = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
  expect(names).toEqual(
    expect.arrayContaining([
      'POST /api/users',
      'GET /api/audit',
      'PUT /api/documents/{id}',
      // Uploads, as multipart bodies.
      'POST /api/documents/{id}/attachments',
      'POST /api/platform/portability/imports',
    ]),
  );
  expect(names.filter((n) => n.startsWith('GET '))).not.toHaveLength(0);
  expect(operations.length).toBeGreaterThan(60);
});

describe('every operation', () => {
  // The operations are read from the document in beforeAll; each failing one is listed with its replay.
  it(
    'never answers 5xx, writes nothing on a 4xx, and names the reason of a 4xx',
    async () => {
      const failures: string[] = [];
      for (const operation of operations) {
        const actor = operation.platform ? operator : { host: provinceA.host, token: provinceA.adminToken };
        const name = `${operation.method.toUpperCase()} ${operation.path}`;
        try {
          await fc.assert(
            fc.asyncProperty(factory.request(operation), (generated) => check(operation, actor, generated)),
            { seed: SEED, numRuns: RUNS, path: REPLAY_PATH, endOnFailure: !REPLAY_PATH },
          );
        } catch (error) {
          const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : '';
          failures.push(
            `${name}: replay with FUZZ_ONLY="${name}" FUZZ_SEED=${SEED}\n${cause}\n` +
              (error as Error).message.slice(0, 2000),
          );
        }
      }
      expect(failures).toEqual([]);
      // About 30 ms a request on the 2-core CI machine, shrinking included; never less than Jest's default.
    },
    Math.max(60_000, RUNS * 100 * 150),
  );
});

/**
 * Writes a refusal may make on purpose: a failed sign-in (401) is audited in the province's or the
 * platform's audit log, so an attacker's guessing leaves a trace.
 */
const AUDITED_REFUSALS: Record<string, { status: number; table: RegExp }> = {
  'POST /api/auth/login': { status: 401, table: /^t_\w+\.audit_log$/ },
  'POST /api/platform/auth/login': { status: 401, table: /^platform\.audit_log$/ },
};

/** The row counts after the previous request: the "before" of the next one (one count per request). */
let lastCounts: Record<string, number> | undefined;

async function check(operation: Operation, actor: Actor, generated: GeneratedRequest): Promise<void> {
  const target = targetOf(operation, generated);
  const before = lastCounts ?? (await countRows());
  lastCounts = undefined;
  let req = request(harness.url)
    [operation.method](target)
    .set('Host', actor.host)
    .set('Authorization', `Bearer ${actor.token}`);
  if (generated.parts) {
    const { contentType, body } = multipartBody(generated.parts);
    req = req.set('Content-Type', contentType).send(body);
  } else if (generated.body !== undefined)
    req = req.set('Content-Type', 'application/json').send(JSON.stringify(generated.body));
  const slippedBefore = errorFilter.slippedDatabaseErrors;
  const res = await req;
  sent++;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const answer = `${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
  const what = `${operation.method.toUpperCase()} ${target.slice(0, 300)} -> ${answer}`;
  if (res.status >= 500) throw new Error(`server error: ${what}`);
  // The global filter turned a database error into this 4xx: validation at the edge missed the input.
  if (errorFilter.slippedDatabaseErrors !== slippedBefore)
    throw new Error(`a database error slipped past validation: ${what}`);
  const after = await countRows();
  lastCounts = after;
  if (res.status < 400) return;
  const message = (res.body as { message?: unknown }).message;
  const named =
    (typeof message === 'string' && message.trim().length > 0) ||
    (Array.isArray(message) && message.length > 0 && message.every((m) => typeof m === 'string' && m.trim()));
  if (!named) throw new Error(`a 4xx without a reason: ${what}`);
  const audited = AUDITED_REFUSALS[`${operation.method.toUpperCase()} ${operation.path}`];
  const changed = Object.keys(after).filter(
    (table) =>
      after[table] !== before[table] &&
      !(audited?.status === res.status && audited.table.test(table) && after[table] === before[table] + 1),
  );
  if (changed.length)
    throw new Error(`a 4xx wrote rows: ${what}; ${changed.map((t) => `${t} ${before[t]} -> ${after[t]}`).join(', ')}`);
}

/** A department, a user and a project in the province, so the fuzzer has real ids to aim at. */
async function seedRows(province: ProvisionedProvince & { adminToken: string }): Promise<void> {
  const on = harness.on(province.host);
  await on.post('/api/departments', province.adminToken).send({ code: 'FZ', name: 'Fuzz Works' }).expect(201);
  const preparer = await harness.userWithRole(province, 'preparer');
  await on
    .post('/api/projects', preparer.token)
    .send({ title: 'Fuzz Road', formKey: 'pc1-infrastructure' })
    .expect(201);
}

/** Values the app holds, by property name, from every GET without path parameters. */
async function harvest(document: OpenApiDocument, actor: Actor, pools: Pools): Promise<void> {
  const platform = actor.host === harness.platformHost;
  for (const [path, item] of Object.entries(document.paths)) {
    if (!item.get || path.includes('{') || path.startsWith('/api/platform/') !== platform) continue;
    if (/export|metrics|template/.test(path)) continue;
    const res = await request(harness.url)
      .get(path)
      .set('Host', actor.host)
      .set('Authorization', `Bearer ${actor.token}`);
    if (res.status === 200 && res.type === 'application/json') collect(res.body, '', pools);
  }
}

function collect(value: unknown, key: string, pools: Pools): void {
  if (Array.isArray(value)) return value.slice(0, 20).forEach((v) => collect(v, key, pools));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, k, pools);
    return;
  }
  if (!key || (typeof value !== 'string' && typeof value !== 'number') || String(value).length > 200) return;
  const known = pools.get(key) ?? [];
  if (known.length < 30 && !known.includes(value)) known.push(value);
  pools.set(key, known);
}

/** Up to five ids of every table with a uuid `id` in the given schemas. */
async function rowIds(schemas: string[]): Promise<string[]> {
  const tables: { table_schema: string; table_name: string }[] = await harness.dataSource.query(
    `SELECT table_schema, table_name FROM information_schema.columns
      WHERE table_schema = ANY($1) AND column_name = 'id' AND data_type = 'uuid'`,
    [schemas],
  );
  const ids: string[] = [];
  for (const t of tables) {
    const rows = await harness.dataSource.query(`SELECT id FROM "${t.table_schema}"."${t.table_name}" LIMIT 5`);
    ids.push(...rows.map((r: { id: string }) => r.id));
  }
  return ids;
}

/** One statement counting the rows of every table in the schemas: cheap enough to run around each request. */
async function rowCounter(schemas: string[]): Promise<() => Promise<Record<string, number>>> {
  const tables: { table_schema: string; table_name: string }[] = await harness.dataSource.query(
    `SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
    [schemas],
  );
  const sql = `SELECT ${tables
    .map(
      (t) => `(SELECT count(*) FROM "${t.table_schema}"."${t.table_name}")::int AS "${t.table_schema}.${t.table_name}"`,
    )
    .join(', ')}`;
  return async () => (await harness.dataSource.query(sql))[0];
}
