import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';

/**
 * Every table of a province schema (bookkeeping aside) → row count and an MD5 over its rows, computed
 * here in plain SQL (row text, sorted), independently of the archive's own COPY checksums. Storage keys
 * are compared without their schema prefix: a province imported under a new slug keeps its files in its
 * new schema's folder.
 */
export async function tableFingerprints(
  db: DataSource,
  schema: string,
): Promise<Record<string, { rows: number; md5: string }>> {
  const tables: { name: string; columns: string[] }[] = await db.query(
    `SELECT c.relname AS name,
            array(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                   AND NOT a.attisdropped ORDER BY a.attnum)::text[] AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY 1`,
    [schema],
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables) {
    const select = t.columns
      .map((c) =>
        c === 'storage_key'
          ? `regexp_replace(storage_key, '^[^/]*/', '') || '|' || (storage_key LIKE '${schema}/%')::text`
          : `"${c}"`,
      )
      .join(', ');
    const [row] = await db.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS md5
         FROM (SELECT ${select} FROM "${schema}"."${t.name}") r`,
    );
    out[t.name] = row;
  }
  return out;
}

/** Each stored file of the province (attachments and PDFs) → SHA-256 of its bytes, by key below its folder. */
export async function fileFingerprints(db: DataSource, storageDir: string, schema: string) {
  const keys: { key: string }[] = await db.query(
    `SELECT storage_key AS key FROM "${schema}".attachments
     UNION ALL SELECT storage_key FROM "${schema}".rendered_documents ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { key } of keys) {
    const bytes = await readFile(path.join(storageDir, key));
    out[key.slice(schema.length + 1)] = createHash('sha256').update(bytes).digest('hex');
  }
  return out;
}
