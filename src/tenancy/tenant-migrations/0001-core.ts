import { Migration } from '../../database/migration';

/**
 * A province's own tables. SQL here is unqualified on purpose: the runner fixes the
 * transaction's search_path to the province's schema, so the same text builds every province.
 */
export const core0001: Migration = {
  id: '0001-core',
  async up(db) {
    await db.query(`
      CREATE TABLE users (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email          text NOT NULL CHECK (length(email) <= 254),
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        password_hash  text,
        roles          text[] NOT NULL DEFAULT '{}',
        status         text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'disabled')),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`
      CREATE TABLE departments (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_ur     text CHECK (length(name_ur) <= 200),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX departments_code_key ON departments (code)`);
  },
};
