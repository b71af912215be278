import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** An answer to a scrutiny warning on a document (table document_warning_answers, migration 0016). */
export interface WarningAnswer {
  key: string;
  text: string;
  by: string;
  at: Date;
  /** The warning's figures when it was answered (its params). */
  figures: Record<string, unknown>;
}

/** All SQL on document_warning_answers. */
@Injectable()
export class WarningAnswersRepository {
  async answersOf(em: EntityManager, documentId: string): Promise<WarningAnswer[]> {
    return em.query(
      `SELECT warning_key AS key, answer AS text, answered_by AS by, answered_at AS at, ` +
        `figures FROM document_warning_answers WHERE document_id = $1 ORDER BY warning_key`,
      [documentId],
    );
  }

  /** Gives or replaces the answer to one warning; the audit log keeps earlier answers. */
  async save(
    em: EntityManager,
    documentId: string,
    key: string,
    text: string,
    by: string,
    figures: Record<string, unknown>,
  ): Promise<WarningAnswer> {
    const [row] = await em.query(
      `INSERT INTO document_warning_answers (document_id, warning_key, answer, answered_by, figures) ` +
        `VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (document_id, warning_key) DO UPDATE SET answer = EXCLUDED.answer, ` +
        `answered_by = EXCLUDED.answered_by, answered_at = now(), figures = EXCLUDED.figures
       RETURNING warning_key AS key, answer AS text, answered_by AS by, answered_at AS at, figures`,
      [documentId, key, text, by, JSON.stringify(figures)],
    );
    return row;
  }
}
