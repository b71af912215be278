import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { ensureDatabase } from '../src/database/database-bootstrap';
import { MigrationRunner } from '../src/database/migration-runner.service';
import { CreateTenantRequest } from '../src/platform/dto/tenant.dto';
import { TenantsService } from '../src/platform/tenants.service';
import { PortabilityService } from '../src/portability/portability.service';
import { TenantProvisioner } from '../src/provisioning/tenant-provisioner.service';
import { prepareApi } from '../src/startup';
import { schemaNameFor } from '../src/tenancy/slug';
import { PasswordHasher } from '../src/users/password-hasher.service';
import {
  BenchCase,
  databaseUrl,
  dropDatabase,
  logger,
  makeCase,
  recreateDatabase,
  ROOT,
  round,
  runMain,
  writeResults,
} from './lib';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/*
 * `npm run bench:portability`: a province with BENCH_PORTABILITY_DOCUMENTS (10,000) PC-Is — one
 * filled through the API with the example PC-I and its attachments, cloned in SQL with its revision —
 * exported as an archive (tenant:export's code) and imported under a new slug (tenant:import's),
 * against pg_dump / pg_restore of the same schema run side by side as the baseline (which checks
 * nothing, carries no files and cannot change slug). Seconds and sizes; ratio = archive / baseline.
 */
const DOCUMENTS = Number(process.env.BENCH_PORTABILITY_DOCUMENTS ?? 10_000);
const ATTACHMENTS = Number(process.env.BENCH_PORTABILITY_ATTACHMENTS ?? 20);
const ATTACHMENT_BYTES = 256 * 1024;
const DATABASE = 'daftar_bench_portability';
const RESTORE_DATABASE = 'daftar_bench_portability_restore';
const PASSWORD = 'Bench-Password-2026';
const log = logger('bench:portability');
const run = promisify(execFile);

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'daftar-bench-portability-'));
  await recreateDatabase(DATABASE);
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl(DATABASE),
    STORAGE_DIR: path.join(work, 'storage'),
    PORTABILITY_DIR: path.join(work, 'portability'),
    REDIS_PREFIX: `bench-portability-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'warn',
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_TIME_COST: '1',
  });
  const config = loadConfig();
  await ensureDatabase(config);
  const app = await NestFactory.create(AppModule, { logger: ['warn', 'error'] });
  configureApp(app);
  await app.init();
  await app.get(MigrationRunner).migratePlatform();
  await prepareApi(app);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get<DataSource>(getDataSourceToken());
  try {
    const slug = 'bench';
    const schema = schemaNameFor(slug);
    log(`provisioning ${slug} and filling ${DOCUMENTS} PC-Is, ${ATTACHMENTS} attachments`);
    const { tenant, run: provisioning } = await app
      .get(TenantsService)
      .create(
        { slug, name: 'Bench', adminEmail: 'admin@bench.gov.pk', adminPassword: PASSWORD } as CreateTenantRequest,
        null,
      );
    await app.get(TenantProvisioner).provision(tenant.id, provisioning.id);
    const host = `${slug}.${config.baseDomain}`;
    const port = Number(new URL(base).port);
    // node:http, not fetch: fetch may not set Host, which is how provinces are addressed.
    const call = (method: string, url: string, token?: string, json?: unknown, file?: Buffer) =>
      new Promise<Json>((resolve, reject) => {
        const boundary = `bench${randomBytes(8).toString('hex')}`;
        const body = file
          ? Buffer.concat([
              Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
                  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="study.pdf"\r\n` +
                  'Content-Type: application/pdf\r\n\r\n',
              ),
              file,
              Buffer.from(`\r\n--${boundary}--\r\n`),
            ])
          : json
            ? Buffer.from(JSON.stringify(json))
            : undefined;
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method,
            path: url,
            headers: {
              Host: host,
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
              ...(body
                ? {
                    'Content-Type': file ? `multipart/form-data; boundary=${boundary}` : 'application/json',
                    'Content-Length': body.length,
                  }
                : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} ${url}: ${res.statusCode} ${text}`));
              else resolve(JSON.parse(text));
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const hash = await app.get(PasswordHasher).hash(PASSWORD);
    await db.query(
      `INSERT INTO ${schema}.users (email, name, password_hash, roles, status) ` +
        `VALUES ('preparer@bench.gov.pk', 'Bench preparer', $1, '{preparer}', 'active')`,
      [hash],
    );
    const token = (
      await call('POST', '/api/auth/login', undefined, { email: 'preparer@bench.gov.pk', password: PASSWORD })
    ).accessToken as string;
    const created = await call('POST', '/api/projects', token, {
      title: 'Bahrain–Kalam road',
      formKey: 'pc1-infrastructure',
    });
    const documentId = created.document.id as string;
    const data = JSON.parse(
      readFileSync(path.join(ROOT, 'test', 'fixtures', 'forms', 'pc1-infrastructure.json'), 'utf8'),
    );
    await call('PUT', `/api/documents/${documentId}`, token, { revision: 1, data });
    for (let i = 0; i < ATTACHMENTS; i++) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(ATTACHMENT_BYTES)]);
      await call('POST', `/api/documents/${documentId}/attachments`, token, undefined, bytes);
    }
    await clone(db, schema, created.project.id as string, documentId, DOCUMENTS - 1);
    const [{ documents }] = await db.query(`SELECT count(*)::int AS documents FROM ${schema}.documents`);
    await db.query(`VACUUM ANALYZE`);

    const portability = app.get(PortabilityService);
    const archive = path.join(work, 'bench.tar.gz');
    log('export …');
    let t0 = performance.now();
    const exported = await portability.exportProvince(slug, archive);
    const exportSeconds = (performance.now() - t0) / 1000;
    log('import …');
    t0 = performance.now();
    const imported = await portability.importArchive(archive, { slug: 'bench-moved' });
    const importSeconds = (performance.now() - t0) / 1000;

    log('baseline: pg_dump / pg_restore of the same schema …');
    const dumpFile = path.join(work, 'bench.dump');
    t0 = performance.now();
    await run('pg_dump', [
      '--format=custom',
      `--schema=${schema}`,
      `--file=${dumpFile}`,
      `--dbname=${databaseUrl(DATABASE)}`,
    ]);
    const dumpSeconds = (performance.now() - t0) / 1000;
    await recreateDatabase(RESTORE_DATABASE);
    t0 = performance.now();
    await run('pg_restore', [
      '--no-owner',
      '--single-transaction',
      `--dbname=${databaseUrl(RESTORE_DATABASE)}`,
      dumpFile,
    ]);
    const restoreSeconds = (performance.now() - t0) / 1000;
    const dumpBytes = statSync(dumpFile).size;
    const attachmentMiB = round((ATTACHMENTS * ATTACHMENT_BYTES) / 2 ** 20, 1);

    const figures = {
      documents,
      attachments: ATTACHMENTS,
      attachmentMiB,
      rows: exported.rows,
      archiveBytes: exported.bytes,
      exportSeconds,
      importSeconds,
      dumpBytes,
      dumpSeconds,
      restoreSeconds,
      imported,
    };
    const mib = (bytes: number) => round(bytes / 2 ** 20, 1);
    const cases: BenchCase[] = [
      makeCase(
        `export of ${documents} PC-Is: seconds`,
        's',
        exportSeconds,
        dumpSeconds,
        'report (vs pg_dump of the schema, which carries no files)',
        undefined,
        `${exported.rows} rows, ${exported.files} files`,
      ),
      makeCase(
        `import of ${documents} PC-Is: seconds`,
        's',
        importSeconds,
        restoreSeconds,
        'report (vs pg_restore; the import also verifies every checksum and writes the files)',
      ),
      makeCase(
        `archive of ${documents} PC-Is: size`,
        'MiB',
        mib(exported.bytes),
        mib(dumpBytes),
        `report (vs the dump; the archive also holds ${attachmentMiB} MiB of incompressible attachments)`,
      ),
    ];
    writeResults('portability', {
      title: 'Province archive benchmark',
      method:
        `One province with ${documents} PC-I documents (the example PC-I, with a revision each) and ${ATTACHMENTS} ` +
        `attachments of ${ATTACHMENT_BYTES / 1024} KiB. Archive: PortabilityService export, then import under a ` +
        'new slug in the same database. Baseline: pg_dump (custom format) of the same schema and pg_restore ' +
        'into an empty database, side by side in the same run.',
      figures,
      cases,
    });
  } finally {
    await app.close();
    await dropDatabase(RESTORE_DATABASE).catch(() => undefined);
    await dropDatabase(DATABASE).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

/** `copies` more projects, each with a copy of the template document and its revisions. */
async function clone(db: DataSource, schema: string, projectId: string, documentId: string, copies: number) {
  await db.transaction(async (em) => {
    await em.query(`SELECT set_config('search_path', $1, true)`, [schema]);
    await em.query(
      `CREATE TEMP TABLE clones ON COMMIT DROP AS
         SELECT g, gen_random_uuid() AS project_id, gen_random_uuid() AS document_id
           FROM generate_series(1, $1::int) g`,
      [copies],
    );
    await em.query(
      `INSERT INTO projects SELECT (jsonb_populate_record(NULL::projects, to_jsonb(p) || jsonb_build_object(
         'id', c.project_id, 'title', p.title || ' ' || c.g, 'current_document_id', NULL))).*
         FROM projects p CROSS JOIN clones c WHERE p.id = $1`,
      [projectId],
    );
    await em.query(
      `INSERT INTO documents SELECT (jsonb_populate_record(NULL::documents, to_jsonb(d) || jsonb_build_object(
         'id', c.document_id, 'project_id', c.project_id, 'title', d.title || ' ' || c.g))).*
         FROM documents d CROSS JOIN clones c WHERE d.id = $1`,
      [documentId],
    );
    await em.query(`UPDATE projects p SET current_document_id = c.document_id FROM clones c WHERE p.id = c.project_id`);
    await em.query(
      `INSERT INTO document_revisions SELECT (jsonb_populate_record(NULL::document_revisions,
         to_jsonb(r) || jsonb_build_object('document_id', c.document_id))).*
         FROM document_revisions r CROSS JOIN clones c WHERE r.document_id = $1`,
      [documentId],
    );
  });
}

runMain(main());
