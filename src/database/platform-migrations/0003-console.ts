import { Migration } from '../migration';

/**
 * The operator console (issue 14): operators' browser sessions (refresh tokens, rotated and
 * revoked by family as in the provinces), the platform audit log of every operator action, and
 * the migration fan-outs started from the console or the command line, with their progress.
 */
export const console0003: Migration = {
  id: '0003-console',
  async up(db) {
    await db.query(`
      CREATE TABLE platform.operator_refresh_tokens (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id    uuid NOT NULL,
        operator_id  uuid NOT NULL REFERENCES platform.operators(id) ON DELETE CASCADE,
        -- SHA-256 of the opaque token: a copy of the table signs nobody in
        token_hash   text NOT NULL UNIQUE,
        expires_at   timestamptz NOT NULL,
        used_at      timestamptz,
        revoked_at   timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX operator_refresh_tokens_family_idx ON platform.operator_refresh_tokens (family_id)`);
    await db.query(
      `CREATE INDEX operator_refresh_tokens_operator_idx ON platform.operator_refresh_tokens (operator_id)`,
    );
    await db.query(`
      CREATE TABLE platform.audit_log (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at              timestamptz NOT NULL DEFAULT now(),
        -- no foreign key: the record outlives any change to the operator's row
        operator_id     uuid,
        operator_email  text,
        action          text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]{1,63}$'),
        target          text CHECK (length(target) <= 200),
        details         jsonb NOT NULL DEFAULT '{}'::jsonb,
        client_ip       text
      )`);
    await db.query(`CREATE INDEX audit_log_at_idx ON platform.audit_log (at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_action_idx ON platform.audit_log (action, at DESC)`);
    await db.query(`CREATE INDEX audit_log_operator_idx ON platform.audit_log (operator_id, at DESC)`);
    await db.query(`CREATE INDEX audit_log_target_idx ON platform.audit_log (target, at DESC)`);
    await db.query(`
      CREATE TABLE platform.migration_runs (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status       text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        source       text NOT NULL CHECK (source IN ('console', 'cli')),
        total        integer NOT NULL DEFAULT 0 CHECK (total >= 0),
        done         integer NOT NULL DEFAULT 0 CHECK (done >= 0),
        failures     jsonb NOT NULL DEFAULT '[]'::jsonb,
        error        text,
        started_by   uuid REFERENCES platform.operators(id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        started_at   timestamptz,
        finished_at  timestamptz,
        -- last sign of life: a run with none for MIGRATION_RUN_STALE_MINUTES stops blocking the next
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // One fan-out at a time: a second start while one is queued or running is refused (409).
    await db.query(
      `CREATE UNIQUE INDEX migration_runs_one_active ON platform.migration_runs ((true))
       WHERE status IN ('queued', 'running')`,
    );
    await db.query(`CREATE INDEX migration_runs_created_idx ON platform.migration_runs (created_at DESC)`);
  },
};
