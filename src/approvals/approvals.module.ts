import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { RoutingModule } from '../routing/routing.module';
import { ApprovalRecord } from './approval-record.entity';
import { APPROVAL_SUBJECTS, ApprovalSubjects } from './approval-subjects';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';

/**
 * Approval records (forum decisions) and the project figures that follow from them. The
 * projects module takes decisions through ApprovalsService and re-exports it; the legacy import
 * records past ones (recordImported). Approvals sit below projects (docs/ARCHITECTURE.md,
 * "Layers"): the projects module registers this module with what it provides of its projects and
 * documents (ApprovalSubjects), so nothing here imports src/projects.
 */
@Module({})
export class ApprovalsModule {
  static forSubjects(subjects: Type<ApprovalSubjects>): DynamicModule {
    return {
      module: ApprovalsModule,
      // AttachmentsModule: the approval letter a decision names; MasterDataModule: the province's forums;
      // RoutingModule: the forum rules a record names (their codes, and which apply only within an increase).
      imports: [TypeOrmModule.forFeature([ApprovalRecord]), AttachmentsModule, MasterDataModule, RoutingModule],
      controllers: [ApprovalsController],
      providers: [ApprovalsService, ApprovalsRepository, { provide: APPROVAL_SUBJECTS, useClass: subjects }],
      exports: [ApprovalsService],
    };
  }
}
