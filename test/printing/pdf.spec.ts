import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaNameFor } from '../../src/tenancy/slug';
import { act, fixture, Province, Team, team, toForum, validDraft } from '../projects/support';
import { Harness } from '../support/harness';
import {
  binary,
  differenceFromReference,
  ensureTools,
  MAX_DIFFERENT_SHARE,
  pdfFonts,
  pdfText,
  render,
  UPDATING,
} from './support';

/*
 * The official PDF through the real API, queue, worker and Debian's Chromium, read back with
 * poppler (pdftotext, pdffonts, pdftoppm). Data are fixed (fixtures, titles, province names),
 * so page 1 is compared with a committed picture (UPDATE_PDF_REFERENCES=1 renews it).
 */

const DATABASE = `${process.env.TEST_DATABASE_NAME || 'daftar_test'}_print`;
/** The project takes its title from the PC-I's item 1 (the example's). */
const PC1_TITLE = 'Rehabilitation and Widening of Bahrain–Kalam Road (34 km), District Swat';
/** The PC-I example's capital cost, as printed (Rs million). */
const PC1_TOTAL = '3,128.200';

let h: Harness;
let kp: Province;
let gb: Province;
let kpTeam: Team;
let gbTeam: Team;
let approvedPc1: string;

const group = (amount: string) => amount.replace(/^(\d+)/, (n) => n.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const chromiumPids = () =>
  execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)])
    .toString()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([pid, comm]) => pid && /chrom/.test(comm ?? ''))
    .map(([pid]) => Number(pid));

beforeAll(async () => {
  ensureTools();
  h = await Harness.start({
    worker: true,
    freshDatabase: DATABASE,
    env: { STORAGE_DIR: path.join(tmpdir(), `daftar-pdf-${randomBytes(4).toString('hex')}`), PDF_CONCURRENCY: '2' },
  });
  const [a, b] = [
    await h.provisionDirect('kp', 'Khyber Pakhtunkhwa'),
    await h.provisionDirect('gb', 'Gilgit-Baltistan'),
  ];
  kp = { ...a, adminToken: await h.login(a) };
  gb = { ...b, adminToken: await h.login(b) };
  [kpTeam, gbTeam] = [await team(h, kp), await team(h, gb)];
  const { id } = await validDraft(h, kpTeam);
  await toForum(h, kpTeam, id);
  expect((await act(h, kp.host, kpTeam.approver, id, 'approve')).status).toBe(200);
  approvedPc1 = id;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the official PDF of a document', () => {
  test.each(['en', 'ur'] as const)(
    'an approved PC-I in %s: items, title, totals, fonts, page 1 as committed; asked twice, rendered once',
    async (locale) => {
      const api = h.on(kp.host);
      const { first, file } = await render(api, kpTeam.viewer, `/api/documents/${approvedPc1}/pdf`, { locale });
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({
        status: expect.stringMatching(/queued|rendering/),
        jobId: expect.stringContaining(approvedPc1),
      });
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      const disposition = file.headers['content-disposition'] as string;
      const encodedTitle = encodeURIComponent(PC1_TITLE).replace(
        /[()]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      );
      expect(disposition).toContain(`filename*=UTF-8''${encodedTitle}`);
      expect(disposition).toContain(
        `filename="Rehabilitation and Widening of Bahrain-Kalam Road (34 km), ` +
          `District Swat - PC-I - revision 2 (${locale}).pdf"`,
      );
      const pdf = file.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const text = pdfText(pdf);
      for (const item of ['1.1', '4.6', '8.', '15.', '15.2']) expect(text).toContain(item);
      expect(text).toContain(PC1_TITLE);
      expect(text).toContain('Khyber Pakhtunkhwa');
      expect(text).toContain(PC1_TOTAL);
      expect(pdfText(pdf, true)).not.toContain('DRAFT');
      expect(text).toMatch(locale === 'en' ? /Page 1 of \d+/ : /صف\s?حہ\W*1\W*از\W*\d+/);
      const fonts = pdfFonts(pdf);
      expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/);
      if (locale === 'ur') expect(fonts).toMatch(/NotoNastaliqUrdu-Regular\s+CID TrueType\s+Identity-H\s+yes/);
      else expect(fonts).not.toContain('Nastaliq');

      expect(differenceFromReference(`pc1-${locale}-page1`, pdf, `pc1-${locale}`)).toBeLessThan(MAX_DIFFERENT_SHARE);

      // The same request again: the stored file at once, nothing rendered a second time.
      const again = await api
        .post(`/api/documents/${approvedPc1}/pdf`, kpTeam.viewer)
        .send({ locale, revision: 2 })
        .buffer(true)
        .parse(binary);
      expect(again.status).toBe(200);
      expect(Buffer.compare(again.body, pdf)).toBe(0);
      const rows = await h.dataSource.query(
        `SELECT render_key, watermark, pages FROM ${schemaNameFor('kp')}.rendered_documents ` +
          `WHERE document_id = $1 AND locale = $2`,
        [approvedPc1, locale],
      );
      expect(rows).toEqual([expect.objectContaining({ watermark: false, pages: expect.any(Number) })]);
    },
  );

  test.each(['en', 'ur'] as const)(
    'an approved PC-III(A) in %s: items, title, totals, page 1 as committed',
    async (locale) => {
      const api = h.on(kp.host);
      const [project] = await h.dataSource.query(
        `SELECT project_id FROM ${schemaNameFor('kp')}.documents WHERE id = $1`,
        [approvedPc1],
      );
      let id: string;
      const [existing] = await h.dataSource.query(
        `SELECT id FROM ${schemaNameFor('kp')}.documents WHERE project_id = $1 AND kind = 'pc3a'`,
        [project.project_id],
      );
      if (existing) id = existing.id;
      else {
        const created = await api
          .post(`/api/projects/${project.project_id}/documents`, kpTeam.preparer)
          .send({ formKey: 'pc3a', period: '2025-26' })
          .expect(201);
        id = created.body.id;
        await api
          .put(`/api/documents/${id}`, kpTeam.preparer)
          .send({ revision: 1, data: fixture('pc3a') })
          .expect(200);
        await toForum(h, kpTeam, id);
        expect((await act(h, kp.host, kpTeam.approver, id, 'approve')).status).toBe(200);
      }
      const saved = await api.get(`/api/documents/${id}`, kpTeam.viewer).expect(200);
      expect(saved.body.state).toBe('approved');
      const { file } = await render(api, kpTeam.viewer, `/api/documents/${id}/pdf`, { locale });
      const pdf = file.body as Buffer;
      const text = pdfText(pdf);
      for (const item of ['1.1', '2.1', '3.1']) expect(text).toContain(item);
      expect(text).toContain(PC1_TITLE);
      expect(text).toContain(group(saved.body.data.cashPlan.items.totals.total));
      expect(text).toContain(group(saved.body.data.cashPlan.items.totals.approvedCost));
      expect(pdfText(pdf, true)).not.toContain('DRAFT');
      if (locale === 'ur') expect(pdfFonts(pdf)).toMatch(/NotoNastaliqUrdu-Regular\s+CID TrueType\s+Identity-H\s+yes/);
      expect(differenceFromReference(`pc3a-${locale}-page1`, pdf)).toBeLessThan(MAX_DIFFERENT_SHARE);
    },
  );

  test('a draft carries the DRAFT watermark; an earlier revision of an approved document is a draft too', async () => {
    const api = h.on(kp.host);
    const { id } = await validDraft(h, kpTeam);
    const draft = await render(api, kpTeam.preparer, `/api/documents/${id}/pdf`, { locale: 'en' });
    expect(pdfText(draft.file.body, true)).toContain('DRAFT');
    const older = await render(api, kpTeam.preparer, `/api/documents/${approvedPc1}/pdf`, {
      locale: 'en',
      revision: 1,
    });
    expect(pdfText(older.file.body, true)).toContain('DRAFT');
    expect(older.file.headers['content-disposition']).toContain('revision 1 - draft');
  });

  test('bad input is refused naming the field; nothing is rendered before it is asked for', async () => {
    const api = h.on(kp.host);
    const bad = async (body: Record<string, unknown>, field: RegExp) => {
      const res = await api.post(`/api/documents/${approvedPc1}/pdf`, kpTeam.viewer).send(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(field);
    };
    await bad({ locale: 'fr' }, /locale must be one of en, ur/);
    await bad({ revision: 0 }, /revision must be a revision number/);
    await bad({ revision: 'two' }, /revision must be a revision number/);
    await bad({ revision: 99 }, /revision must be between 1 and 2/);
    await bad({ color: true }, /color/);
    expect((await api.get(`/api/documents/${approvedPc1}/pdf?locale=xx`, kpTeam.viewer)).status).toBe(400);
    const missing = await api.get(`/api/documents/${approvedPc1}/pdf?revision=1&locale=ur`, kpTeam.viewer);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/not been rendered yet/);
    expect((await api.get(`/api/documents/${approvedPc1}/pdf/jobs/not-a-job`, kpTeam.viewer)).status).toBe(404);
  });

  test("another province's document, file and job are not found", async () => {
    const kpApi = h.on(kp.host);
    const gbApi = h.on(gb.host);
    const first = await kpApi
      .post(`/api/documents/${approvedPc1}/pdf`, kpTeam.viewer)
      .send({ locale: 'en' })
      .buffer(true)
      .parse(binary);
    expect(first.status).toBe(200);
    expect((await gbApi.post(`/api/documents/${approvedPc1}/pdf`, gbTeam.viewer).send({ locale: 'en' })).status).toBe(
      404,
    );
    expect((await gbApi.get(`/api/documents/${approvedPc1}/pdf?locale=en`, gbTeam.viewer)).status).toBe(404);
    const key = `doc.${approvedPc1}.r2.en.t1.final`;
    expect((await gbApi.get(`/api/documents/${approvedPc1}/pdf/jobs/${key}`, gbTeam.viewer)).status).toBe(404);
    // A GB token on KP's host is refused before anything is looked up.
    expect((await kpApi.get(`/api/documents/${approvedPc1}/pdf?locale=en`, gbTeam.viewer)).status).toBe(401);
  });
});

describe('the blank proforma', () => {
  test('of the current PC-I version in English, of PC-III(B) version 1 in Urdu', async () => {
    const api = h.on(gb.host);
    for (const [form, locale, items] of [
      ['pc1-infrastructure', 'en', ['1.1', '4.6', '15.', '15.2']],
      ['pc3b', 'ur', ['1.1', '2.1']],
    ] as const) {
      const { first, file } = await render(
        api,
        gbTeam.viewer,
        `/api/forms/${form}/versions/${locale === 'en' ? 'current' : 1}/pdf`,
        { locale },
      );
      expect(first.status).toBe(202);
      expect(file.headers['content-disposition']).toContain('blank proforma - version 1');
      const text = pdfText(file.body);
      for (const item of items) expect(text).toContain(item);
      expect(text).toContain('Gilgit-Baltistan');
      expect(pdfText(file.body, true)).not.toContain('DRAFT');
      if (locale === 'en') expect(text).toContain('Blank proforma');
    }
    expect((await api.post('/api/forms/pc1-infrastructure/versions/7/pdf', gbTeam.viewer).send({})).status).toBe(404);
    expect(
      (await api.post('/api/forms/pc1-infrastructure/versions/current/pdf', gbTeam.viewer).send({ locale: 'de' }))
        .status,
    ).toBe(400);
  });
});

describe('the worker', () => {
  test('20 renders at once for two provinces: each PDF holds only its own province', async () => {
    const docs: Array<{ province: Province; token: string; id: string; title: string }> = [];
    for (const [province, t] of [
      [kp, kpTeam],
      [gb, gbTeam],
    ] as const) {
      for (let i = 0; i < 10; i++) {
        const title = `${province.slug.toUpperCase()} isolation project ${i}`;
        const created = await h
          .on(province.host)
          .post('/api/projects', t.preparer)
          .send({ title, formKey: 'pc2' })
          .expect(201);
        docs.push({ province, token: t.viewer, id: created.body.document.id, title });
      }
    }
    const files = await Promise.all(
      docs.map((d) => render(h.on(d.province.host), d.token, `/api/documents/${d.id}/pdf`, { locale: 'en' })),
    );
    files.forEach(({ file }, i) => {
      const text = pdfText(file.body);
      const own = docs[i];
      expect(text).toContain(own.title);
      expect(text).toContain(own.province === kp ? 'Khyber Pakhtunkhwa' : 'Gilgit-Baltistan');
      expect(text).not.toContain(own.province === kp ? 'Gilgit-Baltistan' : 'Khyber Pakhtunkhwa');
      for (const other of docs.filter((d) => d !== own)) expect(text).not.toContain(other.title);
    });
  }, 240_000);

  test('a killed Chromium is launched again and the job succeeds', async () => {
    const api = h.on(kp.host);
    // Make sure this process has a browser, then kill it (only our own child processes).
    await render(api, kpTeam.viewer, `/api/documents/${approvedPc1}/pdf`, { locale: 'en' });
    const before = chromiumPids();
    expect(before.length).toBeGreaterThan(0);
    for (const pid of before) process.kill(pid, 'SIGKILL');
    const { file } = await render(api, kpTeam.viewer, `/api/documents/${approvedPc1}/pdf`, {
      locale: 'ur',
      revision: 1,
    });
    expect(pdfText(file.body)).toContain(PC1_TITLE);
    const after = chromiumPids();
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
  });
});

if (UPDATING) {
  afterAll(() =>
    console.log('UPDATE_PDF_REFERENCES=1: reference images and docs/pdf/ rewritten; look at them before committing'),
  );
}
