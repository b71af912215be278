import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { AttachmentsService } from '../attachments/attachments.service';
import { FileStorage, LocalDiskStorage } from '../attachments/file-storage';
import { AppConfig } from '../config/app-config';
import { DepartmentsModule } from '../departments/departments.module';
import { FormsModule } from '../forms/forms.module';
import { DocumentsService } from './documents.service';
import { ObligationsService } from './obligations.service';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';
import { DocumentsController, ObligationsController, ProjectsController } from './projects.controller';

/** Projects (and their list), their documents and attachments, reporting obligations. */
@Module({
  imports: [
    FormsModule,
    DepartmentsModule,
    // No destination: multer keeps uploads in memory, up to the configured size, to be checked, hashed
    // and stored. preservePath: the whole name as sent reaches sanitiseFileName (src/attachments).
    // defParamCharset: browsers send the name's UTF-8 bytes; busboy's default (latin1) turned رپورٹ.pdf into Ø±Ù¾ÙˆØ±Ù¹.pdf.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ preservePath: true, defParamCharset: 'utf8', limits: { fileSize: config.storage.maxBytes, files: 1, fields: 5, parts: 6 } }),
    }),
  ],
  controllers: [ProjectsController, DocumentsController, ObligationsController],
  providers: [DocumentsService, ProjectsService, ProjectsRepository, ObligationsService, AttachmentsService, AttachmentsRepository, { provide: FileStorage, useClass: LocalDiskStorage }],
  // Exports read the list and documents through these (src/exports).
  // Reminders read obligations through ObligationsService (src/reminders).
  exports: [ProjectsService, DocumentsService, ObligationsService],
})
export class ProjectsModule {}
