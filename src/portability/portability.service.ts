import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { PROJECT_ROOT } from '../config/paths';
import { MigrationRunner } from '../database/migration-runner.service';
import { schemaNameFor, slugProblem } from '../tenancy/slug';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveError,
  fileEntry,
  Manifest,
  MANIFEST_ENTRY,
  manifestSchema,
  packArchive,
  tableEntry,
  unpackArchive,
} from './archive';
import { PortabilityRepository, TableShape } from './portability.repository';
import { ProvinceFiles } from './province-files';

/** Progress of an export or import: a stage name and how far it is (`done` of `total`). */
export type ProgressListener = (stage: string, done: number, total: number) => void | Promise<void>;

export interface ExportSummary {
  file: string;
  bytes: number;
  slug: string;
  schemaVersion: string;
  tables: number;
  rows: number;
  files: number;
}

export interface ImportSummary {
  slug: string;
  tenantId: string;
  /** The archive's schema version, and the version the province was migrated on to here. */
  archiveSchemaVersion: string;
  schemaVersion: string;
  tables: number;
  rows: number;
  files: number;
}

const PLATFORM_VERSION: string = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

/**
 * A province as one archive, and back (README, "Moving a province / leaving the platform"): its rows
 * (every table of its schema, as canonical COPY text with a SHA-256 each), its files (attachments and
 * rendered PDFs) and a manifest. An import loads it into a new schema at the archive's schema version,
 * checks every checksum before it commits, then migrates it on to this deployment's version: all of it
 * or nothing.
 */
@Injectable()
export class PortabilityService {
  private readonly logger = new Logger(PortabilityService.name);

  constructor(
    private readonly repository: PortabilityRepository,
    private readonly files: ProvinceFiles,
    private readonly registry: TenantRegistry,
    private readonly migrations: MigrationRunner,
    private readonly config: AppConfig,
  ) {}

  /** Writes the province's archive to `target` (a new file; written aside and renamed, so never half there). */
  async exportProvince(
    slug: string,
    target: string,
    progress: ProgressListener = () => undefined,
  ): Promise<ExportSummary> {
    const province = await this.registry.describe(slug);
    if (!province) throw new ArchiveError(`No province "${slug}"`);
    if (province.status !== 'active' && province.status !== 'suspended')
      throw new ArchiveError(`Province ${slug} is ${province.status}: only an active or suspended province has data`);
    if (!province.schemaVersion) throw new ArchiveError(`Province ${slug} has no recorded schema version`);
    const schema = province.schemaName;
    const work = await this.workDir();
    try {
      const snapshot = await this.repository.session(true, async (session) => {
        const tables = await this.repository.tables(session.em, schema);
        const sequences = await this.repository.sequences(session.em, schema);
        const entries: Manifest['tables'] = [];
        for (const [i, table] of tables.entries()) {
          await progress('tables', i, tables.length);
          const file = path.join(work, tableEntry(table.name));
          await mkdir(path.dirname(file), { recursive: true });
          const digest = await this.repository.copyOut(session, schema, table, createWriteStream(file));
          entries.push({ ...table, ...digest });
        }
        await progress('tables', tables.length, tables.length);
        // Keys as they stand in this snapshot; files are never rewritten in place, so reading them after is safe.
        const keys = await this.repository.storageKeys(session.em, schema, tables);
        return { tables: entries, sequences, keys };
      });

      const files: Manifest['files'] = [];
      const missingFiles: string[] = [];
      for (const [i, storageKey] of snapshot.keys.entries()) {
        if (i % 50 === 0) await progress('files', i, snapshot.keys.length);
        const key = storageKey.slice(schema.length + 1);
        if (!storageKey.startsWith(`${schema}/`) || !(await this.files.exists(schema, key))) {
          missingFiles.push(key);
          continue;
        }
        const file = path.join(work, fileEntry(key));
        await mkdir(path.dirname(file), { recursive: true });
        const digest = await hashTo(this.files.read(schema, key), file);
        files.push({ key, ...digest });
      }
      await progress('files', snapshot.keys.length, snapshot.keys.length);
      if (missingFiles.length)
        this.logger.warn({ tenant: slug, missing: missingFiles.length }, 'Files named by rows are not in the store');

      const manifest: Manifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        platformVersion: PLATFORM_VERSION,
        schemaVersion: province.schemaVersion,
        exportedAt: new Date().toISOString(),
        province: {
          slug: province.slug,
          name: province.name,
          settings: { ...province.settings },
          domains: (province.domains ?? []).map((d) => d.domain),
        },
        tables: snapshot.tables,
        sequences: snapshot.sequences,
        files,
        missingFiles,
      };
      await writeFile(path.join(work, MANIFEST_ENTRY), JSON.stringify(manifest, null, 2));
      await progress('packing', 0, 1);
      const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
      await mkdir(path.dirname(path.resolve(target)), { recursive: true });
      try {
        await packArchive(partial, [
          [MANIFEST_ENTRY, path.join(work, MANIFEST_ENTRY)],
          ...manifest.tables.map((t): [string, string] => [tableEntry(t.name), path.join(work, tableEntry(t.name))]),
          ...files.map((f): [string, string] => [fileEntry(f.key), path.join(work, fileEntry(f.key))]),
        ]);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
      }
      await progress('packing', 1, 1);
      return {
        file: target,
        bytes: (await stat(target)).size,
        slug,
        schemaVersion: manifest.schemaVersion,
        tables: manifest.tables.length,
        rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
        files: files.length,
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /**
   * Restores an archive as a new province (its own slug, or `options.slug`). Refused, with nothing
   * written, when the archive is from a newer schema than this deployment's, when any checksum is
   * wrong (named), or when the slug is taken.
   */
  async importArchive(
    source: string,
    options: { slug?: string } = {},
    progress: ProgressListener = () => undefined,
  ): Promise<ImportSummary> {
    const work = await this.workDir();
    try {
      await progress('unpacking', 0, 1);
      const entries = await unpackArchive(source, work, { maxBytes: this.config.portability.unpackedMaxBytes });
      const manifest = this.checkManifest(await this.readManifest(entries.get(MANIFEST_ENTRY)?.file));
      this.checkEntries(manifest, entries);
      await progress('unpacking', 1, 1);

      const slug = options.slug ?? manifest.province.slug;
      const problem = slugProblem(slug);
      if (problem) throw new ArchiveError(problem);
      if (await this.registry.describe(slug))
        throw new ArchiveError(
          `A province "${slug}" already exists in this deployment: import it under another slug (CLI: --slug <new>)`,
        );
      const schema = schemaNameFor(slug);
      const written: string[] = [];
      try {
        const summary = await this.repository.session(false, async (session) => {
          const { em } = session;
          if (await this.repository.schemaExists(em, schema))
            throw new ArchiveError(`Schema ${schema} already exists in this database: import under another slug`);
          const tenant = await this.registry.register(em, {
            slug,
            name: manifest.province.name,
            schemaName: schema,
            status: 'provisioning',
            settings: manifest.province.settings,
          });
          await this.repository.createSchema(em, schema);
          await this.migrations.migrateTenantSchema(em, tenant.id, schema, manifest.schemaVersion);
          const tables = await this.repository.tables(em, schema);
          this.checkShapes(manifest, tables);

          const deferred = await this.repository.deferForeignKeys(em, schema);
          await this.repository.clearSeededRows(em, schema, manifest.tables);
          for (const [i, table] of manifest.tables.entries()) {
            await progress('tables', i, manifest.tables.length);
            await this.repository.copyIn(
              session,
              schema,
              table,
              createReadStream(entries.get(tableEntry(table.name))!.file),
            );
            await this.repository.prefixStorageKeys(session, schema, table);
          }
          await this.repository.checkForeignKeys(em, schema, deferred);
          for (const sequence of manifest.sequences) await this.repository.setSequence(em, schema, sequence);
          // What is now in the database, read back the way the export read it, must be what the archive says.
          for (const [i, table] of manifest.tables.entries()) {
            await progress('verifying', i, manifest.tables.length);
            const loaded = await this.repository.digest(session, schema, table);
            if (loaded.sha256 !== table.sha256 || loaded.rows !== table.rows)
              throw new ArchiveError(
                `Table ${table.name}: loaded ${loaded.rows} rows with checksum ${loaded.sha256}, ` +
                  `the archive says ${table.rows} rows with ${table.sha256}`,
              );
          }
          await progress('verifying', manifest.tables.length, manifest.tables.length);

          for (const [i, file] of manifest.files.entries()) {
            if (i % 50 === 0) await progress('files', i, manifest.files.length);
            const target = await this.files.create(schema, file.key);
            written.push(file.key);
            await pipeline(createReadStream(entries.get(fileEntry(file.key))!.file), target);
          }
          await progress('files', manifest.files.length, manifest.files.length);

          // An archive from an older release becomes this release's province, as `migrate` would make it.
          await this.migrations.migrateTenantSchema(em, tenant.id, schema);
          await this.registry.setStatus(em, tenant.id, 'active', null);
          return {
            slug,
            tenantId: tenant.id,
            archiveSchemaVersion: manifest.schemaVersion,
            schemaVersion: this.migrations.latestTenantVersion ?? manifest.schemaVersion,
            tables: manifest.tables.length,
            rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
            files: manifest.files.length,
          };
        });
        await this.registry.invalidate();
        return summary;
      } catch (error) {
        // The transaction rolled back; files written for it go too.
        for (const key of written) await this.files.remove(schema, key).catch(() => undefined);
        throw error;
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async readManifest(file: string | undefined): Promise<unknown> {
    if (!file) throw new ArchiveError(`The archive has no ${MANIFEST_ENTRY}`);
    try {
      return JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new ArchiveError(`${MANIFEST_ENTRY} is not valid JSON`);
    }
  }

  private checkManifest(raw: unknown): Manifest {
    const format = (raw as { format?: unknown; formatVersion?: unknown } | null) ?? {};
    if (format.format === ARCHIVE_FORMAT && format.formatVersion !== ARCHIVE_FORMAT_VERSION)
      throw new ArchiveError(
        `The archive's format version ${String(format.formatVersion)} is not one this release reads ` +
          `(${ARCHIVE_FORMAT_VERSION}): import it with the release that wrote it, or a later one`,
      );
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success)
      throw new ArchiveError(
        `${MANIFEST_ENTRY} is not a Daftar province manifest: ` +
          parsed.error.issues
            .slice(0, 5)
            .map((i) => `${i.path.join('.') || '(root)'} ${i.message}`)
            .join('; '),
      );
    const manifest = parsed.data;
    const known = this.migrations.tenantMigrationIds;
    const latest = known.at(-1) ?? '';
    if (!known.includes(manifest.schemaVersion)) {
      throw new ArchiveError(
        manifest.schemaVersion > latest
          ? `The archive is from a newer schema (${manifest.schemaVersion}, platform ${manifest.platformVersion}) ` +
              `than this deployment's (${latest}, platform ${PLATFORM_VERSION}): upgrade this deployment first`
          : `The archive's schema version ${manifest.schemaVersion} is not one this deployment knows`,
      );
    }
    return manifest;
  }

  /** Every table and file of the manifest is in the archive with its checksum, and nothing else is. */
  private checkEntries(manifest: Manifest, entries: Map<string, { sha256: string; size: number }>): void {
    const expected = new Map<string, { sha256: string; what: string }>();
    for (const t of manifest.tables) expected.set(tableEntry(t.name), { sha256: t.sha256, what: `Table ${t.name}` });
    for (const f of manifest.files) expected.set(fileEntry(f.key), { sha256: f.sha256, what: `File ${f.key}` });
    for (const [name, { sha256, what }] of expected) {
      const entry = entries.get(name);
      if (!entry) throw new ArchiveError(`${what} is listed in the manifest but missing from the archive`);
      if (entry.sha256 !== sha256)
        throw new ArchiveError(`${what}: checksum ${entry.sha256} does not match the manifest's ${sha256}`);
    }
    for (const name of entries.keys())
      if (name !== MANIFEST_ENTRY && !expected.has(name))
        throw new ArchiveError(`The archive holds ${name}, which its manifest does not list`);
  }

  /** The schema migrated to the archive's version must have the archive's tables, column for column. */
  private checkShapes(manifest: Manifest, tables: readonly TableShape[]): void {
    const here = new Map(tables.map((t) => [t.name, t.columns.join(',')]));
    for (const t of manifest.tables) {
      const columns = here.get(t.name);
      if (columns === undefined)
        throw new ArchiveError(`Table ${t.name} is in the archive but not in schema ${manifest.schemaVersion} here`);
      if (columns !== t.columns.join(','))
        throw new ArchiveError(`Table ${t.name}: the archive's columns differ from schema ${manifest.schemaVersion}`);
    }
    for (const name of here.keys())
      if (!manifest.tables.some((t) => t.name === name))
        throw new ArchiveError(`Table ${name} of schema ${manifest.schemaVersion} is missing from the archive`);
  }

  /** A private folder for one export or import, under PORTABILITY_DIR/work. */
  private async workDir(): Promise<string> {
    const dir = path.resolve(this.config.portability.dir, 'work', randomBytes(8).toString('hex'));
    await mkdir(dir, { recursive: true });
    return dir;
  }
}

/** Copies a stream to a new file, answering its size and SHA-256. */
async function hashTo(source: NodeJS.ReadableStream, file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    source,
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(file, { flags: 'wx' }),
  );
  return { size, sha256: hash.digest('hex') };
}
