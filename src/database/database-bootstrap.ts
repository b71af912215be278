import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { quoteIdent } from '../common/sql';

/** The empty schema the app role's default search_path points at: unqualified SQL without a tenant fails. */
export const NO_TENANT_SCHEMA = 'no_tenant';

/**
 * Creates the database if it is missing and points the app role's default search_path at an
 * empty schema, so any query that forgets its province fails instead of reading another's rows
 * (docs/ARCHITECTURE.md, "Tenancy"). Idempotent; runs before the pool opens (CLI `migrate`,
 * test set-up).
 */
export async function ensureDatabase(config: AppConfig): Promise<void> {
  const target = new URL(config.database.url);
  const maintenance = new URL(config.database.url);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database.name]);
    if (exists.rowCount === 0) {
      await admin
        .query(`CREATE DATABASE "${config.database.name.replace(/"/g, '""')}"`)
        .catch((e: { code?: string }) => {
          if (e.code !== '42P04') throw e; // created concurrently by another process
        });
    }
  } finally {
    await admin.end();
  }

  const db = new Client({ connectionString: target.toString() });
  await db.connect();
  try {
    await db.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(NO_TENANT_SCHEMA)}`);
    await db.query(`REVOKE CREATE ON SCHEMA ${quoteIdent(NO_TENANT_SCHEMA)} FROM PUBLIC`);
    // The role's *default* for new connections (docs/ARCHITECTURE.md, "Tenancy"), not a change to a
    // pooled session: every unit of work still fixes its schema with SET LOCAL in its own transaction.
    const database = `"${config.database.name.replace(/"/g, '""')}"`;
    await db.query(
      `ALTER ROLE CURRENT_USER IN DATABASE ${database} SET search_path TO ${quoteIdent(NO_TENANT_SCHEMA)}`,
    );
  } finally {
    await db.end();
  }
}
