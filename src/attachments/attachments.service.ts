import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { assertMayPrepare } from '../projects/preparer-access';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { WorkflowService } from '../workflow/workflow.service';
import { AttachmentsRepository } from './attachments.repository';
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

/** Documents' attachments: checked, checksummed, stored per province outside the database. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly attachments: AttachmentsRepository,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  async upload(documentId: string, kind: string, file: UploadedFile | undefined) {
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
    const me = this.cls.get('principal');
    if (me?.kind !== 'user') throw new ForbiddenException('Only province users attach files');
    const tenant = this.db.currentTenant();
    const id = randomUUID();
    const key = `${tenant.schemaName}/${id}`;
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return this.db.transaction(async (em) => {
      const document = await this.attachments.lockDocument(em, documentId);
      if (!document) throw new NotFoundException(`No document ${documentId} in this province`);
      const { config } = await WorkflowService.current(em);
      if (kind === APPROVAL_LETTER) {
        // Before the forum or once it has decided, by whoever takes the forum's decisions (a return
        // for rectification comes with no letter).
        const deciding = config.actions.filter(
          (a) =>
            a.decision && a.decision !== 'returned' && (a.from.includes(document.state) || a.to === document.state),
        );
        if (!deciding.length)
          throw new ConflictException(
            `The document is ${document.state}; an approval letter is attached when it is before its forum or decided`,
          );
        const roles = [...new Set(deciding.flatMap((a) => a.roles))];
        if (!roles.some((r) => me.roles.includes(r)))
          throw new ForbiddenException(`Attaching the approval letter needs the role ${roles.join(' or ')}`);
      } else {
        // Other attachments are part of the document: added while it can be edited, like its data.
        if (!config.states.find((s) => s.id === document.state)?.editable) {
          throw new ConflictException(
            `The document is ${document.state}; attachments can be added while it is being prepared or returned`,
          );
        }
        await assertMayPrepare(em, document, me);
      }
      // Bytes first, row second: a failed insert leaves an orphan file (harmless, swept by key),
      // never a row whose file is missing.
      await this.storage.put(key, file.buffer);
      try {
        await this.attachments.insert(em, {
          id,
          documentId,
          kind,
          fileName,
          contentType: type,
          sizeBytes: file.size,
          sha256,
          storageKey: key,
          uploadedBy: me.id,
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
      return { id, documentId, kind, fileName, contentType: type, sizeBytes: file.size, sha256 };
    });
  }

  async download(
    documentId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; bytes: Buffer; sha256: string }> {
    const row = await this.db.transaction((em) => this.attachments.find(em, documentId, attachmentId));
    if (!row) throw new NotFoundException(`No attachment ${attachmentId} on document ${documentId} in this province`);
    const bytes = await this.storage.get(row.storageKey);
    return { fileName: row.fileName, contentType: row.contentType, bytes, sha256: row.sha256 };
  }
}
