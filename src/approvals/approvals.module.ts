import { Module } from '@nestjs/common';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';

/**
 * Approval records (forum decisions) and the project figures that follow from them. The
 * projects module takes decisions through ApprovalsService; the legacy import records past ones
 * (recordImported). The repositories of projects and attachments are stateless SQL on their
 * own tables, provided here as the projects module provides the attachments one, so this
 * module needs nothing back from the projects module (which imports it).
 */
@Module({
  controllers: [ApprovalsController],
  providers: [ApprovalsService, ApprovalsRepository, ProjectsRepository, AttachmentsRepository],
  exports: [ApprovalsService],
})
export class ApprovalsModule {}
