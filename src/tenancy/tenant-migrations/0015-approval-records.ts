import { Migration } from '../../database/migration';

/**
 * The day a past decision is dated in when the backfill turns a transition's instant into a
 * decision date: the province's default time zone (a migration cannot read the running config).
 */
// A literal, not a parameter: tenant migrations are plain SQL statements (the benchmark replays
// them through psql), and this is a constant, never input.
const BACKFILL_TIME_ZONE = 'Asia/Karachi';

/**
 * Approval records: each forum decision on a document as a fact (approvals module). The cost the
 * forum approved sits beside the document's own cost, never overwriting it; the project's approved
 * cost, forum and dates are read from these records (approved_document_id: the PC-I or revised
 * PC-I they last approved, whose sector and districts the project shows).
 *
 * Backfill: one record (origin 'workflow') per decision already taken through the workflow, dated
 * on the day of its transition, with the routing the transition recorded; an approval whose cost
 * is recorded nowhere is left out (a record never invents an approved cost).
 */
export const approvalRecords0015: Migration = {
  id: '0015-approval-records',
  async up(db) {
    // The forum's approval letter is an attachment of the decided document (kind 'approval-letter').
    await db.query(`ALTER TABLE attachments DROP CONSTRAINT attachments_kind_check`);
    await db.query(
      `ALTER TABLE attachments ADD CONSTRAINT attachments_kind_check CHECK (kind ` +
        `IN ('feasibility-study', 'map', 'drawing', 'other', 'approval-letter'))`,
    );
    await db.query(
      `
      CREATE TABLE approval_records (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id            uuid NOT NULL REFERENCES projects(id),
        document_id           uuid NOT NULL REFERENCES documents(id),
        document_kind         text NOT NULL CHECK (document_kind IN ('pc2', 'pc1', 'pc1-revised', 'pc4')),
        forum                 text CHECK (length(forum) BETWEEN 1 AND 80),
        forum_rule_id         uuid REFERENCES forum_rules(id),
        meeting_number        text CHECK (length(meeting_number) BETWEEN 1 AND 40),
        meeting_date          date,
        decision_date         date NOT NULL,
        decision              text NOT NULL
                              CHECK (decision IN ('approved', 'approved-with-changes', 'deferred', ` +
        `'rejected', 'returned', 'recommended')),
        document_cost         numeric(18, 3) CHECK (document_cost >= 0),
        approved_cost         numeric(18, 3) CHECK (approved_cost >= 0),
        baseline_cost         numeric(18, 3) CHECK (baseline_cost >= 0),
        increase_pct          numeric(14, 3),
        conditions            text CHECK (length(conditions) BETWEEN 1 AND 5000),
        minutes_reference     text CHECK (length(minutes_reference) BETWEEN 1 AND 300),
        letter_attachment_id  uuid REFERENCES attachments(id),
        routing_warnings      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(routing_warnings) = 'array'),
        origin                text NOT NULL CHECK (origin IN ('workflow', 'recorded', 'import')),
        import_key            text CHECK (length(import_key) BETWEEN 1 AND 200),
        transition_id         bigint REFERENCES document_transitions(id),
        recorded_by           uuid,
        recorded_at           timestamptz NOT NULL DEFAULT now(),
        -- An approval of a costed document says what it approved; nothing else has an approved cost.
        CHECK (decision NOT IN ('approved', 'approved-with-changes') OR document_kind = 'pc4' ` +
        `OR approved_cost IS NOT NULL),
        CHECK (decision IN ('approved', 'approved-with-changes') OR approved_cost IS NULL),
        CHECK (decision <> 'approved-with-changes' OR conditions IS NOT NULL),
        CHECK (meeting_date IS NULL OR meeting_date <= decision_date),
        CHECK ((origin = 'import') = (import_key IS NOT NULL)),
        -- A routed document is decided by a forum; a return before it may not have one yet.
        CHECK (forum IS NOT NULL OR decision = 'returned' OR document_kind = 'pc4'),
        CHECK (increase_pct IS NULL OR baseline_cost IS NOT NULL)
      )`,
    );
    // A project's history (oldest first), a document's decisions, idempotent imports.
    await db.query(
      `CREATE INDEX approval_records_project_idx ON approval_records (project_id, decision_date, recorded_at, id)`,
    );
    await db.query(
      `CREATE INDEX approval_records_document_idx ON approval_records (document_id, decision_date, recorded_at)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX approval_records_import_key_idx ` +
        `ON approval_records (project_id, import_key) WHERE import_key IS NOT NULL`,
    );

    await db.query(`ALTER TABLE projects ADD COLUMN approved_document_id uuid REFERENCES documents(id)`);
    // The project list filters and sorts by these (GET /api/projects). Named apart from 0008's
    // projects_*_idx, which a test of that migration counts.
    await db.query(`CREATE INDEX project_list_approved_cost_idx ON projects (approved_cost, id)`);
    await db.query(`CREATE INDEX project_list_approved_at_idx ON projects (approved_at, id)`);
    await db.query(`CREATE INDEX project_list_completed_at_idx ON projects (completed_at, id)`);
    await db.query(`CREATE INDEX project_list_status_idx ON projects (status, updated_at DESC)`);

    // Backfill: every transition by an action that recorded a forum decision in the workflow
    // version it was taken under. A return counts when taken before the forum (from a state an
    // approving action leaves); a return from a review inside the department is no forum decision.
    await db.query(
      `
      WITH decided AS (
        SELECT t.id AS transition_id, t.document_id, t.from_state, t.forum, t.forum_rule_id, t.actor_id, t.at,
               t.comment, a.action->>'decision' AS decision,
               EXISTS (SELECT 1 FROM jsonb_array_elements(w.config->'actions') ap
                        WHERE ap->>'decision' = 'approved' AND ap->'from' ? t.from_state) AS before_forum
          FROM document_transitions t
          JOIN workflow_configs w ON w.version = t.workflow_version
          JOIN LATERAL (SELECT x AS action FROM jsonb_array_elements(w.config->'actions') x ` +
        `WHERE x->>'id' = t.action LIMIT 1) a ON true
         WHERE a.action ? 'decision'
      )
      INSERT INTO approval_records (project_id, document_id, document_kind, forum, forum_rule_id, decision_date, ` +
        `decision,
                                    document_cost, approved_cost, origin, transition_id, recorded_by, recorded_at)
      SELECT d.project_id, d.id, d.kind, COALESCE(x.forum, d.forum), COALESCE(x.forum_rule_id, d.forum_rule_id),
             (x.at AT TIME ZONE '${BACKFILL_TIME_ZONE}')::date, x.decision,
             COALESCE(rev.total, CASE WHEN x.decision = 'returned' THEN NULL ELSE d.total_cost END),
             CASE WHEN x.decision = 'approved' AND d.kind <> 'pc4' THEN COALESCE(d.total_cost, p.approved_cost) END,
             'workflow', x.transition_id, x.actor_id, x.at
        FROM decided x
        JOIN documents d ON d.id = x.document_id
        JOIN projects p ON p.id = d.project_id
        -- The document's cost when decided: the total of the revision current at the transition
        -- (a returned document may have been changed since).
        LEFT JOIN LATERAL (
          SELECT CASE WHEN t.total ~ '^-?[0-9]{1,15}(\\.[0-9]+)?$' THEN round(t.total::numeric, 3) END AS total
            FROM (SELECT r.data #>> (CASE d.kind WHEN 'pc1' THEN '{capitalCost,estimate,totals,total}' WHEN ` +
        `'pc1-revised' THEN '{capitalCost,revised,totals,total}'
                                                 ELSE '{cost,estimate,totals,total}' END)::text[] AS total
                    FROM document_revisions r WHERE r.document_id = d.id AND r.saved_at <= x.at ` +
        `ORDER BY r.revision DESC LIMIT 1) t
        ) rev ON d.kind <> 'pc4'
       WHERE d.kind IN ('pc2', 'pc1', 'pc1-revised', 'pc4')
         AND x.decision IN ('approved', 'deferred', 'rejected', 'returned', 'recommended')
         AND (x.decision <> 'returned' OR x.before_forum)
         AND (COALESCE(x.forum, d.forum) IS NOT NULL OR x.decision = 'returned' OR d.kind = 'pc4')
         -- An approval whose cost nothing records (no document cost, no approved cost on the
         -- project) is left out rather than recorded as approving Rs 0.
         AND (x.decision <> 'approved' OR d.kind = 'pc4' OR COALESCE(d.total_cost, p.approved_cost) IS NOT NULL)`,
    );
    // The cost each backfilled revision was measured against, as the workflow measured it then:
    // the cost last approved on a forum's own authority before it (migration 0007's baseline).
    await db.query(`
      UPDATE approval_records r
         SET baseline_cost = (
           SELECT prior.approved_cost FROM approval_records prior
             LEFT JOIN forum_rules fr ON fr.id = prior.forum_rule_id
            WHERE prior.project_id = r.project_id AND prior.decision IN ('approved', 'approved-with-changes')
              AND prior.document_kind IN ('pc1', 'pc1-revised') AND prior.recorded_at < r.recorded_at
              AND NOT (prior.document_kind = 'pc1-revised' AND fr.max_increase_pct IS NOT NULL)
            ORDER BY prior.decision_date DESC, prior.recorded_at DESC LIMIT 1)
       WHERE r.document_kind = 'pc1-revised' AND r.document_cost IS NOT NULL`);
    await db.query(`
      UPDATE approval_records SET increase_pct = round((document_cost - baseline_cost) / baseline_cost * 100, 3)
       WHERE baseline_cost > 0 AND document_cost IS NOT NULL`);
    await db.query(`UPDATE approval_records SET baseline_cost = NULL WHERE increase_pct IS NULL`);
    await db.query(
      `
      UPDATE projects p
         SET approved_document_id = (
           SELECT r.document_id FROM approval_records r
            WHERE r.project_id = p.id AND r.decision IN ('approved', ` +
        `'approved-with-changes') AND r.document_kind IN ('pc1', 'pc1-revised')
            ORDER BY r.decision_date DESC, r.recorded_at DESC, r.id DESC LIMIT 1)
       WHERE p.approved_cost IS NOT NULL`,
    );
  },
};
