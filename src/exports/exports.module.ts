import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { TabularWriter } from './tabular-writer';

/**
 * Spreadsheet exports (XLSX, CSV) of the project list and of a document's tables.
 *
 * Import it in AppModule BEFORE ProjectsModule: Express matches routes in the order they are
 * registered, and GET /api/projects/export must be registered ahead of GET /api/projects/:id.
 */
@Module({
  imports: [ProjectsModule, FormsModule, WorkflowModule],
  controllers: [ExportsController],
  providers: [ExportsService, TabularWriter],
  exports: [TabularWriter],
})
export class ExportsModule {}
