import { Migration } from '../../database/migration';

/** A province's audit log: append-only, enforced in the database, not only by the code. */
export const auditLog0002: Migration = {
  id: '0002-audit-log',
  async up(db) {
    await db.query(`
      CREATE TABLE audit_log (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at           timestamptz NOT NULL DEFAULT now(),
        actor_type   text NOT NULL CHECK (actor_type IN ('user', 'operator', 'anonymous', 'system')),
        actor_id     uuid,
        actor_email  text,
        action       text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]{1,63}$'),
        target_type  text,
        target_id    text,
        ip           text,
        request_id   text,
        details      jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
    await db.query(`CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_id, at DESC)`);
    // The function lives in the province's own schema (no cross-schema objects: Citus-ready).
    await db.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  },
};
