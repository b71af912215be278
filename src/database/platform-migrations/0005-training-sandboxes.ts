import { Migration } from '../migration';

/**
 * Training sandboxes (issue 17): a sandbox is a province of its own (`<slug>-training`) linked to
 * the live province it copies (`sandbox_of`, the live slug; null for a live province) and closed
 * after `sandbox_expires_at` unless extended. Its builds (creation and every reset) are recorded
 * with their progress and duration in `sandbox_runs`; no province data is kept here.
 */
export const trainingSandboxes0005: Migration = {
  id: '0005-training-sandboxes',
  async up(db) {
    await db.query(`ALTER TABLE platform.tenants ADD COLUMN sandbox_of text CHECK (length(sandbox_of) <= 31)`);
    await db.query(`ALTER TABLE platform.tenants ADD COLUMN sandbox_expires_at timestamptz`);
    // One sandbox per live province.
    await db.query(
      `CREATE UNIQUE INDEX tenants_one_sandbox ON platform.tenants (sandbox_of) WHERE sandbox_of IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE platform.sandbox_runs (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id      uuid NOT NULL REFERENCES platform.tenants(id) ON DELETE CASCADE,
        kind           text NOT NULL CHECK (kind IN ('create', 'reset')),
        status         text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        keep_trainees  boolean NOT NULL DEFAULT true,
        trigger        text NOT NULL CHECK (trigger IN ('trainer', 'operator', 'schedule')),
        steps          jsonb NOT NULL DEFAULT '[]'::jsonb,
        counts         jsonb NOT NULL DEFAULT '{}'::jsonb,
        error          text,
        requested_by   text CHECK (length(requested_by) <= 320),
        -- the sandbox's first administrator until the creation has run, then forgotten
        admin          jsonb,
        created_at     timestamptz NOT NULL DEFAULT now(),
        started_at     timestamptz,
        finished_at    timestamptz,
        duration_ms    integer
      )`);
    await db.query(`CREATE INDEX sandbox_runs_tenant_idx ON platform.sandbox_runs (tenant_id, created_at DESC)`);
    // One build of a sandbox at a time: a second reset while one is queued or running is refused (409).
    await db.query(
      `CREATE UNIQUE INDEX sandbox_runs_one_active ON platform.sandbox_runs (tenant_id)
       WHERE status IN ('queued', 'running')`,
    );
  },
};
