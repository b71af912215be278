import autocannon from 'autocannon';
import { Client } from 'pg';
import { BenchCase, makeCase, median } from './lib';

/*
 * Documents: save-draft and list requests per second on one province against the same
 * requests spread over 50 provinces (same number of documents and connections), and list
 * latency at 100,000 documents in a province against 1,000.
 */

export interface Fixture {
  host: string;
  token: string;
  schema: string;
}

interface Ctx {
  apiPort: number;
  connections: number;
  durationS: number;
  rounds: number;
  db: Client;
  fixtures: Fixture[];
  payload: unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  http: (method: string, host: string, url: string, token?: string, body?: unknown) => Promise<any>;
  log: (m: string) => void;
}

interface Doc {
  host: string;
  token: string;
  schema: string;
  id: string;
  revision: number;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Non-2xx answers by status, to say what the errors were. */
  statuses: Record<string, number>;
}

async function run(
  ctx: Ctx,
  requests: autocannon.Request[] | object[],
  connections = ctx.connections,
  seconds = ctx.durationS,
): Promise<Result> {
  const result = await autocannon({
    url: `http://127.0.0.1:${ctx.apiPort}/`,
    connections,
    duration: seconds,
    requests,
  } as autocannon.Options);
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, s]) => [code, (s as { count: number }).count]),
  );
  if (result.timeouts) statuses.timeout = result.timeouts;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
  };
}

const DOCS_PER_CONNECTION = 3;

export async function documentsBench(ctx: Ctx): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  const makeDocs = async (fixtures: Fixture[]): Promise<Doc[]> => {
    const docs: Doc[] = [];
    for (let i = 0; i < ctx.connections * DOCS_PER_CONNECTION; i++) {
      const f = fixtures[i % fixtures.length];
      const created = await ctx.http('POST', f.host, '/api/projects', f.token, {
        title: `Bench road ${i}`,
        formKey: 'pc1-infrastructure',
      });
      docs.push({ host: f.host, token: f.token, schema: f.schema, id: created.document.id, revision: 1 });
    }
    return docs;
  };
  const one = await makeDocs(ctx.fixtures.slice(0, 1));
  const fifty = await makeDocs(ctx.fixtures.slice(0, 50));

  /** Saves in flight when a run stops land after it: read the revisions back before the next run. */
  const resync = async (docs: Doc[]) => {
    await new Promise((r) => setTimeout(r, 500));
    for (const schema of new Set(docs.map((d) => d.schema))) {
      const { rows } = await ctx.db.query(`SELECT id, revision FROM ${schema}.documents WHERE id = ANY($1)`, [
        docs.filter((d) => d.schema === schema).map((d) => d.id),
      ]);
      for (const row of rows) docs.find((d) => d.id === row.id)!.revision = row.revision;
    }
  };

  // Each connection saves its own documents in turn, so no save is refused as stale. One
  // autocannon instance per connection: autocannon shares request objects between the
  // connections of one instance (and resets their context), which would mix documents up.
  const saves = async (docs: Doc[]): Promise<Result> => {
    const results = await Promise.all(
      Array.from({ length: ctx.connections }, (_, k) => {
        const mine = docs.filter((_, i) => i % ctx.connections === k);
        let turn = 0;
        return run(
          ctx,
          [
            {
              setupRequest: (req: autocannon.Request, context: { current?: Doc }) => {
                const d = mine[turn++ % mine.length];
                context.current = d;
                return {
                  ...req,
                  method: 'PUT',
                  path: `/api/documents/${d.id}`,
                  headers: { host: d.host, authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
                  body: JSON.stringify({ revision: d.revision, data: ctx.payload }),
                };
              },
              onResponse: (status: number, body: string, context: { current?: Doc }) => {
                const revision = status === 200 ? /"revision":(\d+)/.exec(body)?.[1] : undefined;
                if (revision && context.current) context.current.revision = Number(revision);
              },
            },
          ],
          1,
        );
      }),
    );
    await resync(docs);
    const statuses: Record<string, number> = {};
    for (const x of results)
      for (const [code, n] of Object.entries(x.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
    return {
      rps: results.reduce((n, x) => n + x.rps, 0),
      p50: median(results.map((x) => x.p50)),
      p99: Math.max(...results.map((x) => x.p99)),
      errors: results.reduce((n, x) => n + x.errors, 0),
      statuses,
    };
  };
  const lists = (docs: Doc[]) => {
    let i = 0;
    return [
      {
        setupRequest: (req: autocannon.Request) => {
          const d = docs[i++ % docs.length];
          return {
            ...req,
            method: 'GET',
            path: '/api/documents?mine=drafts&pageSize=1',
            headers: { host: d.host, authorization: `Bearer ${d.token}` },
          };
        },
      },
    ];
  };

  ctx.log('documents: save-draft and list, one province vs 50');
  await saves(one); // warm-up
  const r: Record<string, Result[]> = { saveOne: [], saveFifty: [], listOne: [], listFifty: [] };
  for (let round = 0; round < ctx.rounds; round++) {
    r.saveOne.push(await saves(one));
    r.saveFifty.push(await saves(fifty));
    r.listOne.push(await run(ctx, lists(one)));
    r.listFifty.push(await run(ctx, lists(fifty)));
  }
  const med = (k: string, f: 'rps' | 'p50' | 'p99') => median(r[k].map((x) => x[f]));
  const errors = Object.values(r)
    .flat()
    .reduce((n, x) => n + x.errors, 0);
  const statuses: Record<string, number> = {};
  for (const x of Object.values(r).flat())
    for (const [code, n] of Object.entries(x.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const note = errors ? `${errors} errors (${JSON.stringify(statuses)})` : undefined;
  cases.push(
    makeCase(
      'documents: save a full PC-I draft, spread over 50 provinces vs one province',
      'req/s',
      med('saveFifty', 'rps'),
      med('saveOne', 'rps'),
      'ratio ≈ 1',
      undefined,
      note,
    ),
    makeCase(
      'documents: save a full PC-I draft, p99 latency, spread over 50 provinces vs one province',
      'ms',
      med('saveFifty', 'p99'),
      med('saveOne', 'p99'),
      'report',
    ),
  );
  cases.push(
    makeCase(
      'documents: list my drafts (first page of 1, as both sets differ in size per province), ' +
        'spread over 50 provinces vs one province',
      'req/s',
      med('listFifty', 'rps'),
      med('listOne', 'rps'),
      'ratio ≈ 1',
      undefined,
      note,
    ),
  );

  // 100,000 documents in one province against 1,000 in another: the same lists.
  ctx.log('documents: list latency at 100,000 documents');
  const [big, small] = [ctx.fixtures[1], ctx.fixtures[2]];
  for (const [f, n] of [
    [big, 100_000],
    [small, 1_000],
  ] as const) {
    await ctx.db.query(
      `
      WITH p AS (INSERT INTO ${f.schema}.projects (title) VALUES ('Bench programme') RETURNING id),
           v AS (SELECT id FROM ${f.schema}.form_versions WHERE form_key = 'pc1-infrastructure' ORDER BY number DESC ` +
        `LIMIT 1),
           u AS (SELECT id FROM ${f.schema}.users LIMIT 1)
      INSERT INTO ${f.schema}.documents (project_id, form_key, form_version_id, edition, kind, title, state, data, ` +
        `total_cost, sector, districts, forum, created_by, updated_at)
      SELECT p.id, 'pc1-infrastructure', v.id, '2024', 'pc1',
             (ARRAY['Road','Bridge','School','Water supply','Hospital','Irrigation channel'])[1 + g % 6] ` +
        `|| ' project ' || g || ' ' || (ARRAY['Swat','Peshawar','Mardan','Chitral','Hunza','Bannu'])[1 + g % 6],
             (ARRAY['draft','submitted','department-review','pnd-scrutiny','forum','approved','returned'])[1 + g % 7],
             '{}', (g % 20000) + 0.5, ` +
        `(ARRAY['transport-communications','education-training-manpower','water-supply-sewerage'])[1 + g % 3],
             ARRAY[(ARRAY['swat','peshawar','mardan','chitral-lower','bannu','kohat'])[1 + g % 6]], ` +
        `(ARRAY['kp-ddwp','kp-pdwp','ecnec'])[1 + g % 3],
             u.id, now() - (g || ' minutes')::interval
        FROM p, v, u, generate_series(1, ${n}) g`,
    );
    await ctx.db.query(`ANALYZE ${f.schema}.documents`);
  }
  const queries = [
    '/api/documents?pageSize=25',
    '/api/documents?state=forum&district=swat&pageSize=25',
    '/api/documents?q=bridge%20swat&sort=-totalCost&pageSize=25',
    '/api/documents?minCost=1000&maxCost=2000&sector=transport-communications&pageSize=25',
  ];
  const listAt = (f: Fixture) => {
    let i = 0;
    return [
      {
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          method: 'GET',
          path: queries[i++ % queries.length],
          headers: { host: f.host, authorization: `Bearer ${f.token}` },
        }),
      },
    ];
  };
  const bigR: Result[] = [];
  const smallR: Result[] = [];
  await run(ctx, listAt(big), 4, 1);
  for (let round = 0; round < ctx.rounds; round++) {
    bigR.push(await run(ctx, listAt(big), 4));
    smallR.push(await run(ctx, listAt(small), 4));
  }
  const m = (xs: Result[], k: 'rps' | 'p50' | 'p99') => median(xs.map((x) => x[k]));
  const listErrors = [...bigR, ...smallR].reduce((n, x) => n + x.errors, 0);
  cases.push(
    makeCase(
      'documents: list p50 latency at 100,000 documents vs 1,000 (4 queries: ' +
        'recent, state+district, title words, cost+sector)',
      'ms',
      m(bigR, 'p50'),
      m(smallR, 'p50'),
      'report',
      undefined,
      `p99 ${m(bigR, 'p99')} ms vs ${m(smallR, 'p99')} ms; ${Math.round(m(bigR, 'rps'))} vs ` +
        `${Math.round(m(smallR, 'rps'))} req/s${listErrors ? `; ${listErrors} errors` : ''}`,
    ),
  );
  return cases;
}
