import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness } from '../support/harness';
import { PDF, Province, team, Team } from '../projects/support';

/*
 * Attachment names: an Urdu name is stored and sent back intact (RFC 6266 filename* in the
 * download), and a hostile name loses its path, its bidi override and its disguise.
 */
describe('attachment file names', () => {
  let h: Harness;
  let province: Province;
  let t: Team;
  let documentId: string;

  beforeAll(async () => {
    h = await Harness.start({
      env: { STORAGE_DIR: path.join(tmpdir(), `daftar-test-${randomBytes(4).toString('hex')}`) },
    });
    province = await h.provinceWithAdmin('names');
    t = await team(h, province);
    const created = await h
      .on(province.host)
      .post('/api/projects', t.preparer)
      .send({ title: 'Attachment names', formKey: 'pc1-production' })
      .expect(201);
    documentId = created.body.document.id;
  });
  afterAll(() => h?.close());

  // filepath: form-data would otherwise cut the name to its basename before sending it.
  const upload = (name: string) =>
    h
      .on(province.host)
      .post(`/api/documents/${documentId}/attachments`, t.preparer)
      .field('kind', 'other')
      .attach('file', PDF, { filename: name, filepath: name, contentType: 'application/pdf' } as {
        filename: string;
        contentType: string;
      });
  const stored = async (id: string) =>
    (
      await h.dataSource.query(`SELECT file_name FROM ${schemaNameFor(province.slug)}.attachments WHERE id = $1`, [id])
    )[0].file_name;
  const download = (id: string) =>
    h
      .on(province.host)
      .get(`/api/documents/${documentId}/attachments/${id}`, t.viewer)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  test('an Urdu name is stored, listed and downloaded intact', async () => {
    const res = await upload('رپورٹ.pdf').expect(201);
    expect(res.body.fileName).toBe('رپورٹ.pdf');
    expect(await stored(res.body.id)).toBe('رپورٹ.pdf');
    const doc = await h.on(province.host).get(`/api/documents/${documentId}`, t.viewer).expect(200);
    expect(doc.body.attachments.map((a: { fileName: string }) => a.fileName)).toContain('رپورٹ.pdf');
    const down = await download(res.body.id).expect(200);
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('رپورٹ.pdf')}`,
    );
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
  });

  test('a hostile name loses its path and its right-to-left override, and shows its real type', async () => {
    const res = await upload('../../etc/\u202efdp.exe').expect(201);
    expect(res.body.fileName).toBe('fdp.exe.pdf');
    expect(await stored(res.body.id)).toBe('fdp.exe.pdf');
    const down = await download(res.body.id).expect(200);
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="fdp.exe.pdf"; filename*=UTF-8''fdp.exe.pdf`,
    );
    expect(down.headers['content-type']).toBe('application/pdf');
  });

  test(
    'Windows paths, zero-width and isolate characters go (control characters: ' +
      'the unit spec; HTTP headers cannot carry them); a name of nothing gets a fallback',
    async () => {
      expect((await upload('C:\\Users\\officer\\نقشہ\u200b\u2066.pdf').expect(201)).body.fileName).toBe('نقشہ.pdf');
      expect((await upload('../..').expect(201)).body.fileName).toBe('attachment.pdf');
    },
  );
});
