import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';

export interface NewAttachment {
  id: string;
  documentId: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
}

export interface ListedAttachment {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

export interface StoredAttachment {
  /** feasibility-study, map, drawing, other, approval-letter. */
  kind: string;
  fileName: string;
  contentType: string;
  storageKey: string;
  sha256: string;
}

const STORED = `kind, file_name AS "fileName", content_type AS "contentType", storage_key AS "storageKey", sha256`;

/** SQL on the province's attachments table (migration 0006), in the caller's unit of work or as one read. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly db: TenantDatabase) {}

  async insert(em: EntityManager, a: NewAttachment): Promise<void> {
    await em.query(
      `INSERT INTO attachments (id, document_id, kind, file_name, content_type, size_bytes, ` +
        `sha256, storage_key, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.documentId, a.kind, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.storageKey, a.uploadedBy],
    );
  }

  async find(em: EntityManager, documentId: string, attachmentId: string): Promise<StoredAttachment | null> {
    const [row] = await em.query(`SELECT ${STORED} FROM attachments WHERE id = $1 AND document_id = $2`, [
      attachmentId,
      documentId,
    ]);
    return row ?? null;
  }

  /** The same as find, as a single statement (a download). */
  async get(documentId: string, attachmentId: string): Promise<StoredAttachment | null> {
    const [row] = await this.db.read<StoredAttachment>(
      (t) => `SELECT ${STORED} FROM ${t('attachments')} WHERE id = $1 AND document_id = $2`,
      [attachmentId, documentId],
    );
    return row ?? null;
  }

  /** A document's attachments in upload order, as a document's page lists them. */
  listOf(em: EntityManager, documentId: string): Promise<ListedAttachment[]> {
    return em.query(
      `SELECT id, kind, file_name AS "fileName", content_type AS "contentType", size_bytes::int AS "sizeBytes", sha256,
              uploaded_at AS "uploadedAt"
         FROM attachments WHERE document_id = $1 ORDER BY uploaded_at`,
      [documentId],
    );
  }

  async countOf(em: EntityManager, documentId: string): Promise<number> {
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM attachments WHERE document_id = $1`, [documentId]);
    return n;
  }

  async hasKind(em: EntityManager, documentId: string, kind: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM attachments WHERE document_id = $1 AND kind = $2 LIMIT 1`, [
      documentId,
      kind,
    ]);
    return rows.length > 0;
  }

  /** How many files the province holds and their bytes (a bigint, exact as a number up to 8 PiB). */
  async totals(em: EntityManager): Promise<{ count: number; bytes: number }> {
    const [row] = await em.query(
      `SELECT count(*)::int AS count, coalesce(sum(size_bytes), 0)::text AS bytes FROM attachments`,
    );
    return { count: row.count, bytes: Number(row.bytes) };
  }
}
