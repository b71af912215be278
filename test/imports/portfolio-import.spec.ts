import { BadRequestException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { ApprovalsService } from '../../src/approvals/approvals.service';
import { DepartmentsService } from '../../src/departments/departments.service';
import { Dec } from '../../src/forms/decimal';
import { FormsService } from '../../src/forms/forms.service';
import { ProjectsRepository } from '../../src/projects/projects.repository';
import { ForumRulesRepository } from '../../src/routing/forum-rules.repository';
import { WorkflowService } from '../../src/workflow/workflow.service';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Province, startWithDemoProvinces } from '../projects/support';
import { Harness } from '../support/harness';

/*
 * The legacy portfolio import, kp and gb side by side: the historical project of issue 13 (a PC-I
 * approved years ago at a cost other than its own, then two revisions) through the XLSX template,
 * twice; a CSV whose bad rows are reported row by row and column by column with nothing of their
 * projects written; a decision by a forum other than the rules of its date name (a warning on the
 * record, not a refusal); a changed row reported as a conflict; another province unaffected; roles.
 */

type Row = Record<string, string>;

const HISTORICAL_KEY = 'KP-ADP-190571';

/** The project's columns, repeated on each of its rows. */
const historicalProject: Row = {
  projectKey: HISTORICAL_KEY,
  title: 'Construction of Mingora bypass road (18 km), District Swat',
  departmentCode: 'CW',
  sector: 'transport-communications',
  districts: 'swat',
  adpSerial: '957',
  computerCode: '190571',
  status: 'in-execution',
};

describe('legacy portfolio import (kp, gb)', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let kpApprover: string;
  let kpPreparer: string;
  let kpViewer: string;

  beforeAll(async () => {
    ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_imports'));
    [kpApprover, kpPreparer, kpViewer] = (
      await Promise.all(['approver', 'preparer', 'viewer'].map((r) => h.userWithRole(kp, r)))
    ).map((u) => u.token);
  });
  afterAll(() => h?.close());

  const count = async (p: Province, sql: string): Promise<number> =>
    Number((await h.dataSource.query(sql.replace(/\bT\./g, `${schemaNameFor(p.slug)}.`)))[0].n);
  /** Everything an import writes, counted: nothing may change when nothing should. */
  const footprint = async (p: Province) => ({
    projects: await count(p, 'SELECT count(*) AS n FROM T.projects'),
    documents: await count(p, 'SELECT count(*) AS n FROM T.documents'),
    records: await count(p, 'SELECT count(*) AS n FROM T.approval_records'),
  });
  /** The decided_at instants of a project's documents, in UTC, by sequence. */
  const decidedAt = async (p: Province, projectId: string): Promise<(string | null)[]> =>
    (
      await h.dataSource.query(
        `SELECT to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at ` +
          `FROM ${schemaNameFor(p.slug)}.documents WHERE project_id = $1 ORDER BY sequence`,
        [projectId],
      )
    ).map((r: { at: string | null }) => r.at);
  /**
   * The forum the province's rules name for a decision (the routing module's own answer), to record decisions the rules
   * agree with.
   */
  const forumFor = async (p: Province, query: string): Promise<string> => {
    const res = await h.on(p.host).get(`/api/forum-rules/route?${query}`, p.adminToken).expect(200);
    expect(res.body.forum).toEqual(expect.any(String));
    return res.body.forum as string;
  };

  /** Fills the downloaded XLSX template with rows (header kept, example row replaced). */
  const fillTemplate = async (template: Buffer, rows: Row[]): Promise<Buffer> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('portfolio')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    sheet.spliceRows(2, sheet.rowCount - 1);
    rows.forEach((row, i) => {
      const r = sheet.getRow(i + 2);
      headers.forEach((header, c) => {
        r.getCell(c + 1).value = row[header] ?? null;
      });
      r.commit();
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  const download = (p: Province, format: 'xlsx' | 'csv', status = 200, token = p.adminToken) =>
    h
      .on(p.host)
      .get(`/api/imports/portfolio/template?format=${format}`, token)
      .expect(status)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const upload = (p: Province, file: Buffer, name: string, token = p.adminToken, query = '') =>
    h.on(p.host).post(`/api/imports/portfolio/file${query}`, token).attach('file', file, { filename: name });

  let historicalRows: Row[];
  let historicalXlsx: Buffer;
  let historicalProjectId: string;

  test(
    'the templates: XLSX with English headers, ' + 'Urdu notes and one example row; CSV with one header line',
    async () => {
      const xlsx = await download(kp, 'xlsx');
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('portfolio')!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(headers.slice(0, 3)).toEqual(['projectKey', 'title', 'departmentCode']);
      expect(headers).toEqual(
        expect.arrayContaining(['decisionDate', 'approvedCost', 'revisionNumber', 'edition', 'forum']),
      );
      const note = sheet.getRow(1).getCell(1).note;
      const noteText = typeof note === 'string' ? note : JSON.stringify(note);
      expect(noteText).toMatch(/[\u0600-\u06FF]/);
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(1).value).toBe('KP-ADP-190571');

      const csv = await download(kp, 'csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.toString('utf8').trim().split(/\r?\n/);
      expect(lines).toHaveLength(2);
      expect(lines[0].split(',')).toEqual(headers);
      // The example row is a KP project as it stands: a dry run of the template itself goes in cleanly.
      const tried = await upload(kp, xlsx.body as Buffer, 'portfolio.xlsx', kp.adminToken, '?dryRun=true').expect(200);
      expect(tried.body).toMatchObject({
        dryRun: true,
        refused: [],
        conflicts: [],
        warnings: [],
        counts: { projects: { created: 1 } },
      });
    },
  );

  test(
    'the historical project via the XLSX template: approval records, ' +
      'approved costs, increases against the approved costs',
    async () => {
      // The forums the rules of each date name: the decisions agree with them, so no routing warning is expected.
      const pcIForum = await forumFor(kp, 'cost=1850.5&form=pc1&on=2016-05-10');
      const rev1Forum = await forumFor(
        kp,
        `cost=2150&form=pc1-revised` +
          `&increasePct=${new Dec(2150).minus(1790).div(1790).times(100).toFixed(3)}&on=2019-04-15`,
      );
      const rev2Forum = await forumFor(
        kp,
        `cost=2400&form=pc1-revised` +
          `&increasePct=${new Dec(2400).minus(2100).div(2100).times(100).toFixed(3)}&on=2023-03-02`,
      );
      const pcI = {
        ...historicalProject,
        documentKind: 'pc1',
        formVariant: 'infrastructure',
        edition: '2005',
        preparationDate: '2015-11-20',
        documentCost: '1850.500',
        fecCost: '0',
      };
      const rev1 = {
        ...historicalProject,
        documentKind: 'pc1-revised',
        revisionNumber: '1',
        edition: '2017',
        preparationDate: '2018-12-01',
        documentCost: '2150',
        fecCost: '0',
      };
      const rev2 = {
        ...historicalProject,
        documentKind: 'pc1-revised',
        revisionNumber: '2',
        edition: '2017',
        preparationDate: '2022-10-05',
        documentCost: '2400.000',
        fecCost: '0',
      };
      historicalRows = [
        {
          ...pcI,
          forum: pcIForum,
          meetingNumber: '3',
          meetingDate: '2016-05-05',
          decisionDate: '2016-05-10',
          decision: 'approved',
          approvedCost: '1790',
          minutesReference: 'PDWP/3/2016',
        },
        {
          ...rev1,
          forum: rev1Forum,
          meetingNumber: '7',
          meetingDate: '2019-03-01',
          decisionDate: '2019-03-01',
          decision: 'deferred',
          conditions: 'Land cost to be verified',
        },
        {
          ...rev1,
          forum: rev1Forum,
          meetingNumber: '9',
          meetingDate: '2019-04-11',
          decisionDate: '2019-04-15',
          decision: 'approved-with-changes',
          approvedCost: '2100.000',
          conditions: 'Contingencies reduced to 3 %',
        },
        {
          ...rev2,
          forum: rev2Forum,
          meetingNumber: '21',
          meetingDate: '2023-03-01',
          decisionDate: '2023-03-02',
          decision: 'approved',
          approvedCost: '2350.000',
        },
      ];
      const before = await footprint(kp);
      historicalXlsx = await fillTemplate((await download(kp, 'xlsx')).body, historicalRows);

      const res = await upload(kp, historicalXlsx, 'kp-portfolio.xlsx').expect(200);
      expect(res.body.refused).toEqual([]);
      expect(res.body.counts).toMatchObject({
        rows: 4,
        projects: { created: 1, unchanged: 0, conflict: 0, refused: 0 },
        documents: 3,
        decisions: 4,
      });
      expect(res.body.warnings.filter((w: { code: string }) => w.code === 'forum-mismatch')).toEqual([]);
      expect(await footprint(kp)).toEqual({
        projects: before.projects + 1,
        documents: before.documents + 3,
        records: before.records + 4,
      });
      historicalProjectId = res.body.projects[0].projectId;

      const project = (await h.on(kp.host).get(`/api/projects/${historicalProjectId}`, kp.adminToken).expect(200)).body;
      expect(project).toMatchObject({
        status: 'approved',
        adpNumber: '957',
        sector: 'transport-communications',
        districts: ['swat'],
        title: historicalProject.title,
      });
      expect(new Dec(project.approvedCost).eq('2350')).toBe(true);
      expect(
        project.documents.map((d: { kind: string; sequence: number; edition: string; state: string }) => [
          d.kind,
          d.sequence,
          d.edition,
          d.state,
        ]),
      ).toEqual([
        ['pc1', 0, '2005', 'approved'],
        ['pc1-revised', 1, '2017', 'approved'],
        ['pc1-revised', 2, '2017', 'approved'],
      ]);
      // Key figures only: the document's own cost as recorded, not the approved one; an incomplete proforma, so not
      // valid.
      expect(project.documents.map((d: { totalCost: string }) => new Dec(d.totalCost).toFixed(3))).toEqual([
        '1850.500',
        '2150.000',
        '2400.000',
      ]);
      expect(project.documents.every((d: { valid: boolean }) => d.valid === false)).toBe(true);
      expect(project.currentDocumentId).toBe(project.documents[2].id);
      // Decided on the decision's day at noon UTC, as the workflow stores a decision known by its date.
      expect(await decidedAt(kp, historicalProjectId)).toEqual([
        '2016-05-10T12:00:00Z',
        '2019-04-15T12:00:00Z',
        '2023-03-02T12:00:00Z',
      ]);

      const records = (
        await h.on(kp.host).get(`/api/projects/${historicalProjectId}/approvals`, kp.adminToken).expect(200)
      ).body;
      expect(
        records.map((r: Record<string, string>) => [r.documentKind, r.decision, r.decisionDate, r.forum, r.origin]),
      ).toEqual([
        ['pc1', 'approved', '2016-05-10', pcIForum, 'import'],
        ['pc1-revised', 'deferred', '2019-03-01', rev1Forum, 'import'],
        ['pc1-revised', 'approved-with-changes', '2019-04-15', rev1Forum, 'import'],
        ['pc1-revised', 'approved', '2023-03-02', rev2Forum, 'import'],
      ]);
      // The approved cost beside the document's own, never overwritten.
      expect([records[0].documentCost, records[0].approvedCost].map((v: string) => new Dec(v).toFixed(3))).toEqual([
        '1850.500',
        '1790.000',
      ]);
      expect(new Dec(records[2].approvedCost).toFixed(3)).toBe('2100.000');
      // Increases against the approved costs: 2150 over 1790 (not over the PC-I's 1850.5), 2400 over 2100.
      expect(new Dec(records[2].increasePct).toFixed(2)).toBe('20.11');
      expect(new Dec(records[3].increasePct).toFixed(2)).toBe('14.29');
      expect(
        records
          .filter((r: { decision: string }) => r.decision !== 'recommended')
          .every((r: { forumRule: string | null }) => r.forumRule !== null),
      ).toBe(true);

      // The run is kept for the audit trail, and the audit log names it.
      const run = (await h.on(kp.host).get(`/api/imports/portfolio/runs/${res.body.runId}`, kp.adminToken).expect(200))
        .body;
      expect(run).toMatchObject({ format: 'xlsx', fileName: 'kp-portfolio.xlsx', counts: { decisions: 4 } });
      expect(
        await count(
          kp,
          `SELECT count(*) AS n FROM T.audit_log ` +
            `WHERE action = 'portfolio.imported' AND target_id = '${res.body.runId}'`,
        ),
      ).toBe(1);
    },
  );

  test('the same file twice changes nothing; a changed row is a conflict, not an overwrite', async () => {
    const before = await footprint(kp);
    const again = await upload(kp, historicalXlsx, 'kp-portfolio.xlsx').expect(200);
    expect(again.body.counts.projects).toEqual({ created: 0, unchanged: 1, conflict: 0, refused: 0 });
    expect(again.body.projects[0]).toMatchObject({
      projectKey: HISTORICAL_KEY,
      outcome: 'unchanged',
      projectId: historicalProjectId,
    });
    expect(await footprint(kp)).toEqual(before);

    // The same rows as JSON (amounts written differently, same values) are the same project too.
    const asJson = await h
      .on(kp.host)
      .post('/api/imports/portfolio', kp.adminToken)
      .send({ rows: historicalRows.map((r) => ({ ...r, documentCost: new Dec(r.documentCost).toFixed(1) })) })
      .expect(200);
    expect(asJson.body.counts.projects).toMatchObject({ created: 0, unchanged: 1 });

    const changed = historicalRows.map((r, i) => (i === 0 ? { ...r, approvedCost: '1800' } : r));
    const conflict = await h
      .on(kp.host)
      .post('/api/imports/portfolio', kp.adminToken)
      .send({ rows: changed })
      .expect(200);
    expect(conflict.body.counts.projects).toEqual({ created: 0, unchanged: 0, conflict: 1, refused: 0 });
    expect(conflict.body.conflicts).toEqual([
      expect.objectContaining({
        projectKey: HISTORICAL_KEY,
        row: 1,
        column: 'approvedCost',
        reason: expect.stringContaining('1790.000'),
      }),
    ]);
    expect(await footprint(kp)).toEqual(before);
    const records = (
      await h.on(kp.host).get(`/api/projects/${historicalProjectId}/approvals`, kp.adminToken).expect(200)
    ).body;
    expect(new Dec(records[0].approvedCost).toFixed(3)).toBe('1790.000');

    // The same new project sent twice at once: one import creates it, the other finds it unchanged.
    const fresh = historicalRows.map((r) => ({ ...r, projectKey: 'KP-ADP-CONCURRENT' }));
    const both = await Promise.all(
      [1, 2].map(() => h.on(kp.host).post('/api/imports/portfolio', kp.adminToken).send({ rows: fresh }).expect(200)),
    );
    expect(both.map((r) => r.body.projects[0].outcome).sort()).toEqual(['created', 'unchanged']);
    expect(await count(kp, `SELECT count(*) AS n FROM T.projects WHERE import_key = 'KP-ADP-CONCURRENT'`)).toBe(1);
  });

  test(
    'a CSV with bad rows: each refused row and column reported, ' +
      'nothing of those projects written, the good one in',
    async () => {
      const base = {
        title: 'Water supply scheme',
        departmentCode: 'PHE',
        sector: 'transport-communications',
        districts: 'mardan',
        status: 'approved',
        documentKind: 'pc1',
        edition: '2024',
        documentCost: '120',
        forum: 'kp-ddwp',
        decision: 'approved',
        approvedCost: '118',
      };
      const csvRows: Row[] = [
        { ...base, projectKey: 'CSV-GOOD', decisionDate: '2024-02-01', preparationDate: '2023-11-01' }, // line 2
        { ...base, projectKey: 'CSV-BAD-DATE', decisionDate: '2014-02-30' }, // line 3: no such day
        { ...base, projectKey: 'CSV-BAD-DEPT', departmentCode: 'NOPE', decisionDate: '2024-01-10' }, // line 4
        {
          ...base,
          projectKey: 'CSV-BAD-ORDER',
          preparationDate: '2024-02-01',
          meetingDate: '2024-01-25',
          decisionDate: '2024-02-02',
        }, // line 5
        {
          ...base,
          projectKey: 'CSV-BAD-MONEY',
          documentKind: 'pc1-revised',
          revisionNumber: '1',
          edition: '2017',
          documentCost: '140.1234',
          decisionDate: '2024-05-01',
        }, // line 6
        { ...base, projectKey: 'CSV-BAD-MONEY', decisionDate: '2023-05-01' }, // line 7: a good row of a refused project
        { ...base, projectKey: 'CSV-FUTURE', decisionDate: '2999-01-01', forum: 'punjab-pdwp' }, // line 8
      ];
      const columns = (await download(kp, 'csv')).body.toString('utf8').split(/\r?\n/)[0].split(',');
      const csv = [columns.join(','), ...csvRows.map((r) => columns.map((c: string) => r[c] ?? '').join(','))].join(
        '\n',
      );
      const before = await footprint(kp);

      const res = await upload(kp, Buffer.from(csv), 'portfolio.csv').expect(200);
      expect(res.body.refused.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
        [3, 'decisionDate'],
        [4, 'departmentCode'],
        [5, 'meetingDate'],
        [6, 'documentCost'],
        [8, 'decisionDate'],
        [8, 'forum'],
      ]);
      expect(
        res.body.refused.every(
          (p: { reason: string; reasonUr: string }) => p.reason.length > 0 && /[\u0600-\u06FF]/.test(p.reasonUr),
        ),
      ).toBe(true);
      expect(res.body.refused.find((p: { row: number }) => p.row === 4).reason).toContain('NOPE');
      expect(res.body.counts.projects).toEqual({ created: 1, unchanged: 0, conflict: 0, refused: 5 });
      expect(res.body.counts.refusedRows).toBe(6);
      expect(res.body.projects.find((p: { projectKey: string }) => p.projectKey === 'CSV-BAD-MONEY')).toMatchObject({
        outcome: 'refused',
        rows: [6, 7],
      });
      expect(await footprint(kp)).toEqual({
        projects: before.projects + 1,
        documents: before.documents + 1,
        records: before.records + 1,
      });
      const keys = (
        await h.dataSource.query(
          `SELECT import_key FROM ${schemaNameFor(kp.slug)}.projects WHERE import_key LIKE 'CSV-%'`,
        )
      ).map((r: { import_key: string }) => r.import_key);
      expect(keys).toEqual(['CSV-GOOD']);

      // A file that is not a portfolio at all is refused as a whole, naming the file.
      const bad = await upload(kp, Buffer.from('projectKey,colour\nx,red\n'), 'other.csv').expect(400);
      expect(bad.body.message[0]).toMatch(/^file: unknown column "colour"/);
    },
  );

  test(
    'a decision by another forum than the rules of its date ' + 'name is imported with a warning on the record',
    async () => {
      const row = {
        projectKey: 'KP-MISMATCH-1',
        title: 'Rural roads package, Mardan',
        departmentCode: 'CW',
        sector: 'transport-communications',
        districts: 'mardan,swabi',
        status: 'completed',
        completionDate: '2023-06-30',
        documentKind: 'pc1',
        edition: '2024',
        documentCost: '100',
        forum: 'ecnec',
        meetingDate: '2020-06-01',
        decisionDate: '2020-06-10',
        decision: 'approved',
        approvedCost: '100',
      };
      const res = await h
        .on(kp.host)
        .post('/api/imports/portfolio', kp.adminToken)
        .send({ rows: [row] })
        .expect(200);
      expect(res.body.counts.projects.created).toBe(1);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({ row: 1, column: 'forum', projectKey: 'KP-MISMATCH-1', code: 'forum-mismatch' }),
      ]);
      expect(res.body.warnings[0].params.expectedForum).not.toBe('ecnec');
      const projectId = res.body.projects[0].projectId;
      const [record] = (await h.on(kp.host).get(`/api/projects/${projectId}/approvals`, kp.adminToken).expect(200))
        .body;
      expect(record).toMatchObject({ forum: 'ecnec', decision: 'approved', origin: 'import', forumRuleId: null });
      expect(record.routingWarnings).toEqual([
        expect.objectContaining({
          code: 'forum-mismatch',
          message: { en: expect.stringContaining('ecnec'), ur: expect.any(String) },
        }),
      ]);
      const project = (await h.on(kp.host).get(`/api/projects/${projectId}`, kp.adminToken).expect(200)).body;
      expect(project).toMatchObject({ status: 'completed', completedAt: '2023-06-30', districts: ['mardan', 'swabi'] });
    },
  );

  test('a project the approvals module refuses half-way is undone entirely; the others stay', async () => {
    // The row checks leave little for the approvals module to refuse, so its refusal is provoked
    // for one marked decision: everything of that project written before it must go.
    const approvals = h.api.get(ApprovalsService);
    const original = approvals.recordImported.bind(approvals);
    const spy = jest.spyOn(approvals, 'recordImported').mockImplementation(async (em, input) => {
      if (input.conditions === 'REFUSE-ME')
        throw new BadRequestException({ message: ['meetingNumber: refused by the approvals module'] });
      return original(em, input);
    });
    try {
      const base = {
        title: 'School upgrade',
        departmentCode: 'ESED',
        sector: 'transport-communications',
        districts: 'province-wide',
        status: 'approved',
        documentKind: 'pc1',
        edition: '2024',
        documentCost: '60',
        forum: 'kp-ddwp',
      };
      const rows = [
        { ...base, projectKey: 'KP-SP-A', decisionDate: '2024-04-01', decision: 'approved', approvedCost: '60' },
        { ...base, projectKey: 'KP-SP-B', decisionDate: '2024-04-01', decision: 'deferred' },
        {
          ...base,
          projectKey: 'KP-SP-B',
          decisionDate: '2024-05-01',
          decision: 'approved-with-changes',
          approvedCost: '58',
          conditions: 'REFUSE-ME',
        },
      ];
      const before = await footprint(kp);
      const res = await h.on(kp.host).post('/api/imports/portfolio', kp.adminToken).send({ rows }).expect(200);
      expect(res.body.counts.projects).toEqual({ created: 1, unchanged: 0, conflict: 0, refused: 1 });
      expect(res.body.refused).toEqual([
        expect.objectContaining({
          row: 3,
          column: 'meetingNumber',
          reason: expect.stringContaining('nothing of this project was written'),
        }),
      ]);
      // The approvals module speaks English; the Urdu reason is a sentence of its own, naming the column, with the
      // English detail quoted.
      expect(res.body.refused[0].reasonUr).toMatch(
        /^کالم meetingNumber .*کچھ بھی درج نہیں ہوا.*"refused by the approvals module"$/,
      );
      expect(await footprint(kp)).toEqual({
        projects: before.projects + 1,
        documents: before.documents + 1,
        records: before.records + 1,
      });
      expect(await count(kp, `SELECT count(*) AS n FROM T.projects WHERE import_key = 'KP-SP-B'`)).toBe(0);
      expect(
        await count(kp, `SELECT count(*) AS n FROM T.projects WHERE import_key = 'KP-SP-A' AND districts = '{}'`),
      ).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  test("another province's import neither sees nor touches this one's projects", async () => {
    const kpBefore = await footprint(kp);
    const gbRow = {
      projectKey: HISTORICAL_KEY,
      title: 'Hunza valley link road',
      departmentCode: 'WORKS',
      sector: 'transport-communications',
      districts: 'hunza',
      status: 'approved',
      documentKind: 'pc1',
      edition: '2024',
      documentCost: '350',
      forum: 'gb-ddwp',
      decisionDate: '2021-09-01',
      decision: 'approved',
      approvedCost: '350',
    };
    const res = await h
      .on(gb.host)
      .post('/api/imports/portfolio', gb.adminToken)
      .send({ rows: [gbRow] })
      .expect(200);
    // The same key in another province is another project: created there, not "unchanged" or a conflict with kp's.
    expect(res.body.counts.projects).toEqual({ created: 1, unchanged: 0, conflict: 0, refused: 0 });
    expect(res.body.projects[0].projectId).not.toBe(historicalProjectId);
    expect(await footprint(kp)).toEqual(kpBefore);
    await h.on(gb.host).get(`/api/projects/${historicalProjectId}`, gb.adminToken).expect(404);
    await h.on(gb.host).get(`/api/projects/${historicalProjectId}/approvals`, gb.adminToken).expect(404);
    // kp's codes are not gb's: a kp row in gb is refused by gb's own master data.
    const kpRowInGb = await h
      .on(gb.host)
      .post('/api/imports/portfolio', gb.adminToken)
      .send({ rows: [historicalRows[0]] })
      .expect(200);
    expect(kpRowInGb.body.refused.map((p: { column: string }) => p.column)).toEqual(
      expect.arrayContaining(['departmentCode', 'districts', 'forum']),
    );
    // A kp token on gb's host is refused outright.
    await h
      .on(gb.host)
      .post('/api/imports/portfolio', kp.adminToken)
      .send({ rows: [gbRow] })
      .expect(401);
  });

  test(
    'roles: tenant admin and the forum-decision role may import (dry ' +
      'run writes nothing); preparer and viewer get 403',
    async () => {
      const row = {
        ...historicalProject,
        projectKey: 'KP-DRY-1',
        documentKind: 'pc1',
        edition: '2024',
        documentCost: '90',
        forum: 'kp-ddwp',
        decisionDate: '2024-01-10',
        decision: 'approved',
        approvedCost: '90',
      };
      const before = await footprint(kp);
      const dry = await h
        .on(kp.host)
        .post('/api/imports/portfolio?dryRun=true', kpApprover)
        .send({ rows: [row] })
        .expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, runId: null, counts: { projects: { created: 1 } } });
      expect(await footprint(kp)).toEqual(before);
      expect(await count(kp, `SELECT count(*) AS n FROM T.import_runs WHERE report->>'dryRun' = 'true'`)).toBe(0);

      for (const token of [kpPreparer, kpViewer]) {
        await h
          .on(kp.host)
          .post('/api/imports/portfolio', token)
          .send({ rows: [row] })
          .expect(403);
        await upload(kp, historicalXlsx, 'kp-portfolio.xlsx', token).expect(403);
        await download(kp, 'csv', 403, token);
        await h.on(kp.host).get('/api/imports/portfolio/runs', token).expect(403);
      }
      expect(await footprint(kp)).toEqual(before);
      const runs = (await h.on(kp.host).get('/api/imports/portfolio/runs', kpApprover).expect(200)).body;
      expect(runs.items.length).toBeGreaterThan(0);
    },
  );

  test('bad requests name the field', async () => {
    const unknown = await h
      .on(kp.host)
      .post('/api/imports/portfolio', kp.adminToken)
      .send({ rows: [{ projectKey: 'X', colour: 'red' }] })
      .expect(400);
    expect(unknown.body.message).toEqual([expect.stringMatching(/^rows\[0\]\.colour: unknown column/)]);
    const float = await h
      .on(kp.host)
      .post('/api/imports/portfolio', kp.adminToken)
      .send({ rows: [{ projectKey: 'X', documentCost: 12.5 }] })
      .expect(400);
    expect(float.body.message[0]).toMatch(/^rows\[0\]\.documentCost: must be a string/);
    await h.on(kp.host).post('/api/imports/portfolio', kp.adminToken).send({ rows: [] }).expect(400);
    const noFile = await h.on(kp.host).post('/api/imports/portfolio/file', kp.adminToken).field('x', 'y').expect(400);
    expect(noFile.body.message[0]).toMatch(/^file:/);
    const notSheet = await upload(kp, Buffer.from('%PDF-1.4 not a sheet'), 'scan.pdf').expect(400);
    expect(notSheet.body.message[0]).toMatch(/^file: must be an XLSX workbook or a CSV file/);
  });

  test(
    'a document whose last decision is returned or deferred is refused at its row; ' +
      'a rejected revision rests rejected, decided that day',
    async () => {
      const base = { ...historicalProject, edition: '2024', forum: 'kp-ddwp', status: 'approved' };
      const pcIRow = (key: string) => ({
        ...base,
        projectKey: key,
        documentKind: 'pc1',
        documentCost: '100',
        decisionDate: '2020-02-03',
        decision: 'approved',
        approvedCost: '100',
      });
      const revisionRow = (key: string, decisionDate: string, decision: string) => ({
        ...base,
        projectKey: key,
        documentKind: 'pc1-revised',
        revisionNumber: '1',
        edition: '2017',
        documentCost: '110',
        decisionDate,
        decision,
        ...(decision === 'approved' ? { approvedCost: '110' } : {}),
      });
      const rows = [
        pcIRow('KP-FINAL-RETURNED'),
        revisionRow('KP-FINAL-RETURNED', '2021-03-01', 'returned'), // rows 1, 2
        pcIRow('KP-FINAL-DEFERRED'),
        revisionRow('KP-FINAL-DEFERRED', '2021-03-01', 'deferred'), // rows 3, 4
        pcIRow('KP-FINAL-REJECTED'),
        revisionRow('KP-FINAL-REJECTED', '2021-03-01', 'deferred'),
        revisionRow('KP-FINAL-REJECTED', '2021-06-15', 'rejected'), // rows 5-7
      ];
      const before = await footprint(kp);
      const res = await h.on(kp.host).post('/api/imports/portfolio', kp.adminToken).send({ rows }).expect(200);
      expect(res.body.refused.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
        [2, 'decision'],
        [4, 'decision'],
      ]);
      for (const p of res.body.refused) {
        expect(p.reason).toMatch(
          new RegExp(
            'the last decision on a document must be final .*' +
              'a document still before its forum is entered through the workflow',
          ),
        );
        expect(p.reasonUr).toMatch(/آخری فیصلہ حتمی ہونا چاہیے.*ورک فلو کے ذریعے/);
      }
      expect(res.body.counts.projects).toEqual({ created: 1, unchanged: 0, conflict: 0, refused: 2 });
      // Nothing of the refused projects: one project, its two documents and three decisions.
      expect(await footprint(kp)).toEqual({
        projects: before.projects + 1,
        documents: before.documents + 2,
        records: before.records + 3,
      });

      const projectId = res.body.projects.find(
        (p: { projectKey: string }) => p.projectKey === 'KP-FINAL-REJECTED',
      ).projectId;
      const project = (await h.on(kp.host).get(`/api/projects/${projectId}`, kp.adminToken).expect(200)).body;
      expect(project.documents.map((d: { kind: string; state: string }) => [d.kind, d.state])).toEqual([
        ['pc1', 'approved'],
        ['pc1-revised', 'rejected'],
      ]);
      expect(await decidedAt(kp, projectId)).toEqual(['2020-02-03T12:00:00Z', '2021-06-15T12:00:00Z']);
      // A final state: no action of the workflow leaves it.
      const revisionId = project.documents[1].id;
      await h
        .on(kp.host)
        .post(`/api/documents/${revisionId}/actions/place-before-forum`, kp.adminToken)
        .send({})
        .expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    },
  );

  test(
    'a decision no rule of its date covers is kept with a ' + 'warning whose Urdu says all the English says',
    async () => {
      // KP's first notified band (PDWP up to Rs 60 m, 1997) and no federal band before 2000: a revision
      // of Rs 90 m in 1998, 80 % over the approved Rs 50 m, falls under no rule.
      const route = (
        await h
          .on(kp.host)
          .get('/api/forum-rules/route?cost=90&form=pc1-revised&increasePct=80&on=1998-06-01', kp.adminToken)
          .expect(200)
      ).body;
      expect(route).toMatchObject({ forum: null, warnings: [] });
      const base = { ...historicalProject, projectKey: 'KP-NO-RULE-1998', forum: 'kp-pdwp', status: 'approved' };
      const rows = [
        {
          ...base,
          documentKind: 'pc1',
          edition: '2005',
          documentCost: '50',
          decisionDate: '1997-06-10',
          decision: 'approved',
          approvedCost: '50',
        },
        {
          ...base,
          documentKind: 'pc1-revised',
          revisionNumber: '1',
          edition: '2017',
          documentCost: '90',
          decisionDate: '1998-06-01',
          decision: 'approved',
          approvedCost: '90',
        },
      ];
      const res = await h
        .on(kp.host)
        .post('/api/imports/portfolio?dryRun=true', kp.adminToken)
        .send({ rows })
        .expect(200);
      expect(res.body.counts.projects.created).toBe(1);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({
          row: 2,
          column: 'forum',
          code: 'no-rule',
          params: expect.objectContaining({ increasePct: '80.000' }),
        }),
      ]);
      const [warning] = res.body.warnings;
      for (const fact of ['1998-06-01', '90.000', 'pc1-revised', '80.000']) {
        expect(warning.message).toContain(fact);
        expect(warning.messageUr).toContain(fact);
      }
      expect(warning.messageUr).toMatch(/فورم قاعدہ/);
    },
  );

  test(
    'the province is read once per run: workflow, forum rules and departments once, ' +
      'forms in one query, not per row',
    async () => {
      const spies = {
        workflow: jest.spyOn(WorkflowService.prototype, 'current'),
        forumRules: jest.spyOn(ForumRulesRepository.prototype, 'all'),
        // On the prototypes: the approvals module keeps its own ProjectsRepository instance.
        departments: jest.spyOn(DepartmentsService.prototype, 'idsByCode'),
        formVersions: jest.spyOn(FormsService.prototype, 'currentVersion'),
        summaries: jest.spyOn(ProjectsRepository.prototype, 'refreshSummary'),
      };
      const calls = () => Object.fromEntries(Object.entries(spies).map(([name, spy]) => [name, spy.mock.calls.length]));
      /**
       * A portfolio of n projects, each a PC-I approved and a revision deferred then approved: 2 documents, 3
       * decisions.
       */
      const portfolio = (n: number) =>
        Array.from({ length: n }, (_, i) => {
          const base = { ...historicalProject, projectKey: `KP-ONCE-${n}-${i}`, edition: '2024', forum: 'kp-ddwp' };
          return [
            {
              ...base,
              documentKind: 'pc1',
              documentCost: '100',
              decisionDate: '2020-02-03',
              decision: 'approved',
              approvedCost: '100',
            },
            {
              ...base,
              documentKind: 'pc1-revised',
              revisionNumber: '1',
              edition: '2017',
              documentCost: '105',
              decisionDate: '2021-01-04',
              decision: 'deferred',
            },
            {
              ...base,
              documentKind: 'pc1-revised',
              revisionNumber: '1',
              edition: '2017',
              documentCost: '105',
              decisionDate: '2021-02-04',
              decision: 'approved',
              approvedCost: '105',
            },
          ];
        }).flat();
      const run = async (n: number) => {
        for (const spy of Object.values(spies)) spy.mockClear();
        const res = await h
          .on(kp.host)
          .post('/api/imports/portfolio?dryRun=true', kp.adminToken)
          .send({ rows: portfolio(n) })
          .expect(200);
        expect(res.body.refused).toEqual([]);
        expect(res.body.counts).toMatchObject({ projects: { created: n }, documents: 2 * n, decisions: 3 * n });
        return calls();
      };
      try {
        const one = await run(1);
        const four = await run(4);
        expect(four.workflow).toBe(one.workflow);
        expect(four.forumRules).toBe(1);
        expect(one.forumRules).toBe(1);
        expect(four.departments).toBe(1);
        // One version per document written; which forms are installed is one query, not one per form.
        expect(one.formVersions).toBe(2);
        expect(four.formVersions).toBe(8);
        // The project summary follows once the project's history is in, not after every decision.
        expect(four.summaries).toBe(4);
      } finally {
        for (const spy of Object.values(spies)) spy.mockRestore();
      }
    },
  );

  // Last: it changes gb's workflow.
  test(
    "a decision the province's workflow does not end in a final " + 'state refuses the project, in English and Urdu',
    async () => {
      const current = (await h.on(gb.host).get('/api/workflow', gb.adminToken).expect(200)).body;
      const reconsidering = structuredClone(current.config);
      reconsidering.states.find((s: { id: string }) => s.id === 'rejected').final = false;
      reconsidering.actions.push({
        id: 'reconsider',
        label: { en: 'Reconsider', ur: 'دوبارہ غور کریں' },
        from: ['rejected'],
        to: 'forum',
        roles: ['reviewer'],
        commentRequired: true,
      });
      await h.on(gb.host).put('/api/workflow', gb.adminToken).send(reconsidering).expect(200);

      const base = {
        projectKey: 'GB-RECONSIDER-1',
        title: 'Hunza water supply',
        departmentCode: 'WORKS',
        sector: 'transport-communications',
        districts: 'hunza',
        status: 'approved',
        forum: 'gb-ddwp',
      };
      const rows = [
        {
          ...base,
          documentKind: 'pc1',
          edition: '2024',
          documentCost: '200',
          decisionDate: '2021-09-01',
          decision: 'approved',
          approvedCost: '200',
        },
        {
          ...base,
          documentKind: 'pc1-revised',
          revisionNumber: '1',
          edition: '2017',
          documentCost: '260',
          decisionDate: '2022-09-01',
          decision: 'rejected',
        },
      ];
      const before = await footprint(gb);
      const res = await h.on(gb.host).post('/api/imports/portfolio', gb.adminToken).send({ rows }).expect(200);
      expect(res.body.counts.projects).toEqual({ created: 0, unchanged: 0, conflict: 0, refused: 1 });
      expect(res.body.refused).toEqual([
        expect.objectContaining({
          row: 2,
          column: 'decision',
          reason: expect.stringMatching(/"rejected" and ends in a final state.*nothing of this project was written/),
          reasonUr: expect.stringMatching(/^صوبے کے ورک فلو میں .*"rejected".*حتمی مرحلے.*کچھ بھی درج نہیں ہوا/),
        }),
      ]);
      expect(await footprint(gb)).toEqual(before);
    },
  );
});
