import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ProjectsModule } from '../projects/projects.module';
import { BlankPdfController, DocumentPdfController } from './pdf.controller';
import { PdfFileStore } from './pdf-file-store';
import { PdfRepository } from './pdf.repository';
import { PdfService } from './pdf.service';
import { PrintSources } from './print-sources.service';

/** PDFs of documents and blank proformas (the API side: requests, jobs, downloads). */
@Module({
  imports: [FormsModule, ProjectsModule],
  controllers: [DocumentPdfController, BlankPdfController],
  providers: [PdfService, PrintSources, PdfRepository, PdfFileStore],
  exports: [PdfRepository, PdfFileStore],
})
export class PrintingModule {}
