import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

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

export interface StoredAttachment {
  /** feasibility-study, map, drawing, other, approval-letter. */
  kind: string;
  fileName: string;
  contentType: string;
  storageKey: string;
  sha256: string;
}

/** SQL on the province's attachments table (migration 0006), in the caller's unit of work. */
@Injectable()
export class AttachmentsRepository {
  /** The document an attachment is added to, locked so its state cannot change under the upload. */
  async lockDocument(
    em: EntityManager,
    documentId: string,
  ): Promise<{ id: string; state: string; createdBy: string; departmentId: string | null } | null> {
    const [document] = await em.query(
      `SELECT id, state, created_by AS "createdBy", department_id AS "departmentId" FROM documents WHERE id = $1 FOR UPDATE`,
      [documentId],
    );
    return document ?? null;
  }

  async insert(em: EntityManager, a: NewAttachment): Promise<void> {
    await em.query(
      `INSERT INTO attachments (id, document_id, kind, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.documentId, a.kind, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.storageKey, a.uploadedBy],
    );
  }

  async find(em: EntityManager, documentId: string, attachmentId: string): Promise<StoredAttachment | null> {
    const [row] = await em.query(
      `SELECT kind, file_name AS "fileName", content_type AS "contentType", storage_key AS "storageKey", sha256 FROM attachments WHERE id = $1 AND document_id = $2`,
      [attachmentId, documentId],
    );
    return row ?? null;
  }
}
