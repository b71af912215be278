#!/usr/bin/env node
// Backs up and restores a whole deployment (README, "Operations: backup and restore"):
//   node scripts/backup.mjs backup <folder>                      DATABASE_URL and STORAGE_DIR from the environment
//   node scripts/backup.mjs restore <folder> <target database URL> [--storage <dir>]
// A backup is one pg_dump (custom format) per schema — `platform` and every province's — all taken
// from one exported snapshot so they agree with each other, then a copy of each province's folder in
// the attachment store, and backup.json listing them with SHA-256s. Restore checks those, loads the
// platform schema then each province into the target database (which must not hold them yet), and
// copies the files back.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

const fail = (message) => {
  process.stderr.write(`backup: ${message}\n`);
  process.exit(2);
};

/** pg_dump / pg_restore: on PATH, else the newest under /usr/lib/postgresql/<version>/bin (Debian). */
export function findPgTool(name) {
  const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return path.join(root, versions[0], 'bin', name);
  throw new Error(
    `${name} not found on PATH or under /usr/lib/postgresql/*/bin: install the PostgreSQL client ` +
      '(Debian: apt-get install postgresql-client) matching the server version',
  );
}

const sha256Of = (file) =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });

async function backup(folder) {
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/daftar';
  const storageDir = path.resolve(process.env.STORAGE_DIR || '.data/attachments');
  const pgDump = findPgTool('pg_dump');
  await mkdir(path.join(folder, 'db'), { recursive: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const dumps = [];
  try {
    // One snapshot for every dump: the platform registry and each province as of the same moment.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await client.query('SELECT pg_export_snapshot() AS snapshot')).rows;
    const provinces = (
      await client.query(
        `SELECT slug, schema_name FROM platform.tenants WHERE status IN ('active', 'suspended') ORDER BY slug`,
      )
    ).rows;
    for (const schema of ['platform', ...provinces.map((p) => p.schema_name)]) {
      const file = path.join('db', `${schema}.dump`);
      execFileSync(pgDump, [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${snapshot}`,
        `--schema=${schema}`,
        `--file=${path.join(folder, file)}`,
        `--dbname=${databaseUrl}`,
      ]);
      dumps.push({ schema, file, sha256: await sha256Of(path.join(folder, file)) });
      process.stdout.write(`  dumped ${schema}\n`);
    }
    await client.query('COMMIT');
    // Files after the snapshot: bytes are stored before their row commits and never rewritten, so every
    // file a dumped row names is here (a newer file without a row is harmless).
    const files = [];
    for (const p of provinces) {
      const from = path.join(storageDir, p.schema_name);
      if (!existsSync(from)) continue;
      await cp(from, path.join(folder, 'files', p.schema_name), { recursive: true });
      files.push(p.schema_name);
    }
    const manifest = { takenAt: new Date().toISOString(), provinces: provinces.map((p) => p.slug), dumps, files };
    await writeFile(path.join(folder, 'backup.json'), JSON.stringify(manifest, null, 2));
    process.stdout.write(`Backup of ${provinces.length} province(s) written to ${folder}\n`);
  } finally {
    await client.end();
  }
}

async function restore(folder, targetUrl, storageDir) {
  const pgRestore = findPgTool('pg_restore');
  const manifest = JSON.parse(await readFile(path.join(folder, 'backup.json'), 'utf8'));
  for (const dump of manifest.dumps) {
    const actual = await sha256Of(path.join(folder, dump.file));
    if (actual !== dump.sha256) fail(`${dump.file}: checksum ${actual} does not match backup.json's ${dump.sha256}`);
  }
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const present = (
      await client.query(`SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)`, [
        manifest.dumps.map((d) => d.schema),
      ])
    ).rows;
    if (present.length)
      fail(`the target database already has ${present.map((r) => r.nspname).join(', ')}: restore into an empty one`);
  } finally {
    await client.end();
  }
  // Platform first: it is the registry the provinces are listed in.
  for (const dump of manifest.dumps) {
    const run = spawnSync(
      pgRestore,
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${targetUrl}`, dump.file],
      { cwd: folder, encoding: 'utf8' },
    );
    if (run.status !== 0) fail(`pg_restore of ${dump.schema} failed: ${run.stderr.trim()}`);
    process.stdout.write(`  restored ${dump.schema}\n`);
  }
  for (const schema of manifest.files)
    await cp(path.join(folder, 'files', schema), path.join(storageDir, schema), {
      recursive: true,
      errorOnExist: true,
      force: false,
    });
  process.stdout.write(
    `Restored ${manifest.provinces.length} province(s) from ${folder}; now run \`npm run migrate\` against it ` +
      '(it sets the database role defaults and brings the schemas up to this release)\n',
  );
}

const [command, folder, target] = process.argv.slice(2);
const storageFlag = process.argv.indexOf('--storage');
try {
  if (command === 'backup' && folder) await backup(path.resolve(folder));
  else if (command === 'restore' && folder && target)
    await restore(
      path.resolve(folder),
      target,
      path.resolve(storageFlag > 0 ? process.argv[storageFlag + 1] : process.env.STORAGE_DIR || '.data/attachments'),
    );
  else fail('usage: backup.mjs backup <folder> | restore <folder> <target database URL> [--storage <dir>]');
} catch (error) {
  fail(error.message);
}
