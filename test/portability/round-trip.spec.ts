import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CliError, exportTenant, importTenant } from '../../src/cli/commands';
import { Migration } from '../../src/database/migration';
import { packArchive, unpackArchive } from '../../src/portability/archive';
import { ArchiveFolders } from '../../src/portability/archive-folders';
import { PortabilityService } from '../../src/portability/portability.service';
import { schemaNameFor } from '../../src/tenancy/slug';
import { tenantMigrations } from '../../src/tenancy/tenant-migrations';
import { Harness, uniqueSlug } from '../support/harness';
import { PDF, Province, team, Team } from '../projects/support';
import { fileFingerprints, tableFingerprints } from './support';

/*
 * Province archives (README, "Moving a province / leaving the platform"): GB, with documents and
 * attachments, exported and imported under a new slug in the same deployment and into another
 * deployment's database, every table and file identical; a newer schema and a tampered archive
 * refused with nothing written; GB's archive holds nothing of KP.
 */
describe('province archives', () => {
  let h: Harness;
  let work: string;
  let storage: string;
  let gb: Province;
  let kp: Province;
  let archive: string;
  const kpMarker = `KP-only-${randomBytes(6).toString('hex')}`;
  const kpFile = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(kpMarker), randomBytes(512)]);
  let kpDocumentId: string;

  const service = (harness: Harness) => harness.api.get(PortabilityService);

  async function project(t: Team, title: string, file: Buffer): Promise<string> {
    const api = h.on(t.province.host);
    const created = await api.post('/api/projects', t.preparer).send({ title, formKey: 'pc1-production' }).expect(201);
    const id = created.body.document.id as string;
    await api
      .post(`/api/documents/${id}/attachments`, t.preparer)
      .field('kind', 'other')
      .attach('file', file, { filename: 'رپورٹ.pdf', contentType: 'application/pdf' })
      .expect(201);
    return id;
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'daftar-port-'));
    storage = path.join(work, 'storage');
    h = await Harness.start({
      worker: true,
      // Below a dot-folder, as the default (.data/portability) is: Express's sendFile refuses such paths
      // unless told otherwise, and the download answered 404 with the default settings.
      env: { STORAGE_DIR: storage, PORTABILITY_DIR: path.join(work, '.data', 'portability') },
    });
    gb = await h.provinceWithAdmin('gb');
    kp = await h.provinceWithAdmin('kp');
    const [gbTeam, kpTeam] = [await team(h, gb), await team(h, kp)];
    await project(gbTeam, 'Skardu water supply', PDF);
    await project(gbTeam, 'گلگت سڑک کی بحالی', Buffer.concat([PDF, randomBytes(64)]));
    kpDocumentId = await project(kpTeam, kpMarker, kpFile);
    archive = path.join(work, 'gb.tar.gz');
    const summary = await service(h).exportProvince(gb.slug, archive);
    expect(summary.files).toBe(2);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await rm(work, { recursive: true, force: true });
  });

  /** No province row and no schema for `slug`: what a refused import must leave. */
  async function nothingWritten(slug: string) {
    const [row] = await h.dataSource.query(`SELECT 1 FROM platform.tenants WHERE slug = $1`, [slug]);
    const [schema] = await h.dataSource.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schemaNameFor(slug)]);
    expect({ row, schema }).toEqual({ row: undefined, schema: undefined });
    const folder = await readdir(path.join(storage, schemaNameFor(slug))).catch(() => []);
    expect(folder).toEqual([]);
  }

  /** Unpacks the archive, lets `change` edit its entries on disk, packs it again. */
  async function altered(change: (dir: string) => Promise<void>): Promise<string> {
    const dir = await mkdtemp(path.join(work, 'alter-'));
    const entries = await unpackArchive(archive, dir);
    await change(path.join(dir, 'entries'));
    const target = path.join(work, `altered-${randomBytes(4).toString('hex')}.tar.gz`);
    await packArchive(
      target,
      [...entries].map(([name, e]): [string, string] => [name, e.file]),
    );
    return target;
  }

  test('imported under a new slug, every table and every file is identical and its admin can sign in', async () => {
    const moved = uniqueSlug('moved');
    const summary = await service(h).importArchive(archive, { slug: moved });
    expect(summary).toMatchObject({ slug: moved, files: 2 });
    const [from, to] = [schemaNameFor(gb.slug), schemaNameFor(moved)];
    const source = await tableFingerprints(h.dataSource, from);
    expect(Object.keys(source).length).toBeGreaterThan(20);
    expect(source.documents.rows).toBe(2);
    expect(await tableFingerprints(h.dataSource, to)).toEqual(source);
    // The foreign keys the load deferred are as the migrations made them again.
    const deferrable = (schema: string) =>
      h.dataSource.query(
        `SELECT count(*) FILTER (WHERE k.condeferrable)::int AS deferrable, count(*)::int AS total
           FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'f' AND n.nspname = $1`,
        [schema],
      );
    expect(await deferrable(to)).toEqual(await deferrable(from));
    const files = await fileFingerprints(h.dataSource, storage, from);
    expect(Object.keys(files)).toHaveLength(2);
    expect(await fileFingerprints(h.dataSource, storage, to)).toEqual(files);
    // And in the archive's own terms: the moved province exports with the same checksum for every table and file.
    const again = path.join(work, 'moved.tar.gz');
    await service(h).exportProvince(moved, again);
    const checksums = async (file: string) => {
      const entries = await unpackArchive(file, await mkdtemp(path.join(work, 'manifest-')));
      const manifest = JSON.parse(await readFile(entries.get('manifest.json')!.file, 'utf8'));
      return {
        tables: manifest.tables.map((t: { name: string; rows: number; sha256: string }) => [t.name, t.rows, t.sha256]),
        files: manifest.files.map((f: { key: string; sha256: string }) => [f.key, f.sha256]),
      };
    };
    expect(await checksums(again)).toEqual(await checksums(archive));

    // The same people and projects, on the new host.
    const host = h.hostOf(moved);
    const login = await h
      .on(host)
      .post('/api/auth/login')
      .send({ email: gb.adminEmail, password: 'Province-Admin-Pass-1' })
      .expect(200);
    const list = await h.on(host).get('/api/projects', login.body.accessToken).expect(200);
    expect(list.body.items.map((p: { title: string }) => p.title).sort()).toEqual(
      ['Skardu water supply', 'گلگت سڑک کی بحالی'].sort(),
    );
    // GB's token is GB's: refused on the moved province's host.
    await h.on(host).get('/api/projects', gb.adminToken).expect(401);
  });

  test("GB's archive holds none of KP's rows or files", async () => {
    const dir = await mkdtemp(path.join(work, 'look-'));
    const entries = await unpackArchive(archive, dir);
    let gbSeen = false;
    for (const [name, entry] of entries) {
      const text = (await readFile(entry.file)).toString('latin1');
      expect({ name, kp: text.includes(kpMarker) || text.includes(kpDocumentId) }).toEqual({ name, kp: false });
      if (name === 'tables/projects.copy') gbSeen = text.includes('Skardu water supply');
    }
    expect(gbSeen).toBe(true);
    expect(JSON.parse(await readFile(entries.get('manifest.json')!.file, 'utf8')).province.slug).toBe(gb.slug);
  });

  test('an archive from a newer schema is refused with a clear message, and nothing is written', async () => {
    const newer = await altered(async (dir) => {
      const file = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(file, JSON.stringify({ ...manifest, schemaVersion: '9999-from-the-future' }));
    });
    const slug = uniqueSlug('newer');
    await expect(service(h).importArchive(newer, { slug })).rejects.toThrow(
      /newer schema \(9999-from-the-future.*upgrade this deployment first/,
    );
    await nothingWritten(slug);
  });

  test('an archive that unpacks beyond the limit (a gzip bomb) is refused before the entry is written', async () => {
    const dir = await mkdtemp(path.join(work, 'bomb-'));
    const zeros = path.join(dir, 'zeros');
    await writeFile(zeros, Buffer.alloc(3 * 1024 * 1024));
    const bomb = path.join(dir, 'bomb.tar.gz');
    await packArchive(bomb, [
      ['manifest.json', zeros],
      ['files/bomb', zeros],
    ]);
    const into = await mkdtemp(path.join(work, 'bomb-into-'));
    await expect(unpackArchive(bomb, into, { maxBytes: 5 * 1024 * 1024 })).rejects.toThrow(
      /^the archive unpacks to more than 5 MiB \(PORTABILITY_UNPACKED_MAX_MB\); "files\/bomb" alone is 3 MiB$/,
    );
    // The first entry fitted and was written; the one past the limit was not begun.
    expect(await readdir(path.join(into, 'entries'))).toEqual(['manifest.json']);
    // An entry outside the format is refused the same way (a climbing path).
    await expect(
      unpackArchive(
        await (async () => {
          const climbing = path.join(dir, 'climbing.tar.gz');
          await packArchive(climbing, [['../outside', zeros]]);
          return climbing;
        })(),
        await mkdtemp(path.join(work, 'climb-')),
      ),
    ).rejects.toThrow('the archive holds an entry this format does not allow: "../outside"');
    // Within the limit the same archive unpacks (the refusal is the limit's, not the archive's).
    const entries = await unpackArchive(bomb, await mkdtemp(path.join(work, 'bomb-ok-')), {
      maxBytes: 6 * 1024 * 1024,
    });
    expect([...entries.values()].map((e) => e.size)).toEqual([3 * 1024 * 1024, 3 * 1024 * 1024]);
  });

  test('a changed row is refused naming its table; a changed file naming the file; nothing is written', async () => {
    const row = await altered(async (dir) => {
      const file = path.join(dir, 'tables', 'projects.copy');
      await writeFile(file, (await readFile(file, 'utf8')).replace('Skardu', 'Skarbu'));
    });
    const slug = uniqueSlug('tamper');
    await expect(service(h).importArchive(row, { slug })).rejects.toThrow(/^Table projects: checksum/);
    await nothingWritten(slug);

    const file = await altered(async (dir) => {
      const [name] = await readdir(path.join(dir, 'files'));
      const bytes = await readFile(path.join(dir, 'files', name));
      bytes[bytes.length - 1] ^= 1;
      await writeFile(path.join(dir, 'files', name), bytes);
    });
    await expect(service(h).importArchive(file, { slug })).rejects.toThrow(/^File [0-9a-f-]{36}: checksum/);
    await nothingWritten(slug);
  });

  test('an archive whose checksums agree but whose rows break the schema is rolled back whole', async () => {
    // A forged archive: an attachment row pointing at no document, checksums recomputed to match.
    const forged = await altered(async (dir) => {
      const file = path.join(dir, 'tables', 'attachments.copy');
      const text = await readFile(file, 'utf8');
      const [first] = text.split('\n');
      const cells = first.split('\t');
      cells[0] = '00000000-0000-4000-8000-000000000001';
      cells[1] = '00000000-0000-4000-8000-000000000002';
      cells[7] = 'forged-key';
      const bytes = text + cells.join('\t') + '\n';
      await writeFile(file, bytes);
      const manifestFile = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
      const { createHash } = await import('node:crypto');
      const entry = manifest.tables.find((t: { name: string }) => t.name === 'attachments');
      entry.sha256 = createHash('sha256').update(bytes).digest('hex');
      entry.rows += 1;
      await writeFile(manifestFile, JSON.stringify(manifest));
    });
    const slug = uniqueSlug('forged');
    await expect(service(h).importArchive(forged, { slug })).rejects.toThrow(/foreign key/);
    await nothingWritten(slug);
  });

  test('the CLI commands: progress, a summary line, a clear error for a taken slug', async () => {
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    const file = path.join(work, 'cli.tar.gz');
    expect(await exportTenant(h.api, gb.slug, file, out)).toBe(0);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^Province ${gb.slug} \\(schema \\d{4}-.*\\) written to .*cli.tar.gz: \\d+ tables`),
    );
    expect(lines.some((l) => /^ {2}tables +\d+\/\d+$/.test(l))).toBe(true);
    const slug = uniqueSlug('cli');
    expect(await importTenant(h.api, file, slug, out)).toBe(0);
    expect(lines.at(-1)).toMatch(new RegExp(`^Province ${slug} imported from .*every checksum verified$`));
    await expect(importTenant(h.api, file, slug, out)).rejects.toThrow(CliError);
    await expect(exportTenant(h.api, 'no-such-province', file, out)).rejects.toThrow('No province "no-such-province"');
  });

  describe('operator API', () => {
    const api = () => h.on(h.platformHost);

    /** Polls a job until it ends (Jest's timeout bounds a hang), keeping every stage it reported. */
    async function finished(jobId: string) {
      const token = await h.operatorToken();
      const stages = new Set<string>();
      for (;;) {
        const res = await api().get(`/api/platform/portability/jobs/${jobId}`, token).expect(200);
        if (res.body.progress) stages.add(res.body.progress.stage);
        if (res.body.state === 'completed' || res.body.state === 'failed') return { ...res.body, stages };
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    test('export as a job, download, import the upload as a job under a new slug: identical', async () => {
      const token = await h.operatorToken();
      const started = await api().post('/api/platform/portability/exports', token).send({ slug: gb.slug }).expect(202);
      const exported = await finished(started.body.jobId);
      const [audited] = await h.dataSource.query(
        `SELECT operator_email AS "by", target FROM platform.audit_log WHERE action = 'tenant.export-started' ` +
          `AND details->>'jobId' = $1`,
        [started.body.jobId],
      );
      expect(audited).toEqual({ by: h.operatorLogin.email, target: gb.slug });
      expect(exported).toMatchObject({ kind: 'export', state: 'completed', failedReason: null });
      expect(exported.result).toMatchObject({ slug: gb.slug, files: 2 });
      expect([...exported.stages].length).toBeGreaterThan(0);
      const download = await api()
        .get(exported.download, token)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(download.headers['content-type']).toBe('application/gzip');
      const file = path.join(work, 'downloaded.tar.gz');
      await writeFile(file, download.body as Buffer);

      const moved = uniqueSlug('api');
      const upload = await api()
        .post('/api/platform/portability/imports', token)
        .field('slug', moved)
        .attach('file', file, { filename: 'gb.tar.gz', contentType: 'application/gzip' })
        .expect(202);
      const imported = await finished(upload.body.jobId);
      expect(imported).toMatchObject({ kind: 'import', state: 'completed', download: null });
      expect(imported.result).toMatchObject({ slug: moved, files: 2 });
      expect(await tableFingerprints(h.dataSource, schemaNameFor(moved))).toEqual(
        await tableFingerprints(h.dataSource, schemaNameFor(gb.slug)),
      );

      // Old archives go after PORTABILITY_RETENTION_HOURS: the download is then a clear 404.
      const removed = await h.api.get(ArchiveFolders).cleanup(Date.now() + 73 * 3600 * 1000);
      expect(removed).toBeGreaterThan(0);
      const gone = await api().get(exported.download, token).expect(404);
      expect(gone.body.message).toMatch(/gone/);
    }, 120_000);

    test('a tampered upload fails its job with the table named, and nothing is written', async () => {
      const token = await h.operatorToken();
      const tampered = await altered(async (dir) => {
        const file = path.join(dir, 'tables', 'projects.copy');
        await writeFile(file, (await readFile(file, 'utf8')).replace('Skardu', 'Skarbu'));
      });
      const slug = uniqueSlug('apitamper');
      const upload = await api()
        .post('/api/platform/portability/imports', token)
        .field('slug', slug)
        .attach('file', tampered, { filename: 'gb.tar.gz', contentType: 'application/gzip' })
        .expect(202);
      const job = await finished(upload.body.jobId);
      expect(job.state).toBe('failed');
      expect(job.failedReason).toMatch(/^Table projects: checksum [0-9a-f]{64} does not match/);
      await nothingWritten(slug);
    });

    test('bad requests get a 4xx naming the problem', async () => {
      const token = await h.operatorToken();
      const badSlug = await api()
        .post('/api/platform/portability/exports', token)
        .send({ slug: 'Not a slug' })
        .expect(400);
      expect(JSON.stringify(badSlug.body)).toMatch(/slug/);
      await api().post('/api/platform/portability/exports', token).send({ slug: 'no-such-province' }).expect(404);
      const noFile = await api().post('/api/platform/portability/imports', token).field('slug', 'x-y').expect(400);
      expect(JSON.stringify(noFile.body)).toMatch(/file is required/);
      await api().get('/api/platform/portability/jobs/not-a-job', token).expect(404);
    });

    test("a province's token is refused, on the admin host and on its own", async () => {
      const onAdmin = await api().post('/api/platform/portability/exports', gb.adminToken).send({ slug: gb.slug });
      expect(onAdmin.status).toBe(401);
      const onProvince = await h
        .on(gb.host)
        .post('/api/platform/portability/exports', gb.adminToken)
        .send({ slug: kp.slug });
      expect(onProvince.status).toBe(404);
      const operatorOnProvince = await h
        .on(gb.host)
        .post('/api/platform/portability/exports', await h.operatorToken())
        .send({ slug: kp.slug });
      expect([401, 404]).toContain(operatorOnProvince.status);
    });
  });

  // Last: a second API in this process takes over passport's process-wide 'jwt' strategy, so once it
  // has started (and after it closes) the first one's signed-in requests no longer work.
  test('imported into another deployment, one release newer: loaded at its version, then migrated on', async () => {
    const otherStorage = path.join(work, 'other-storage');
    // The other deployment ships one tenant migration more than the archive's schema has.
    const newer: Migration = {
      id: '9999-portability-probe',
      up: (db) => db.query(`CREATE TABLE portability_probe (id integer PRIMARY KEY)`).then(() => undefined),
    };
    const other = await Harness.start({
      freshDatabase: 'port_other',
      tenantMigrations: [...tenantMigrations, newer],
      env: { STORAGE_DIR: otherStorage, PORTABILITY_DIR: path.join(work, 'other-portability') },
    });
    try {
      const summary = await service(other).importArchive(archive);
      expect(summary).toMatchObject({
        archiveSchemaVersion: tenantMigrations.at(-1)!.id,
        schemaVersion: '9999-portability-probe',
      });
      const schema = schemaNameFor(gb.slug);
      const [registry] = await other.dataSource.query(`SELECT schema_version FROM platform.tenants WHERE slug = $1`, [
        gb.slug,
      ]);
      expect(registry.schema_version).toBe('9999-portability-probe');
      const { portability_probe: probe, ...tables } = await tableFingerprints(other.dataSource, schema);
      expect(probe.rows).toBe(0);
      expect(tables).toEqual(await tableFingerprints(h.dataSource, schema));
      expect(await fileFingerprints(other.dataSource, otherStorage, schema)).toEqual(
        await fileFingerprints(h.dataSource, storage, schema),
      );
      // Imported again: the slug is taken, and the message says what to do.
      await expect(service(other).importArchive(archive)).rejects.toThrow(/already exists.*--slug/);
    } finally {
      await other.close();
    }
  }, 120_000);
});
