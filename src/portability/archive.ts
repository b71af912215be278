import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { z } from 'zod';

/** What this code writes and reads; a later layout gets a new number and a reader for both. */
export const ARCHIVE_FORMAT = 'daftar-province-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const TABLES_FOLDER = 'tables/';
export const FILES_FOLDER = 'files/';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier');
/** A file's key below its province folder: `<uuid>` or `pdf/<render key>.pdf`; never `..` or absolute. */
export const FILE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  platformVersion: z.string().max(40),
  /** The last tenant migration applied to the province's schema when it was exported. */
  schemaVersion: z.string().regex(/^\d{4}-[a-z0-9-]+$/, 'must be a migration id such as 0019-department-active'),
  exportedAt: z.string().max(40),
  province: z.object({
    slug: z.string().max(31),
    name: z.string().max(200),
    // Only the settings a province has (tenant.entity.ts); anything else in the archive is dropped.
    settings: z.object({
      locales: z.array(z.string().max(10)).max(10).optional(),
      branding: z
        .object({
          title: z.string().max(200).optional(),
          titleUr: z.string().max(200).optional(),
          primaryColor: z.string().max(40).optional(),
          logoUrl: z.string().max(2000).optional(),
        })
        .optional(),
    }),
    domains: z.array(z.string().max(253)).max(100),
  }),
  /** In load order (every table after those it references). */
  tables: z
    .array(
      z.object({
        name: identifier,
        columns: z.array(identifier).min(1),
        primaryKey: z.array(identifier),
        rows: z.number().int().min(0),
        sha256,
      }),
    )
    .max(1000),
  sequences: z.array(
    z.object({ name: identifier, lastValue: z.string().regex(/^-?\d{1,19}$/), isCalled: z.boolean() }),
  ),
  files: z.array(z.object({ key: z.string().regex(FILE_KEY).max(300), size: z.number().int().min(0), sha256 })),
  /** Files a row names that were not in the store at export time (listed, not silently dropped). */
  missingFiles: z.array(z.string().max(300)),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const tableEntry = (table: string) => `${TABLES_FOLDER}${table}.copy`;
export const fileEntry = (key: string) => `${FILES_FOLDER}${key}`;

/** Writes `entries` (archive name → file on disk) as one .tar.gz, in the order given. */
export async function packArchive(target: string, entries: ReadonlyArray<[name: string, file: string]>): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip(), createWriteStream(target, { flags: 'wx' }));
  try {
    for (const [name, file] of entries) {
      const { size } = await stat(file);
      await pipeline(createReadStream(file), pack.entry({ name, size, mode: 0o644, mtime: new Date(0) }));
    }
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
  }
  await written;
}

/** An unpacked entry: where it was written and the SHA-256 of its bytes. */
export interface UnpackedEntry {
  file: string;
  size: number;
  sha256: string;
}

const MIB = 1024 * 1024;

/**
 * Unpacks a .tar.gz into `dir`, hashing each entry as it is written. Only plain files named
 * manifest.json, tables/<table>.copy or files/<key> are accepted: any other name (a path that
 * climbs out, a link, a device) refuses the whole archive. A few megabytes of gzip can stand for
 * terabytes of zeros, so the entries may add up to `maxBytes` at most, and each must fit in the
 * disk space left: either refuses the archive before its bytes are written.
 */
export async function unpackArchive(
  source: string,
  dir: string,
  { maxBytes = Number.POSITIVE_INFINITY }: { maxBytes?: number } = {},
): Promise<Map<string, UnpackedEntry>> {
  const entries = new Map<string, UnpackedEntry>();
  let unpacked = 0;
  /** Why this code stopped the unpacking, if it did: that, not a stream's echo of it, is the answer. */
  let refusal: ArchiveError | undefined;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = header.name;
    const allowed =
      name === MANIFEST_ENTRY ||
      /^tables\/[a-z_][a-z0-9_]{0,62}\.copy$/.test(name) ||
      (name.startsWith(FILES_FOLDER) && FILE_KEY.test(name.slice(FILES_FOLDER.length)));
    // A refusal destroys the extractor, which destroys this entry with the same error: unheard (no
    // pipeline reading it yet), that would be an uncaught exception in the worker. The refusal is the answer.
    stream.on('error', () => undefined);
    const refuse = (reason: string) => {
      stream.resume();
      refusal = new ArchiveError(reason);
      next(refusal);
    };
    if (header.type !== 'file' || !allowed || entries.has(name))
      return refuse(`the archive holds an entry this format does not allow: "${name.slice(0, 200)}"`);
    // tar-stream holds each entry to the size its header declares, so the header is the bound.
    const declared = header.size ?? 0;
    unpacked += declared;
    if (unpacked > maxBytes)
      return refuse(
        `the archive unpacks to more than ${Math.floor(maxBytes / MIB)} MiB (PORTABILITY_UNPACKED_MAX_MB); ` +
          `"${name.slice(0, 200)}" alone is ${Math.ceil(declared / MIB)} MiB`,
      );
    const file = path.join(dir, 'entries', name);
    const hash = createHash('sha256');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    mkdir(path.dirname(file), { recursive: true })
      .then(() => statfs(dir))
      .then((disk) => {
        const free = disk.bavail * disk.bsize;
        if (declared > free)
          throw (refusal = new ArchiveError(
            `not enough free disk space in ${dir} to unpack "${name.slice(0, 200)}": ` +
              `${Math.ceil(declared / MIB)} MiB needed, ${Math.floor(free / MIB)} MiB free`,
          ));
        return pipeline(stream, hashing, createWriteStream(file, { flags: 'wx' }));
      })
      .then(() => {
        entries.set(name, { file, size, sha256: hash.digest('hex') });
        next();
      }, next);
  });
  try {
    await pipeline(createReadStream(source), createGunzip(), extract);
  } catch (error) {
    if (refusal) throw refusal;
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`the file is not a readable .tar.gz archive (${(error as Error).message})`);
  }
  return entries;
}

/** A problem with an archive that the operator must hear about as it is (wrong checksum, newer schema …). */
export class ArchiveError extends Error {}
