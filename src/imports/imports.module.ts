import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { DepartmentsModule } from '../departments/departments.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ProjectsModule } from '../projects/projects.module';
import { ImportsRepository } from './imports.repository';
import { PortfolioImportController } from './portfolio-import.controller';
import { PortfolioImportService } from './portfolio-import.service';

/**
 * Imports of a province's existing records: the legacy portfolio (projects, their PC-I and
 * revisions' key figures, forum decisions) from JSON, CSV or XLSX. Projects and documents are
 * written through the projects module, decisions through the approvals module, routing checked
 * by the routing module's rules (read once per run), departments found by code through the
 * departments module; this module owns its runs and import keys (migration 0017).
 */
@Module({
  imports: [
    ProjectsModule,
    // ProjectsModule also re-exports ApprovalsService (decisions) from the approvals module.
    DepartmentsModule,
    RoutingModule,
    MasterDataModule,
    WorkflowModule,
    // In memory, as attachments (src/projects/projects.module.ts): a portfolio file is read, hashed and discarded.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.storage.maxBytes, files: 1, fields: 2, parts: 3 },
      }),
    }),
  ],
  controllers: [PortfolioImportController],
  providers: [PortfolioImportService, ImportsRepository],
})
export class ImportsModule {}
