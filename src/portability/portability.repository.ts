import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { quoteIdent } from '../common/sql';
import { PlatformDatabase } from '../database/platform-database.service';

/** A province table as an archive carries it: its columns in order, its primary key, its storage-key columns. */
export interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
}

export interface ForeignKey {
  table: string;
  name: string;
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** Rows and SHA-256 of a table's canonical COPY text. */
export interface TableDigest {
  rows: number;
  sha256: string;
}

/** The migration runner's bookkeeping: rebuilt by the migrations on import, so never carried. */
const BOOKKEEPING_TABLE = 'schema_migrations';

/**
 * Columns that hold a file's place in the attachment store as `<province schema>/<rest>`. An archive
 * carries `<rest>` only, so it loads under any schema (a new slug) and its checksums do not depend on it.
 */
export const STORAGE_KEY_COLUMN = 'storage_key';

/**
 * Session settings that fix how COPY writes and reads values, so a table's text (and its checksum) is
 * the same in every deployment whatever its server defaults (time zone, date style, float digits).
 */
const CANONICAL_SETTINGS: ReadonlyArray<[string, string]> = [
  ['TimeZone', 'UTC'],
  ['DateStyle', 'ISO, YMD'],
  ['IntervalStyle', 'postgres'],
  ['extra_float_digits', '3'],
  ['bytea_output', 'hex'],
];

/**
 * One open transaction on a raw connection, for COPY (which TypeORM does not stream). `em` runs
 * ordinary queries in the same transaction.
 */
export interface CopySession {
  readonly em: EntityManager;
  readonly client: PoolClient;
}

/**
 * SQL on a whole province schema for its archive: the catalogue (tables, keys, foreign keys,
 * sequences) and COPY in and out. It reads and writes every province table by design — an archive
 * is the province's data as a whole — and never names a schema other than the one it is given.
 */
@Injectable()
export class PortabilityRepository {
  constructor(private readonly platformDb: PlatformDatabase) {}

  /**
   * Runs `work` in one transaction on a connection of the pool, with the canonical settings;
   * `readOnlySnapshot` makes it a repeatable-read, read-only snapshot (an export sees one moment).
   */
  session<T>(readOnlySnapshot: boolean, work: (session: CopySession) => Promise<T>): Promise<T> {
    return this.platformDb.withConnection(async (runner) => {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction(readOnlySnapshot ? 'REPEATABLE READ' : 'READ COMMITTED');
      try {
        if (readOnlySnapshot) await runner.query('SET TRANSACTION READ ONLY');
        for (const [name, value] of CANONICAL_SETTINGS)
          await runner.query(`SELECT set_config($1, $2, true)`, [name, value]);
        const result = await work({ em: runner.manager, client });
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    });
  }

  /**
   * The schema's tables (bookkeeping aside), each after the tables it references where foreign keys
   * allow (projects and documents reference each other: the load defers the checks, see deferForeignKeys).
   */
  async tables(em: EntityManager, schema: string): Promise<TableShape[]> {
    const rows: { table: string; columns: string[]; pk: string[] | null }[] = await em.query(
      `SELECT c.relname AS table,
              array(SELECT a.attname FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                     ORDER BY a.attnum)::text[] AS columns,
              (SELECT array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)
                              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum ORDER BY u.i)::text[]
                 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') AS pk
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $2
        ORDER BY c.relname`,
      [schema, BOOKKEEPING_TABLE],
    );
    const edges: { child: string; parent: string }[] = await em.query(
      `SELECT c.relname AS child, p.relname AS parent
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_class p ON p.oid = k.confrelid
        WHERE k.contype = 'f' AND n.nspname = $1 AND k.conrelid <> k.confrelid
        ORDER BY 1, 2`,
      [schema],
    );
    const shapes = new Map(
      rows.map((r) => [r.table, { name: r.table, columns: r.columns, primaryKey: r.pk ?? [] } as TableShape]),
    );
    // Sorted edges and names make the order (and so the manifest) the same for the same schema.
    const ordered: TableShape[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string) => {
      if (state.has(name)) return;
      state.set(name, 'visiting');
      for (const e of edges) if (e.child === name && shapes.has(e.parent)) visit(e.parent);
      state.set(name, 'done');
      ordered.push(shapes.get(name)!);
    };
    for (const name of shapes.keys()) visit(name);
    return ordered;
  }

  /**
   * Makes every foreign key of the schema deferred until checkForeignKeys (the load order cannot satisfy
   * a cycle such as projects ⇄ documents), answering the keys that were not deferrable before.
   */
  async deferForeignKeys(em: EntityManager, schema: string): Promise<ForeignKey[]> {
    const keys: ForeignKey[] = await em.query(
      `SELECT c.relname AS table, k.conname AS name
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = $1 AND NOT k.condeferrable ORDER BY 1, 2`,
      [schema],
    );
    for (const key of keys)
      await em.query(
        `ALTER TABLE ${quoteIdent(schema)}.${quoteIdent(key.table)} ` +
          `ALTER CONSTRAINT ${quoteIdent(key.name)} DEFERRABLE INITIALLY DEFERRED`,
      );
    await em.query('SET CONSTRAINTS ALL DEFERRED');
    return keys;
  }

  /**
   * Empties the tables the archive fills that a migration seeded (province_settings' one row): the
   * archive's rows are the province's whole state, those included. Only tables with rows are touched
   * (some refuse any delete, e.g. the immutable form versions, and are empty here).
   */
  async clearSeededRows(em: EntityManager, schema: string, tables: ReadonlyArray<{ name: string }>): Promise<void> {
    for (const table of tables) {
      const name = `${quoteIdent(schema)}.${quoteIdent(table.name)}`;
      const [{ seeded }] = await em.query(`SELECT EXISTS (SELECT 1 FROM ${name}) AS seeded`);
      if (seeded) await em.query(`DELETE FROM ${name}`);
    }
  }

  /** Checks every deferred foreign key now (a violation throws, naming it), then restores them as they were. */
  async checkForeignKeys(em: EntityManager, schema: string, keys: readonly ForeignKey[]): Promise<void> {
    await em.query('SET CONSTRAINTS ALL IMMEDIATE');
    for (const key of keys)
      await em.query(
        `ALTER TABLE ${quoteIdent(schema)}.${quoteIdent(key.table)} ` +
          `ALTER CONSTRAINT ${quoteIdent(key.name)} NOT DEFERRABLE`,
      );
  }

  /** Every sequence of the schema (identity columns' included) with where it stands. */
  async sequences(em: EntityManager, schema: string): Promise<SequenceState[]> {
    const names: { name: string }[] = await em.query(
      `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = $1 ORDER BY sequencename`,
      [schema],
    );
    const states: SequenceState[] = [];
    for (const { name } of names) {
      const [row] = await em.query(
        `SELECT last_value::text AS "lastValue", is_called AS "isCalled" ` +
          `FROM ${quoteIdent(schema)}.${quoteIdent(name)}`,
      );
      states.push({ name, lastValue: row.lastValue, isCalled: row.isCalled });
    }
    return states;
  }

  async setSequence(em: EntityManager, schema: string, state: SequenceState): Promise<void> {
    await em.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
      `${quoteIdent(schema)}.${quoteIdent(state.name)}`,
      state.lastValue,
      state.isCalled,
    ]);
  }

  /** The keys (with the schema prefix) a province's files are stored under, from every storage-key column. */
  async storageKeys(em: EntityManager, schema: string, tables: readonly TableShape[]): Promise<string[]> {
    const keys = new Set<string>();
    for (const t of tables.filter((t) => t.columns.includes(STORAGE_KEY_COLUMN))) {
      const rows: { key: string }[] = await em.query(
        `SELECT ${STORAGE_KEY_COLUMN} AS key FROM ${quoteIdent(schema)}.${quoteIdent(t.name)} ORDER BY 1`,
      );
      for (const r of rows) keys.add(r.key);
    }
    return [...keys].sort();
  }

  /**
   * Streams the table's canonical text (COPY text format, ordered by primary key, storage keys
   * without their schema) into `sink`, answering its row count and SHA-256.
   */
  async copyOut(session: CopySession, schema: string, table: TableShape, sink: Writable): Promise<TableDigest> {
    const digest = new DigestStream();
    await pipeline(session.client.query(copyTo(canonicalCopy(schema, table))), digest, sink);
    return digest.result();
  }

  /** The table's canonical digest, read back (the check after an import, before it commits). */
  async digest(session: CopySession, schema: string, table: TableShape): Promise<TableDigest> {
    const digest = new DigestStream();
    const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
    await pipeline(session.client.query(copyTo(canonicalCopy(schema, table))), digest, discard);
    return digest.result();
  }

  /** Loads a table's archived text, answering the digest of what was loaded. */
  async copyIn(session: CopySession, schema: string, table: TableShape, source: Readable): Promise<TableDigest> {
    const digest = new DigestStream();
    const columns = table.columns.map(quoteIdent).join(', ');
    await pipeline(
      source,
      digest,
      session.client.query(copyFrom(`COPY ${quoteIdent(schema)}.${quoteIdent(table.name)} (${columns}) FROM STDIN`)),
    );
    return digest.result();
  }

  /** Gives archived storage keys (`<rest>`) the schema they now live under. */
  async prefixStorageKeys(session: CopySession, schema: string, table: TableShape): Promise<void> {
    if (!table.columns.includes(STORAGE_KEY_COLUMN)) return;
    await session.em.query(
      `UPDATE ${quoteIdent(schema)}.${quoteIdent(table.name)} SET ${STORAGE_KEY_COLUMN} = $1 || ${STORAGE_KEY_COLUMN}`,
      [`${schema}/`],
    );
  }

  async schemaExists(em: EntityManager, schema: string): Promise<boolean> {
    const [row] = await em.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
    return Boolean(row);
  }

  async createSchema(em: EntityManager, schema: string): Promise<void> {
    await em.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  }
}

/**
 * The COPY that writes a table's canonical text: every stored column in order, storage keys without
 * their schema prefix, rows in primary-key order (all columns for a table without one).
 */
function canonicalCopy(schema: string, table: TableShape): string {
  const select = table.columns
    .map((c) =>
      c === STORAGE_KEY_COLUMN ? `regexp_replace(${quoteIdent(c)}, '^[^/]*/', '') AS ${quoteIdent(c)}` : quoteIdent(c),
    )
    .join(', ');
  const order = (
    table.primaryKey.length ? table.primaryKey.map(quoteIdent) : table.columns.map((_, i) => `${i + 1}`)
  ).join(', ');
  return `COPY (SELECT ${select} FROM ${quoteIdent(schema)}.${quoteIdent(table.name)} ORDER BY ${order}) TO STDOUT`;
}

/** Passes bytes through, counting rows (COPY text escapes newlines inside values) and hashing them. */
class DigestStream extends Transform {
  private readonly hash = createHash('sha256');
  private rows = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    this.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
    done(null, chunk);
  }

  result(): TableDigest {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}
