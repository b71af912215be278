import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ProjectsModule } from '../projects/projects.module';
import { ChromiumService } from './chromium.service';
import { PdfFileStore } from './pdf-file-store';
import { PdfRenderService } from './pdf-render.service';
import { PdfRepository } from './pdf.repository';
import { PdfProcessor } from './pdf.processor';
import { PrintSources } from './print-sources.service';

/** The worker's side of printing: the PDF queue's processor and the one Chromium of the process. */
@Module({
  imports: [FormsModule, ProjectsModule],
  providers: [PdfProcessor, PdfRenderService, PrintSources, ChromiumService, PdfRepository, PdfFileStore],
  exports: [ChromiumService],
})
export class PrintingWorkerModule {}
