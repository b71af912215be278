import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { Locale } from '../forms/definition';
import { VersionRef } from '../forms/forms.service';
import { PDF_QUEUE } from '../jobs/queues';
import { TenantJobQueue } from '../jobs/tenant-jobs';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { PdfFileStore } from './pdf-file-store';
import { PdfRepository, RenderedPdf } from './pdf.repository';
import { PrintSources } from './print-sources.service';
import { blankKey, documentKey, jobIdOf, PdfJob, RENDER_KEY } from './render-key';

/** Tries per render: a crashed browser or a timeout gets two more, with backoff. */
const RENDER_ATTEMPTS = 3;
const RETRY_BACKOFF_MS = 2_000;
/** Finished jobs stay visible to pollers this long; the file itself is kept in the table. */
const DONE_JOB_KEEP_SECONDS = 60 * 60;
const FAILED_JOB_KEEP_SECONDS = 24 * 60 * 60;

export type PdfJobStatus = 'queued' | 'rendering' | 'retrying' | 'done' | 'failed';

export interface PdfFile {
  bytes: Buffer;
  fileName: string;
  sha256: string;
}

/** The file when it exists, else the job that renders it. */
export type PdfOutcome =
  { file: PdfFile } | { job: { jobId: string; status: PdfJobStatus; poll: string; file: string } };

interface Target {
  key: string;
  job: PdfJob;
  fileName: string;
  rendered: RenderedPdf | null;
  /** URLs of this target's job and file. */
  base: string;
  fileQuery: string;
}

/**
 * PDFs as the API offers them: the stored file of a document revision or blank proforma, or a
 * render job in the worker (job id = the file's key, so asking twice renders once). Reads go
 * through the documents' and forms' services in the province's unit of work, so another
 * province's document or form is simply not found.
 */
@Injectable()
export class PdfService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly sources: PrintSources,
    private readonly repository: PdfRepository,
    private readonly files: PdfFileStore,
    private readonly jobs: TenantJobQueue,
    @InjectQueue(PDF_QUEUE) private readonly queue: Queue<PdfJob>,
  ) {}

  // --- documents --------------------------------------------------------------------------------

  async requestDocument(id: string, revision: number | undefined, locale: Locale): Promise<PdfOutcome> {
    return this.fileOrJob(await this.db.transaction((em) => this.documentTarget(em, id, revision, locale)));
  }

  async documentFile(id: string, revision: number | undefined, locale: Locale): Promise<PdfFile> {
    return this.storedFile(await this.db.transaction((em) => this.documentTarget(em, id, revision, locale)));
  }

  async documentJob(id: string, jobId: string) {
    if (!RENDER_KEY.test(jobId) || !jobId.startsWith(`doc.${id}.`))
      throw new NotFoundException(`No PDF job ${jobId.slice(0, 80)} for document ${id}`);
    // The document must be this province's (404 otherwise), whatever the job id says.
    await this.db.transaction((em) => this.sources.document(em, id));
    return this.jobStatus(jobId, `/api/documents/${id}/pdf`);
  }

  // --- blank proformas --------------------------------------------------------------------------

  async requestBlank(formKey: string, ref: VersionRef, locale: Locale): Promise<PdfOutcome> {
    return this.fileOrJob(await this.db.transaction((em) => this.blankTarget(em, formKey, ref, locale)));
  }

  async blankFile(formKey: string, ref: VersionRef, locale: Locale): Promise<PdfFile> {
    return this.storedFile(await this.db.transaction((em) => this.blankTarget(em, formKey, ref, locale)));
  }

  async blankJob(formKey: string, ref: VersionRef, jobId: string) {
    const version = await this.db.transaction((em) => this.sources.blank(em, formKey, ref));
    if (!RENDER_KEY.test(jobId) || !jobId.startsWith(`blank.${formKey}.v${version.number}.`)) {
      throw new NotFoundException(`No PDF job ${jobId.slice(0, 80)} for ${formKey} version ${version.number}`);
    }
    return this.jobStatus(jobId, `/api/forms/${formKey}/versions/${version.number}/pdf`);
  }

  // --- shared -----------------------------------------------------------------------------------

  private async documentTarget(
    em: EntityManager,
    id: string,
    revision: number | undefined,
    locale: Locale,
  ): Promise<Target> {
    const { document, version } = await this.sources.document(em, id, revision);
    const watermark = !document.approved;
    const key = documentKey(id, document.revision, locale, watermark);
    const tenantId = this.db.currentTenant().id;
    return {
      key,
      job: { tenantId, key, locale, kind: 'document', documentId: id, revision: document.revision, watermark },
      fileName:
        `${document.projectTitle} - ${version.definition.family} - revision ` +
        `${document.revision}${watermark ? ' - draft' : ''} (${locale}).pdf`,
      rendered: await this.repository.find(em, key),
      base: `/api/documents/${id}/pdf`,
      fileQuery: `?revision=${document.revision}&locale=${locale}`,
    };
  }

  private async blankTarget(em: EntityManager, formKey: string, ref: VersionRef, locale: Locale): Promise<Target> {
    const version = await this.sources.blank(em, formKey, ref);
    const key = blankKey(formKey, version.number, locale);
    const tenantId = this.db.currentTenant().id;
    return {
      key,
      job: { tenantId, key, locale, kind: 'blank', formKey, versionNumber: version.number },
      fileName:
        `${version.title[locale] || version.title.en} - blank ` +
        `proforma - version ${version.number} (${locale}).pdf`,
      rendered: await this.repository.find(em, key),
      base: `/api/forms/${formKey}/versions/${version.number}/pdf`,
      fileQuery: `?locale=${locale}`,
    };
  }

  private async fileOrJob(target: Target): Promise<PdfOutcome> {
    if (target.rendered) return { file: await this.read(target.rendered, target.fileName) };
    const job = await this.enqueue(target);
    return {
      job: {
        jobId: target.key,
        status: this.statusOf(await this.jobs.bounded(() => job.getState())),
        poll: `${target.base}/jobs/${target.key}`,
        file: `${target.base}${target.fileQuery}`,
      },
    };
  }

  private async storedFile(target: Target): Promise<PdfFile> {
    if (!target.rendered) {
      throw new NotFoundException(
        `This PDF has not been rendered yet: POST ${target.base} with ` +
          `the same revision and locale, then poll the job it returns`,
      );
    }
    return this.read(target.rendered, target.fileName);
  }

  private async read(rendered: RenderedPdf, fileName: string): Promise<PdfFile> {
    return { bytes: await this.files.get(rendered.storageKey), fileName, sha256: rendered.sha256 };
  }

  /**
   * Adds the render job unless one with the same key is queued or running. A job that failed
   * for good is tried again when asked again; one that finished without leaving a file (its row
   * was removed) is replaced.
   */
  private enqueue(target: Target): Promise<Job<PdfJob>> {
    return this.jobs.bounded(() => this.enqueueJob(target));
  }

  private async enqueueJob(target: Target): Promise<Job<PdfJob>> {
    const existing = await this.findJob(target.key);
    if (existing) {
      const state = await existing.getState();
      if (state === 'failed') {
        await existing.retry('failed');
        return existing;
      }
      if (state !== 'completed') return existing;
      await existing.remove();
    }
    return this.jobs.add(this.queue, 'render', target.job, {
      jobId: jobIdOf(target.key),
      attempts: RENDER_ATTEMPTS,
      backoff: { type: 'exponential', delay: RETRY_BACKOFF_MS },
      removeOnComplete: { age: DONE_JOB_KEEP_SECONDS },
      removeOnFail: { age: FAILED_JOB_KEEP_SECONDS },
    });
  }

  private async jobStatus(key: string, base: string) {
    const rendered = await this.db.transaction((em) => this.repository.find(em, key));
    const file = rendered
      ? `${base}?${rendered.revision ? `revision=${rendered.revision}&` : ''}locale=${rendered.locale}`
      : null;
    if (rendered) return { jobId: key, status: 'done' as PdfJobStatus, file };
    const job = await this.findJob(key);
    if (!job)
      throw new NotFoundException(`No PDF job ${key}: it finished long ago or was never asked for; POST ${base} again`);
    const status = this.statusOf(await this.jobs.bounded(() => job.getState()));
    return {
      jobId: key,
      status,
      attempts: job.attemptsMade,
      ...(status === 'failed' ? { reason: job.failedReason } : {}),
      file: null,
    };
  }

  /** Only this province's jobs: the id carries the province (TenantJobQueue). */
  private async findJob(key: string): Promise<Job<PdfJob> | undefined> {
    return this.jobs.getJob(this.queue, this.db.currentTenant().id, jobIdOf(key));
  }

  private statusOf(state: string): PdfJobStatus {
    switch (state) {
      case 'active':
        return 'rendering';
      case 'delayed':
        return 'retrying';
      case 'failed':
        return 'failed';
      case 'completed':
        return 'done';
      default:
        return 'queued';
    }
  }
}
