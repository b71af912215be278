import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Locale } from '../forms/definition';

export interface RenderedPdf {
  renderKey: string;
  documentId: string | null;
  formKey: string;
  formVersion: number;
  revision: number | null;
  locale: Locale;
  templateVersion: number;
  watermark: boolean;
  storageKey: string;
  sizeBytes: number;
  pages: number;
  sha256: string;
  renderedAt?: Date;
}

const COLUMNS =
  `render_key AS "renderKey", document_id AS "documentId", form_key AS "formKey", ` +
  `form_version AS "formVersion", revision, locale,
  template_version AS "templateVersion", watermark, storage_key AS "storageKey", ` +
  `size_bytes AS "sizeBytes", pages, sha256, rendered_at AS "renderedAt"`;

/** The province's rendered PDFs (rendered_documents, migration 0011); runs in the caller's unit of work. */
@Injectable()
export class PdfRepository {
  async find(em: EntityManager, renderKey: string): Promise<RenderedPdf | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM rendered_documents WHERE render_key = $1`, [renderKey]);
    return row ?? null;
  }

  /** A second render of the same key (a redelivered job) keeps the first row: both files are the same. */
  async insert(em: EntityManager, pdf: RenderedPdf): Promise<void> {
    await em.query(
      `INSERT INTO rendered_documents (render_key, document_id, form_key, form_version, revision, locale, ` +
        `template_version, watermark, storage_key, size_bytes, pages, sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (render_key) DO NOTHING`,
      [
        pdf.renderKey,
        pdf.documentId,
        pdf.formKey,
        pdf.formVersion,
        pdf.revision,
        pdf.locale,
        pdf.templateVersion,
        pdf.watermark,
        pdf.storageKey,
        pdf.sizeBytes,
        pdf.pages,
        pdf.sha256,
      ],
    );
  }
}
