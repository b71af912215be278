import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { APPROVAL_LETTER, AttachmentsService, UploadedFile } from '../attachments/attachments.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { WorkflowService } from '../workflow/workflow.service';
import { PreparerAccess } from './preparer-access';
import { ProjectsRepository } from './projects.repository';

/**
 * When a document takes a file: the workflow and preparer rules are the documents'; checking and
 * storing the file is AttachmentsService's (src/attachments sits below projects).
 */
@Injectable()
export class DocumentAttachmentsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly cls: ClsService<DaftarStore>,
    private readonly attachments: AttachmentsService,
    private readonly projects: ProjectsRepository,
    private readonly workflow: WorkflowService,
    private readonly access: PreparerAccess,
  ) {}

  async upload(documentId: string, kind: string, file: UploadedFile | undefined) {
    const upload = this.attachments.check(kind, file);
    const me = this.cls.get('principal');
    if (me?.kind !== 'user') throw new ForbiddenException('Only province users attach files');
    return this.db.transaction(async (em) => {
      const document = await this.projects.lockDocument(em, documentId);
      if (!document) throw new NotFoundException(`No document ${documentId} in this province`);
      const { config } = await this.workflow.current(em);
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
        await this.access.assertMayPrepare(em, document, me);
      }
      return this.attachments.store(em, documentId, upload, me.id);
    });
  }
}
