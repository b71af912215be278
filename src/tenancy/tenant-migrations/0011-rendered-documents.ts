import { Migration } from '../../database/migration';

/**
 * PDFs rendered by the worker (src/printing): one row per file, keyed by what decides its
 * content (document revision or blank form version, locale, template version, watermark), so
 * the same request twice renders once. The bytes live on disk beside the attachments, in the
 * province's own folder; the row is written only after the file is in place.
 */
export const renderedDocuments0011: Migration = {
  id: '0011-rendered-documents',
  async up(db) {
    await db.query(`
      CREATE TABLE rendered_documents (
        render_key text PRIMARY KEY,
        document_id uuid REFERENCES documents (id) ON DELETE CASCADE,
        form_key text NOT NULL,
        form_version integer NOT NULL,
        revision integer,
        locale text NOT NULL CHECK (locale IN ('en', 'ur')),
        template_version integer NOT NULL,
        watermark boolean NOT NULL,
        storage_key text NOT NULL,
        size_bytes integer NOT NULL,
        pages integer NOT NULL,
        sha256 text NOT NULL,
        rendered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX rendered_documents_document_idx ON rendered_documents (document_id)`);
  },
};
