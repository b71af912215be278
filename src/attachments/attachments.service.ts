import { BadRequestException, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { AttachmentsRepository, ListedAttachment, StoredAttachment } from './attachments.repository';
import { sanitiseFileName } from './file-name';
import { FileStorage } from './file-storage';

export const ATTACHMENT_KINDS = ['feasibility-study', 'map', 'drawing', 'other', 'approval-letter'] as const;
/** The forum's approval letter: it comes with the decision, after the document has left its preparers. */
export const APPROVAL_LETTER = 'approval-letter';

/** Accepted types, recognised by their first bytes (the declared type must agree). */
const SIGNATURES: { type: string; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/tiff', magic: [0x49, 0x49, 0x2a, 0x00] },
];

export function sniff(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.type ?? null;
}

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** A file checked and hashed, ready to be stored on a document (AttachmentsService.store). */
export interface CheckedUpload {
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * Documents' attachments: checked, checksummed, stored per province outside the database. When a
 * document may take one is the documents' rule (src/projects/document-attachments.service.ts):
 * attachments sit below projects (docs/ARCHITECTURE.md, "Layers") and know no document states.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly attachments: AttachmentsRepository,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Checks an upload's kind, size and content before anything is locked or stored. */
  check(kind: string, file: UploadedFile | undefined): CheckedUpload {
    if (!file) throw new BadRequestException({ message: ['file is required (multipart field "file")'] });
    if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind))
      throw new BadRequestException({ message: [`kind must be one of ${ATTACHMENT_KINDS.join(', ')}`] });
    if (file.size > this.config.storage.maxBytes)
      throw new PayloadTooLargeException(`file: larger than ${this.config.storage.maxBytes} bytes`);
    const type = sniff(file.buffer);
    if (!type) throw new BadRequestException({ message: ['file: only PDF, PNG, JPEG and TIFF files are accepted'] });
    if (file.mimetype !== type)
      throw new BadRequestException({ message: [`file: declared as ${file.mimetype} but its content is ${type}`] });
    // The name is kept as given (multer decodes it as UTF-8: see ProjectsModule), minus what could mislead.
    const fileName = sanitiseFileName(file.originalname, type);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return { kind, fileName, contentType: type, sizeBytes: file.size, sha256, bytes: file.buffer };
  }

  /** Stores a checked file on a document, in the caller's unit of work (the document is locked by the caller). */
  async store(em: EntityManager, documentId: string, upload: CheckedUpload, uploadedBy: string) {
    const id = randomUUID();
    const key = `${this.db.currentTenant().schemaName}/${id}`;
    const { kind, fileName, contentType, sizeBytes, sha256 } = upload;
    // Bytes first, row second: a failed insert leaves an orphan file (harmless, swept by key),
    // never a row whose file is missing.
    await this.storage.put(key, upload.bytes);
    try {
      await this.attachments.insert(em, {
        id,
        documentId,
        kind,
        fileName,
        contentType,
        sizeBytes,
        sha256,
        storageKey: key,
        uploadedBy,
      });
      await this.audit.record(em, {
        action: 'attachment.added',
        targetType: 'document',
        targetId: documentId,
        details: { attachmentId: id, kind, fileName, sha256 },
      });
    } catch (error) {
      await this.storage.remove(key);
      throw error;
    }
    return { id, documentId, kind, fileName, contentType, sizeBytes, sha256 };
  }

  /** A document's attachments in upload order, in the caller's unit of work. */
  listOf(em: EntityManager, documentId: string): Promise<ListedAttachment[]> {
    return this.attachments.listOf(em, documentId);
  }

  /** How many files a document has (an action may need one), in the caller's unit of work. */
  countOf(em: EntityManager, documentId: string): Promise<number> {
    return this.attachments.countOf(em, documentId);
  }

  /** Whether a document has a file of this kind (a feasibility study, say), in the caller's unit of work. */
  hasKind(em: EntityManager, documentId: string, kind: string): Promise<boolean> {
    return this.attachments.hasKind(em, documentId, kind);
  }

  /** One attachment of a document, in the caller's unit of work (an approval letter named by a decision). */
  find(em: EntityManager, documentId: string, attachmentId: string): Promise<StoredAttachment | null> {
    return this.attachments.find(em, documentId, attachmentId);
  }

  async download(
    documentId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; bytes: Buffer; sha256: string }> {
    const row = await this.attachments.get(documentId, attachmentId);
    if (!row) throw new NotFoundException(`No attachment ${attachmentId} on document ${documentId} in this province`);
    const bytes = await this.storage.get(row.storageKey);
    return { fileName: row.fileName, contentType: row.contentType, bytes, sha256: row.sha256 };
  }

  /** How many files the province holds and their bytes, in the caller's unit of work. */
  totals(em: EntityManager): Promise<{ count: number; bytes: number }> {
    return this.attachments.totals(em);
  }
}
