import { Module } from '@nestjs/common';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { FileStorage, LocalDiskStorage } from './file-storage';

/**
 * Files on documents, checked and stored outside the database. Projects decide when a document
 * takes one; approvals read the letter a decision names. Neither is imported here.
 */
@Module({
  providers: [AttachmentsService, AttachmentsRepository, { provide: FileStorage, useClass: LocalDiskStorage }],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
