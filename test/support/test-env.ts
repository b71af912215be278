import { Client } from 'pg';
/** Tests use their own database next to the development one, on the same server. */
const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/daftar');
// TEST_DATABASE_NAME lets two test runs on one server keep out of each other's way.
base.pathname = `/${process.env.TEST_DATABASE_NAME || 'daftar_test'}`;
export const TEST_DATABASE_URL = base.toString();
export const TEST_BASE_DOMAIN = 'daftar.test';

/**
 * The URL the app under test connects with: the database server itself, or, when
 * scripts/pooled-isolation.mjs sets TEST_POOLER_URL, PgBouncer in transaction mode in front of it.
 * Creating and dropping databases always goes direct (recreateDatabase, ensureDatabase).
 */
export function appDatabaseUrl(direct: string): string {
  const pooler = process.env.TEST_POOLER_URL;
  if (!pooler) return direct;
  const url = new URL(direct);
  const via = new URL(pooler);
  url.hostname = via.hostname;
  url.port = via.port;
  return url.toString();
}

/** True in the run through PgBouncer. */
export const VIA_POOLER = Boolean(process.env.TEST_POOLER_URL);

/**
 * A spec's own database name; with TEST_DATABASE_NAME set it carries that too, so two runs of the
 * same spec file on one server never drop each other's database.
 */
export function specDatabaseName(spec: string): string {
  const run = process.env.TEST_DATABASE_NAME;
  return run && run !== 'daftar_test' ? `${spec}__${run}`.slice(0, 63) : spec;
}

/** Drops and creates a database beside the test database; returns its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}
