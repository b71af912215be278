import { Migration } from '../../database/migration';

/**
 * Legacy portfolio import (imports module; projects written through the projects module).
 *
 * - projects.import_key: the province's own id of an imported project (its ADP code …), unique, so
 *   importing the same portfolio twice finds the same projects; projects.computer_code beside the
 *   ADP serial number (adp_number).
 * - documents.import_key: marks a document as imported (key figures of a PC-I or revised PC-I
 *   brought from the province's records, not filled in here), unique within its project.
 * - import_runs: who imported what and when, with the counts and the full row-by-row report
 *   (the audit trail of every import that wrote; dry runs write nothing).
 * - imported_projects: per import key, the checked rows the project was made from and their
 *   fingerprint: the same rows again are "unchanged", different rows are a conflict naming what changed.
 */
export const portfolioImport0017: Migration = {
  id: '0017-portfolio-import',
  async up(db) {
    await db.query(`
      ALTER TABLE projects
        ADD COLUMN import_key text CHECK (length(import_key) BETWEEN 1 AND 100),
        ADD COLUMN computer_code text CHECK (computer_code ~ '^[0-9]{2,12}(-[0-9]{1,12}){0,3}$')`);
    // Named like a unique constraint (…_key): the projects_…_idx names are the project list's (migration 0008).
    await db.query(`CREATE UNIQUE INDEX projects_import_key_key ON projects (import_key) WHERE import_key IS NOT NULL`);
    await db.query(`ALTER TABLE documents ADD COLUMN import_key text CHECK (length(import_key) BETWEEN 1 AND 60)`);
    await db.query(
      `CREATE UNIQUE INDEX documents_import_key_idx ON documents (project_id, import_key) WHERE import_key IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE import_runs (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind          text NOT NULL DEFAULT 'portfolio' CHECK (kind IN ('portfolio')),
        format        text NOT NULL CHECK (format IN ('json', 'csv', 'xlsx')),
        file_name     text CHECK (length(file_name) <= 255),
        file_sha256   text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        started_by    uuid,
        started_at    timestamptz NOT NULL DEFAULT now(),
        counts        jsonb NOT NULL CHECK (jsonb_typeof(counts) = 'object'),
        report        jsonb NOT NULL CHECK (jsonb_typeof(report) = 'object')
      )`);
    await db.query(`CREATE INDEX import_runs_started_idx ON import_runs (started_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE imported_projects (
        import_key    text PRIMARY KEY CHECK (length(import_key) BETWEEN 1 AND 100),
        project_id    uuid NOT NULL UNIQUE REFERENCES projects(id),
        fingerprint   text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        rows          jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
        run_id        uuid NOT NULL REFERENCES import_runs(id),
        imported_at   timestamptz NOT NULL DEFAULT now()
      )`);
  },
};
