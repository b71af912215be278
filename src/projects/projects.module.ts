import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
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
    // and stored. preservePath: a name such as ../../x reaches our check and is refused, not silently cut.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ preservePath: true, limits: { fileSize: config.storage.maxBytes, files: 1, fields: 5, parts: 6 } }),
    }),
  ],
  controllers: [ProjectsController, DocumentsController, ObligationsController],
  providers: [DocumentsService, ProjectsService, ProjectsRepository, ObligationsService, AttachmentsService, { provide: FileStorage, useClass: LocalDiskStorage }],
})
export class ProjectsModule {}
