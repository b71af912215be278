import { Migration } from '../../database/migration';

/**
 * Answers to scrutiny warnings, per document (projects module, warning-answers.repository.ts).
 * One answer per open warning ("check-id@/pointer"); answering again replaces it, and the audit
 * log keeps every answer given (document.warning-answered). `figures` are the warning's figures
 * when it was answered: an answer given for 91 % does not answer the same warning at 99 %.
 */
export const warningAnswers0016: Migration = {
  id: '0016-warning-answers',
  async up(db) {
    await db.query(`
      CREATE TABLE document_warning_answers (
        document_id  uuid NOT NULL REFERENCES documents(id),
        warning_key  text NOT NULL CHECK (length(warning_key) BETWEEN 1 AND 300),
        answer       text NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
        answered_by  uuid NOT NULL,
        answered_at  timestamptz NOT NULL DEFAULT now(),
        figures      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(figures) = 'object'),
        PRIMARY KEY (document_id, warning_key)
      )`);
  },
};
