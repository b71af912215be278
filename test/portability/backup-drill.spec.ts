import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../src/config/paths';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness } from '../support/harness';
import { recreateDatabase, specDatabaseName } from '../support/test-env';
import { PDF, Province, team } from '../projects/support';
import { fileFingerprints, tableFingerprints } from './support';

const run = promisify(execFile);
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'backup.mjs');

/*
 * The restore drill of README "Operations: backup and restore": scripts/backup.mjs dumps the
 * platform schema and each province's with pg_dump (one snapshot), copies the attachment store,
 * then restores all of it with pg_restore into a fresh database and store; every table of every
 * schema and every file must come back identical. pg_dump and pg_restore must be installed: the
 * script fails, naming what to install, when they are not (no skip).
 */
describe('backup and restore drill', () => {
  let h: Harness;
  let work: string;
  let storage: string;
  let restored: DataSource;
  let provinces: Province[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'daftar-backup-'));
    storage = path.join(work, 'storage');
    h = await Harness.start({ freshDatabase: 'port_backup', env: { STORAGE_DIR: storage } });
    provinces = [await h.provinceWithAdmin('gb'), await h.provinceWithAdmin('kp')];
    for (const province of provinces) {
      const t = await team(h, province);
      const api = h.on(province.host);
      const created = await api
        .post('/api/projects', t.preparer)
        .send({ title: `Backup drill ${province.slug}`, formKey: 'pc1-production' })
        .expect(201);
      await api
        .post(`/api/documents/${created.body.document.id}/attachments`, t.preparer)
        .field('kind', 'other')
        .attach('file', Buffer.concat([PDF, randomBytes(32)]), { filename: 'a.pdf', contentType: 'application/pdf' })
        .expect(201);
    }
  }, 120_000);
  afterAll(async () => {
    await restored?.destroy();
    await h?.close();
    await rm(work, { recursive: true, force: true });
  });

  test('pg_dump per schema and the file store, restored into a fresh database: every checksum identical', async () => {
    const source = new URL(h.config.database.url);
    const backupDir = path.join(work, 'backup');
    const env = { ...process.env, DATABASE_URL: source.toString(), STORAGE_DIR: storage };
    const taken = await run(process.execPath, [SCRIPT, 'backup', backupDir], { env });
    expect(taken.stdout).toMatch(/Backup of 2 province\(s\)/);
    const manifest = JSON.parse(await readFile(path.join(backupDir, 'backup.json'), 'utf8'));
    const schemas = ['platform', ...provinces.map((p) => schemaNameFor(p.slug))];
    expect(manifest.dumps.map((d: { schema: string }) => d.schema).sort()).toEqual([...schemas].sort());

    const targetUrl = await recreateDatabase(specDatabaseName('port_restored'));
    const restoredStorage = path.join(work, 'restored-storage');
    await run(process.execPath, [SCRIPT, 'restore', backupDir, targetUrl, '--storage', restoredStorage], { env });

    restored = await new DataSource({ type: 'postgres', url: targetUrl }).initialize();
    for (const schema of schemas) {
      const before = await tableFingerprints(h.dataSource, schema);
      expect(Object.keys(before).length).toBeGreaterThan(schema === 'platform' ? 3 : 20);
      expect({ schema, tables: await tableFingerprints(restored, schema) }).toEqual({ schema, tables: before });
      const versions = (db: DataSource) => db.query(`SELECT id FROM "${schema}".schema_migrations ORDER BY id`);
      expect(await versions(restored)).toEqual(await versions(h.dataSource));
    }
    for (const schema of schemas.slice(1)) {
      const files = await fileFingerprints(h.dataSource, storage, schema);
      expect(Object.keys(files)).toHaveLength(1);
      expect(await fileFingerprints(restored, restoredStorage, schema)).toEqual(files);
    }
  }, 120_000);

  test('a damaged backup is refused before anything is restored', async () => {
    const backupDir = path.join(work, 'backup');
    const file = path.join(backupDir, 'db', `${schemaNameFor(provinces[0].slug)}.dump`);
    const bytes = await readFile(file);
    bytes[bytes.length - 1] ^= 1;
    await writeFile(file, bytes);
    const targetUrl = await recreateDatabase(specDatabaseName('port_restored_2'));
    const refused = await run(process.execPath, [SCRIPT, 'restore', backupDir, targetUrl]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toMatch(/t_.*\.dump: checksum [0-9a-f]{64} does not match/);
    const target = await new DataSource({ type: 'postgres', url: targetUrl }).initialize();
    try {
      expect(await target.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'platform'`)).toEqual([]);
    } finally {
      await target.destroy();
    }
  });
});
