import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ApprovalsModule } from '../approvals/approvals.module';
import { RoutingModule } from '../routing/routing.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AppConfig } from '../config/app-config';
import { DepartmentsModule } from '../departments/departments.module';
import { FormsModule } from '../forms/forms.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DocumentAttachmentsService } from './document-attachments.service';
import { PreparerAccess } from './preparer-access';
import { DocumentWarningsService } from './document-warnings.service';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { ImportedProjectsRepository } from './imported-projects.repository';
import { ImportedProjectsService } from './imported-projects.service';
import { ObligationsService } from './obligations.service';
import { ProjectAggregatesRepository } from './project-aggregates.repository';
import { ProjectAggregatesService } from './project-aggregates.service';
import { ProjectsRepository } from './projects.repository';
import { ScenarioDocumentsService } from './scenario-documents.service';
import { ProjectsService } from './projects.service';
import { WarningAnswersRepository } from './warning-answers.repository';
import { DocumentsController, ObligationsController, ProjectsController } from './projects.controller';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectDocument } from './document.entity';
import { Project } from './project.entity';

/** Projects (and their list), their documents and attachments, reporting obligations. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Project, ProjectDocument]),
    FormsModule,
    // Forum decisions are recorded through ApprovalsService (src/approvals), which reaches projects
    // and documents through ProjectsRepository as its ApprovalSubjects.
    ApprovalsModule.forSubjects(ProjectsRepository),
    AttachmentsModule,
    WorkflowModule,
    // Documents are routed through ForumRulesService.decide (src/routing).
    RoutingModule,
    DepartmentsModule,
    // No destination: multer keeps uploads in memory, up to the configured size, to be checked, hashed
    // and stored. preservePath: the whole name as sent reaches sanitiseFileName (src/attachments).
    // defParamCharset: browsers send the name's UTF-8 bytes; busboy's default (latin1) turned
    // رپورٹ.pdf into Ø±Ù¾ÙˆØ±Ù¹.pdf.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        preservePath: true,
        defParamCharset: 'utf8',
        limits: { fileSize: config.storage.maxBytes, files: 1, fields: 5, parts: 6 },
      }),
    }),
  ],
  controllers: [ProjectsController, DocumentsController, ObligationsController],
  providers: [
    DocumentsService,
    DocumentWarningsService,
    WarningAnswersRepository,
    ProjectsService,
    ProjectsRepository,
    ObligationsService,
    DocumentAttachmentsService,
    DocumentsRepository,
    PreparerAccess,
    ImportedProjectsService,
    ImportedProjectsRepository,
    ProjectAggregatesService,
    ProjectAggregatesRepository,
    ScenarioDocumentsService,
  ],
  // Exports read the list and documents through these (src/exports).
  // Reminders read obligations through ObligationsService (src/reminders).
  // The legacy portfolio import writes its projects through ImportedProjectsService (src/imports).
  // The legacy import records past decisions through ApprovalsService (re-exported ApprovalsModule).
  // The host's portfolio view reads a province's aggregates through ProjectAggregatesService (src/platform).
  exports: [
    ProjectsService,
    DocumentsService,
    ObligationsService,
    ImportedProjectsService,
    ApprovalsModule,
    ProjectAggregatesService,
    // The training sandboxes' scenario set (src/training).
    ScenarioDocumentsService,
  ],
})
export class ProjectsModule {}
