import { Migration } from '../migration';

/** The province registry, operators and provisioning runs. Always schema-qualified: `platform`. */
export const registry0001: Migration = {
  id: '0001-registry',
  async up(db) {
    await db.query(`
      CREATE TABLE platform.tenants (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,30}$'),
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        schema_name     text NOT NULL UNIQUE,
        status          text NOT NULL CHECK (status IN ('provisioning', 'active', 'suspended', 'failed')),
        status_reason   text,
        settings        jsonb NOT NULL DEFAULT '{}'::jsonb,
        schema_version  text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // A custom domain belongs to one province only; the primary key enforces it.
    await db.query(`
      CREATE TABLE platform.tenant_domains (
        domain      text PRIMARY KEY CHECK (domain = lower(domain)),
        tenant_id   uuid NOT NULL REFERENCES platform.tenants(id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX tenant_domains_tenant_idx ON platform.tenant_domains (tenant_id)`);
    await db.query(`
      CREATE TABLE platform.operators (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email          text NOT NULL,
        name           text NOT NULL,
        password_hash  text NOT NULL,
        status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        last_login_at  timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX operators_email_key ON platform.operators (lower(email))`);
    await db.query(`
      CREATE TABLE platform.provisioning_runs (
        id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id                 uuid NOT NULL REFERENCES platform.tenants(id) ON DELETE CASCADE,
        status                    text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        steps                     jsonb NOT NULL DEFAULT '[]'::jsonb,
        error                     text,
        admin_email               text NOT NULL,
        -- argon2 hash of the first admin's password, kept only until the run succeeds
        admin_password_hash       text,
        requested_by              uuid REFERENCES platform.operators(id),
        created_at                timestamptz NOT NULL DEFAULT now(),
        started_at                timestamptz,
        finished_at               timestamptz
      )`);
    await db.query(
      `CREATE INDEX provisioning_runs_tenant_idx ON platform.provisioning_runs (tenant_id, created_at DESC)`,
    );
  },
};
