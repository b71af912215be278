import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { PORTFOLIO_QUEUE } from '../../src/jobs/queues';
import { PortfolioAggregatesRepository } from '../../src/platform/portfolio-aggregates.repository';
import { PortfolioSharingService } from '../../src/portfolio/portfolio-sharing.service';
import { ProvinceSchemas } from '../../src/tenancy/province-schemas.service';
import { PORTFOLIO_SCHEDULER_ID } from '../../src/platform/portfolio.processor';
import { schemaNameFor } from '../../src/tenancy/slug';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { Harness, ProvisionedProvince } from '../support/harness';
import { recordCrossProvinceRows } from '../support/cross-province';
import { waitFor } from '../webhooks/support';

/*
 * Issue 17, item 2: the host's portfolio. Figures are computed in each province that opted in, by
 * the worker's job, into a platform table of aggregates only. Checked against counts made here
 * directly in each province's schema (own SQL and own arithmetic, not the code under test), with
 * several provinces at once, one of them not opted in and one a training sandbox. Own database:
 * the refresh reads every province there is.
 */

type Province = ProvisionedProvince & { adminToken: string; schema: string };
type Figure = {
  provinceSlug: string;
  metric: string;
  stage: string | null;
  state: string | null;
  forum: string | null;
  sector: string | null;
  financialYear: string | null;
  count: number;
  amount: string | null;
  computedAt: string;
};

const TIME_ZONE = 'Asia/Karachi';
const STATES = ['draft', 'submitted', 'department-review', 'pnd-scrutiny', 'forum', 'returned', 'deferred'];
/** The default workflow's states that are neither editable nor final. */
const WAITING = ['submitted', 'department-review', 'pnd-scrutiny', 'forum', 'deferred'];
const SECTORS = ['Education', 'Health', 'Roads', 'Water Supply'];
const FORUMS = ['DDWP', 'PDWP', 'CDWP', null];
const KINDS = ['pc1', 'pc2', 'pc1-revised', 'pc4'];
/** Instants around the turn of the financial year: 30 June 20:00 UTC is already 1 July in Pakistan. */
const SUBMITTED = ['2024-11-03T08:00:00Z', '2025-06-30T20:00:00Z', '2025-06-30T17:00:00Z', '2026-02-14T05:30:00Z'];

/** Rs million to thousandths, exactly (numeric(18,3)): no float touches the sums. */
const milli = (amount: string | null) => {
  if (amount === null) return 0n;
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0').slice(0, 3));
};
const fromMilli = (m: bigint | null) => (m === null ? null : `${m / 1000n}.${String(m % 1000n).padStart(3, '0')}`);
const asMilli = (amount: string | null) => (amount === null ? null : fromMilli(milli(amount)));

const dayIn = (instant: Date) => {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
};
const financialYear = (day: string) => {
  const [y, m] = day.split('-').map(Number);
  const start = m >= 7 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

describe('the host’s portfolio', () => {
  let h: Harness;
  let operator: string;
  let queue: Queue;
  let shared: Province[];
  let privateOne: Province;
  let sandbox: Province;

  const api = () => h.on(h.platformHost);

  const province = async (slug: string): Promise<Province> => {
    const p = await h.provisionDirect(slug, `Province ${slug}`);
    return { ...p, adminToken: await h.login(p), schema: schemaNameFor(slug) };
  };

  /** `n` projects, each with one document, spread over stages, states, forums, sectors and years. */
  const seed = async (p: Province, n: number) => {
    const q = (sql: string, params: unknown[] = []) => h.dataSource.query(sql, params);
    const [version] = await q(`SELECT id, form_key FROM ${p.schema}.form_versions ORDER BY published_at LIMIT 1`);
    const [admin] = await q(`SELECT id FROM ${p.schema}.users LIMIT 1`);
    for (let i = 0; i < n; i++) {
      const status = ['preparation', 'approved', 'completed', 'rejected'][i % 4];
      const approved = status === 'approved' || status === 'completed';
      const state = approved ? 'approved' : status === 'rejected' ? 'rejected' : STATES[i % STATES.length];
      const kind = KINDS[i % KINDS.length];
      const cost = `${100 + i * 17}.${String((i * 123) % 1000).padStart(3, '0')}`;
      const [project] = await q(
        `INSERT INTO ${p.schema}.projects (title, sector, status, approved_cost, approved_at, approved_forum,
           completed_at, stage, current_state, current_forum, current_cost)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          `${p.slug} scheme number ${i} in district ${i % 5}`,
          i % 5 === 4 ? null : SECTORS[i % SECTORS.length],
          status,
          approved ? cost : null,
          approved ? ['2024-01-10', '2024-07-01', '2025-06-30', '2025-09-15'][i % 4] : null,
          approved ? 'PDWP' : null,
          status === 'completed' ? '2025-03-20' : null,
          i % 7 === 6 ? null : kind,
          state,
          FORUMS[i % FORUMS.length],
          i % 6 === 5 ? null : cost,
        ],
      );
      await q(
        `INSERT INTO ${p.schema}.documents (project_id, form_key, form_version_id, kind, title, state, total_cost,
           forum, sector, created_by, submitted_at, edition)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '2024')`,
        [
          project.id,
          version.form_key,
          version.id,
          kind,
          `${p.slug} scheme number ${i} in district ${i % 5}`,
          state,
          kind === 'pc4' ? null : cost,
          FORUMS[i % FORUMS.length],
          SECTORS[i % SECTORS.length],
          admin.id,
          state === 'draft' ? null : SUBMITTED[i % SUBMITTED.length],
        ],
      );
      // One month of progress reported: that obligation is fulfilled, not overdue.
      if (status === 'approved' && i % 8 === 1)
        await q(
          `INSERT INTO ${p.schema}.documents (project_id, form_key, form_version_id, kind, period, title, state,
             created_by, submitted_at, edition)
           VALUES ($1, $2, $3, 'pc3b', '2025-10', $4, 'submitted', $5, now(), '2024')`,
          [project.id, version.form_key, version.id, `${p.slug} progress report ${i}`, admin.id],
        );
    }
  };

  /** The figures the province should show, counted here from its own rows. */
  const expectedFigures = async (p: Province) => {
    const q = (sql: string) => h.dataSource.query(sql);
    const projects: {
      stage: string | null;
      current_state: string | null;
      status: string;
      current_forum: string | null;
      sector: string | null;
      current_cost: string | null;
      approved_cost: string | null;
      approved_at: string | null;
      completed_at: string | null;
      id: string;
    }[] = await q(
      `SELECT id, stage, current_state, status, current_forum, sector, current_cost::text, approved_cost::text,
              to_char(approved_at, 'YYYY-MM-DD') AS approved_at, to_char(completed_at, 'YYYY-MM-DD') AS completed_at
         FROM ${p.schema}.projects`,
    );
    const documents: {
      project_id: string;
      kind: string;
      state: string;
      period: string | null;
      total_cost: string | null;
      submitted_at: Date | null;
    }[] = await q(`SELECT project_id, kind, state, period, total_cost::text, submitted_at FROM ${p.schema}.documents`);
    const out = new Map<string, { count: number; amount: bigint | null }>();
    // As SQL's sum(): NULLs are skipped, and a group of NULLs only sums to NULL. Counts have no amount.
    const add = (key: string, amount: string | null | undefined) => {
      const e = out.get(key) ?? { count: 0, amount: null };
      e.count += 1;
      if (amount !== undefined && amount !== null) e.amount = (e.amount ?? 0n) + milli(amount);
      out.set(key, e);
    };
    for (const pr of projects) {
      for (const [metric, dim, value] of [
        ['projects.total', '', null],
        ['projects.by_stage', 'stage', pr.stage],
        ['projects.by_state', 'state', pr.current_state],
        ['projects.by_status', 'state', pr.status],
        ['projects.by_forum', 'forum', pr.current_forum],
        ['projects.by_sector', 'sector', pr.sector],
      ] as const) {
        add(`${metric}|${dim}=${value ?? ''}`, pr.current_cost);
      }
      if (pr.approved_at) add(`cost.approved|fy=${financialYear(pr.approved_at)}`, pr.approved_cost);
    }
    for (const d of documents) {
      if (['pc1', 'pc2', 'pc1-revised'].includes(d.kind) && d.submitted_at) {
        add(`cost.submitted|fy=${financialYear(dayIn(d.submitted_at))}`, d.total_cost);
      }
      if (WAITING.includes(d.state)) add(`documents.waiting|${d.kind}/${d.state}`, undefined);
    }
    // Obligations from their definition (Planning Commission guidelines): PC-III(B) for each month after
    // approval until completion or this month (the last 24 listed), due on the 5th of the next; PC-V by
    // 31 July for five years after completion. Overdue when the due date has passed and nothing was submitted.
    const today = dayIn(new Date());
    const [ty, tm] = today.split('-').map(Number);
    const reported = new Set(
      documents.filter((d) => d.submitted_at && d.period).map((d) => `${d.project_id}/${d.kind}/${d.period}`),
    );
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const pr of projects.filter((x) => x.status === 'approved' || x.status === 'completed')) {
      if (pr.approved_at) {
        const [ay, am] = pr.approved_at.split('-').map(Number);
        const [ey, em] = pr.completed_at ? pr.completed_at.split('-').map(Number) : [ty, tm];
        const months: string[] = [];
        for (let k = ay * 12 + am; k <= ey * 12 + em - 1; k++)
          months.push(`${Math.floor(k / 12)}-${pad((k % 12) + 1)}`);
        for (const month of months.slice(-24)) {
          const [my, mm] = month.split('-').map(Number);
          const due = mm === 12 ? `${my + 1}-01-05` : `${my}-${pad(mm + 1)}-05`;
          if (due < today && !reported.has(`${pr.id}/pc3b/${month}`)) add('obligations.overdue|pc3b', undefined);
        }
      }
      if (pr.completed_at) {
        const [cy, cm] = pr.completed_at.split('-').map(Number);
        const first = cm <= 6 ? cy : cy + 1;
        for (let y = first; y < first + 5; y++)
          if (`${y}-07-31` < today && !reported.has(`${pr.id}/pc5/${y - 1}-${pad(y % 100)}`))
            add('obligations.overdue|pc5', undefined);
      }
    }
    return new Map([...out].map(([k, v]) => [k, { count: v.count, amount: fromMilli(v.amount) }]));
  };

  /** The stored figures of one province, keyed as expectedFigures keys them. */
  const storedFigures = (figures: Figure[], slug: string) => {
    const key = (f: Figure): string => {
      switch (f.metric) {
        case 'projects.total':
          return `${f.metric}|=`;
        case 'projects.by_stage':
          return `${f.metric}|stage=${f.stage ?? ''}`;
        case 'projects.by_state':
        case 'projects.by_status':
          return `${f.metric}|state=${f.state ?? ''}`;
        case 'projects.by_forum':
          return `${f.metric}|forum=${f.forum ?? ''}`;
        case 'projects.by_sector':
          return `${f.metric}|sector=${f.sector ?? ''}`;
        case 'cost.submitted':
        case 'cost.approved':
          return `${f.metric}|fy=${f.financialYear}`;
        case 'documents.waiting':
          return `${f.metric}|${f.stage}/${f.state}`;
        case 'obligations.overdue':
          return `${f.metric}|${f.stage}`;
        default:
          throw new Error(`unexpected metric ${f.metric}`);
      }
    };
    return new Map(
      figures
        .filter((f) => f.provinceSlug === slug)
        .map((f) => [key(f), { count: f.count, amount: asMilli(f.amount) }]),
    );
  };

  /** Queues a refresh as an operator and waits for the worker to finish it; its outcome. */
  const refresh = async () => {
    const queued = await api().post('/api/platform/portfolio/refresh', operator).expect(202);
    const jobId = queued.body.jobId as string;
    await waitFor('the portfolio refresh', async () => {
      const state = await queue.getJobState(jobId);
      if (state === 'failed') throw new Error(`refresh failed: ${(await queue.getJob(jobId))?.failedReason}`);
      return state === 'completed';
    });
    // Read once completed: a job read earlier keeps the return value it had then (none).
    const job = await queue.getJob(jobId);
    return job!.returnvalue as { computed: string[]; notShared: string[]; excluded: string[]; failed: string[] };
  };
  const portfolio = async (): Promise<{ provinces: { slug: string; computedAt: string }[]; figures: Figure[] }> =>
    (await api().get('/api/platform/portfolio', operator).expect(200)).body;
  const rowsOf = async (slug: string): Promise<number> =>
    (
      await h.dataSource.query(
        `SELECT count(*)::int AS n FROM platform.portfolio_aggregates WHERE province_slug = $1`,
        [slug],
      )
    )[0].n;
  const share = (p: Province, value: unknown) =>
    h.on(p.host).put('/api/portfolio/sharing', p.adminToken).send({ shared: value });

  beforeAll(async () => {
    h = await Harness.start({ freshDatabase: 'portfolio', worker: true, env: { PORTFOLIO_HOUR: '3', TIME_ZONE } });
    operator = await h.operatorToken();
    queue = h.api.get<Queue>(getQueueToken(PORTFOLIO_QUEUE));
    const [a, b, c, training] = await Promise.all(['pfa', 'pfb', 'pfc', 'pfa-training'].map(province));
    shared = [a, b];
    privateOne = c;
    sandbox = training;
    // A sandbox as src/training links it to its live province (building a real one is its own spec's work).
    await h.dataSource.query(`UPDATE platform.tenants SET sandbox_of = $2 WHERE slug = $1`, [training.slug, a.slug]);
    await h.api.get(TenantRegistry).invalidate();
    await Promise.all([seed(a, 23), seed(b, 11), seed(c, 9), seed(training, 14)]);
  }, 120_000);
  afterAll(() => h?.close());

  it('is off until a province admin opts in; each change is audited in the province', async () => {
    const initial = await h.on(shared[0].host).get('/api/portfolio/sharing', shared[0].adminToken).expect(200);
    expect(initial.body).toEqual({ shared: false, changedAt: null, changedBy: null });

    for (const p of [...shared, sandbox]) {
      const res = await share(p, true).expect(200);
      expect(res.body).toMatchObject({ shared: true, changedAt: expect.any(String), changedBy: expect.any(String) });
    }
    // Setting what is already set records nothing new.
    await share(shared[0], true).expect(200);
    const audit = await h.dataSource.query(
      `SELECT action, actor_email, target_type, details FROM ${shared[0].schema}.audit_log
        WHERE action LIKE 'portfolio.%' ORDER BY id`,
    );
    expect(audit).toEqual([
      {
        action: 'portfolio.sharing.enabled',
        actor_email: shared[0].adminEmail,
        target_type: 'province-settings',
        details: { from: false, to: true },
      },
    ]);
    // Nothing of it reached the province that did not opt in.
    const other = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM ${privateOne.schema}.audit_log WHERE action LIKE 'portfolio.%'`,
    );
    expect(other[0].n).toBe(0);
  });

  it('refuses bad input, other roles and other provinces’ tokens', async () => {
    const [a, b] = shared;
    for (const body of [{ shared: 'yes' }, {}, { shared: null }]) {
      const bad = await h.on(a.host).put('/api/portfolio/sharing', a.adminToken).send(body).expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['shared']);
    }
    const preparer = await h.userWithRole(a, 'preparer');
    await h.on(a.host).put('/api/portfolio/sharing', preparer.token).send({ shared: false }).expect(403);
    await h.on(a.host).get('/api/portfolio/sharing', preparer.token).expect(403);
    // b's admin on a's host: refused, and a's setting unchanged.
    const cross = await h.on(a.host).put('/api/portfolio/sharing', b.adminToken).send({ shared: false });
    recordCrossProvinceRows('portfolio sharing with another province’s token', cross.status === 200 ? 1 : 0, 1);
    expect(cross.status).toBe(401);
    const still = await h.on(a.host).get('/api/portfolio/sharing', a.adminToken).expect(200);
    expect(still.body.shared).toBe(true);
  });

  it('computes the opted-in provinces’ figures, matching counts made in each schema', async () => {
    const outcome = await refresh();
    expect(outcome.computed.sort()).toEqual(shared.map((p) => p.slug).sort());
    expect(outcome.notShared).toEqual([privateOne.slug]);
    expect(outcome.excluded).toEqual([sandbox.slug]);
    expect(outcome.failed).toEqual([]);

    const view = await portfolio();
    expect(view.provinces.map((p) => p.slug).sort()).toEqual(shared.map((p) => p.slug).sort());
    for (const p of shared) {
      const expected = await expectedFigures(p);
      const stored = storedFigures(view.figures, p.slug);
      // The data set reaches every metric, so none is compared empty against empty.
      for (const metric of [
        'projects.by_stage',
        'cost.submitted',
        'cost.approved',
        'documents.waiting',
        'obligations.',
      ]) {
        expect([...stored.keys()].some((k) => k.startsWith(metric))).toBe(true);
      }
      expect(Object.fromEntries([...stored].sort())).toEqual(Object.fromEntries([...expected].sort()));
    }
    // The two provinces' figures differ (23 and 11 projects): nothing was mixed up between them.
    const totals = view.figures.filter((f) => f.metric === 'projects.total').map((f) => [f.provinceSlug, f.count]);
    expect(Object.fromEntries(totals)).toEqual({ [shared[0].slug]: 23, [shared[1].slug]: 11 });
  });

  it('shows nothing of a province that has not opted in, nor of a training sandbox', async () => {
    const view = await portfolio();
    expect(view.figures.some((f) => f.provinceSlug === privateOne.slug)).toBe(false);
    expect(view.figures.some((f) => f.provinceSlug === sandbox.slug)).toBe(false);
    const rows = await h.dataSource.query(
      `SELECT DISTINCT province_slug FROM platform.portfolio_aggregates ORDER BY province_slug`,
    );
    expect(rows.map((r: { province_slug: string }) => r.province_slug)).toEqual(shared.map((p) => p.slug).sort());
  });

  it('keeps no row-level value (title, name, email, id) in the platform table', async () => {
    const secrets = new Set<string>();
    for (const p of [...shared, privateOne, sandbox]) {
      const values: { v: string }[] = await h.dataSource.query(
        `SELECT id::text AS v FROM ${p.schema}.projects UNION SELECT title FROM ${p.schema}.projects
         UNION SELECT id::text FROM ${p.schema}.documents UNION SELECT title FROM ${p.schema}.documents
         UNION SELECT id::text FROM ${p.schema}.users UNION SELECT name FROM ${p.schema}.users
         UNION SELECT email FROM ${p.schema}.users
         UNION SELECT id::text FROM ${p.schema}.departments UNION SELECT name FROM ${p.schema}.departments
         UNION SELECT id::text FROM ${p.schema}.form_versions`,
      );
      values.forEach((r) => secrets.add(r.v));
    }
    expect(secrets.size).toBeGreaterThan(100);
    // Every column of every row, as text, whatever columns the table has.
    const rows: Record<string, string | null>[] = await h.dataSource
      .query(
        `SELECT (SELECT jsonb_object_agg(key, value) FROM jsonb_each_text(to_jsonb(a))) AS row
         FROM platform.portfolio_aggregates a`,
      )
      .then((r: { row: Record<string, string | null> }[]) => r.map((x) => x.row));
    expect(rows.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const row of rows)
      for (const [column, cell] of Object.entries(row)) {
        if (cell === null) continue;
        if (/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(cell))
          leaks.push(`${column}: ${cell}`);
        for (const secret of secrets) if (cell.includes(secret)) leaks.push(`${column}: ${cell} has ${secret}`);
      }
    expect(leaks).toEqual([]);
  });

  it('exports the figures as CSV', async () => {
    const view = await portfolio();
    const res = await api().get('/api/platform/portfolio.csv', operator).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/portfolio-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe('provinceSlug,metric,stage,state,forum,sector,financialYear,count,amount,computedAt');
    expect(lines).toHaveLength(view.figures.length + 1);
    const total = view.figures.find((f) => f.provinceSlug === shared[0].slug && f.metric === 'projects.total')!;
    expect(lines).toContain(`${shared[0].slug},projects.total,,,,,,23,${total.amount},${total.computedAt}`);
  });

  it('drops a province’s figures the moment its admin opts out (audited); a refresh leaves them out', async () => {
    const [a, b] = shared;
    expect((await portfolio()).provinces.map((p) => p.slug).sort()).toEqual([a.slug, b.slug].sort());
    await share(a, false).expect(200);
    // No refresh yet: "Not shared: the host sees no figures of this province" holds at once.
    expect((await portfolio()).provinces.map((p) => p.slug)).toEqual([b.slug]);
    expect(await rowsOf(a.slug)).toBe(0);
    const outcome = await refresh();
    expect(outcome.computed).toEqual([b.slug]);
    expect(outcome.notShared.sort()).toEqual([a.slug, privateOne.slug].sort());
    const view = await portfolio();
    expect(view.provinces.map((p) => p.slug)).toEqual([b.slug]);
    const audit = await h.dataSource.query(
      `SELECT action, details FROM ${a.schema}.audit_log WHERE action LIKE 'portfolio.%' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'portfolio.sharing.enabled', details: { from: false, to: true } },
      { action: 'portfolio.sharing.disabled', details: { from: true, to: false } },
    ]);
    const platformAudit = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'portfolio.refresh'`,
    );
    expect(platformAudit[0].n).toBe(2);
  });

  it('an opt-out made while a refresh holds the opt-in waits for its commit, then removes its figures', async () => {
    const [a] = shared;
    await share(a, true).expect(200);
    const province = (await h.api.get(TenantRegistry).findBySlug(a.slug))!;
    const sharing = h.api.get(PortfolioSharingService);
    const store = h.api.get(PortfolioAggregatesRepository);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let stored!: () => void;
    const figuresStored = new Promise<void>((resolve) => (stored = resolve));
    // The refresh's own steps (portfolio-aggregation.service.ts) in one unit of work, held open.
    const refreshing = h.api.get(ProvinceSchemas).inProvince(province, async (em) => {
      expect(await sharing.isShared(em)).toBe(true);
      const figure = { metric: 'projects.total', stage: null, state: null, forum: null, sector: null };
      await store.replace(em, a.slug, [{ ...figure, financialYear: null, count: 1, amount: '1' } as never], new Date());
      stored();
      await gate;
    });
    await figuresStored;
    let answered = false;
    const optOut = share(a, false).then((res) => {
      answered = true;
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(false);
    release();
    await refreshing;
    expect((await optOut).status).toBe(200);
    expect(await rowsOf(a.slug)).toBe(0);
  });

  it('keeps the newest figures when two refreshes overlap and an older read commits last', async () => {
    const [, b] = shared;
    const before = (await portfolio()).figures.filter((f) => f.provinceSlug === b.slug);
    const store = h.api.get(PortfolioAggregatesRepository);
    const olderRead = new Date(new Date(before[0].computedAt).getTime() - 60_000);
    expect(await h.dataSource.transaction((em) => store.replace(em, b.slug, [], olderRead))).toBe(false);
    expect((await portfolio()).figures.filter((f) => f.provinceSlug === b.slug)).toEqual(before);
  });

  it('runs daily at PORTFOLIO_HOUR in the configured time zone', async () => {
    const scheduler = await queue.getJobScheduler(PORTFOLIO_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: '0 3 * * *', tz: TIME_ZONE, name: 'portfolio-refresh' });
  });

  it('answers on the platform host to operators only', async () => {
    const [a] = shared;
    await api().get('/api/platform/portfolio', a.adminToken).expect(401);
    await api().get('/api/platform/portfolio.csv', a.adminToken).expect(401);
    await api().post('/api/platform/portfolio/refresh', a.adminToken).expect(401);
    await api().get('/api/platform/portfolio').expect(401);
    await h.on(a.host).get('/api/platform/portfolio', a.adminToken).expect(404);
    await h.on(a.host).get('/api/platform/portfolio', operator).expect(404);
    // And an operator's token is no province admin: it cannot opt a province in.
    await h.on(a.host).put('/api/portfolio/sharing', operator).send({ shared: true }).expect(401);
  });
});
