import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import stringify from 'safe-stable-stringify';
import { EntityManager } from 'typeorm';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { ChromiumService } from './chromium.service';
import { PdfFileStore } from './pdf-file-store';
import { PdfRepository, RenderedPdf } from './pdf.repository';
import { PrintSources } from './print-sources.service';
import { PrintInput, printPage, TEMPLATE_VERSION } from './print-template';
import { PdfJob } from './render-key';

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Page objects of a PDF as Chromium writes them (no object streams), for the record. */
const countPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/**
 * The worker's side of printing, in the job's province: read what is printed, print it, store
 * the file, record it. Idempotent (jobs are delivered at least once): a key already recorded is
 * not printed again, and a second recording of the same key changes nothing.
 */
@Injectable()
export class PdfRenderService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly sources: PrintSources,
    private readonly repository: PdfRepository,
    private readonly files: PdfFileStore,
    private readonly chromium: ChromiumService,
  ) {}

  async render(job: PdfJob): Promise<RenderedPdf> {
    const done = await this.db.transaction((em) => this.repository.find(em, job.key));
    if (done) return done;
    const { input, record } = await this.db.transaction((em) => this.inputFor(em, job));
    const page = printPage(input);
    const bytes = await this.chromium.print(page.html, page);
    const tenant = this.db.currentTenant();
    const pdf: RenderedPdf = {
      ...record,
      renderKey: job.key,
      locale: job.locale,
      templateVersion: TEMPLATE_VERSION,
      storageKey: this.files.keyFor(tenant.schemaName, job.key),
      sizeBytes: bytes.length,
      pages: countPages(bytes),
      sha256: sha256(bytes),
    };
    await this.files.put(pdf.storageKey, bytes);
    await this.db.transaction((em) => this.repository.insert(em, pdf));
    return pdf;
  }

  /** What the template prints, read in one unit of work (the province's own schema). */
  private async inputFor(em: EntityManager, job: PdfJob) {
    const tenant = this.db.currentTenant();
    const provinceName = (job.locale === 'ur' && tenant.settings.branding?.titleUr) || tenant.name;
    if (job.kind === 'blank') {
      const version = await this.sources.blank(em, job.formKey, job.versionNumber);
      const input: PrintInput = {
        locale: job.locale,
        provinceName,
        projectTitle: null,
        form: version,
        data: null,
        revision: null,
        contentHash: version.contentHash,
        watermark: false,
        training: Boolean(tenant.sandboxOf),
      };
      return {
        input,
        record: {
          documentId: null,
          formKey: version.formKey,
          formVersion: version.number,
          revision: null,
          watermark: false,
        },
      };
    }
    const { document, version } = await this.sources.document(em, job.documentId, job.revision);
    const input: PrintInput = {
      locale: job.locale,
      provinceName,
      projectTitle: document.projectTitle,
      form: version,
      data: document.data,
      revision: document.revision,
      contentHash: sha256(stringify(document.data) as string),
      // Decided when the job was asked for, as part of its key, so the file matches its key.
      watermark: job.watermark,
      training: Boolean(tenant.sandboxOf),
    };
    return {
      input,
      record: {
        documentId: document.id,
        formKey: version.formKey,
        formVersion: version.number,
        revision: document.revision,
        watermark: job.watermark,
      },
    };
  }
}
