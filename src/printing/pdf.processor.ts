import { Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { PDF_QUEUE } from '../jobs/queues';
import { TenantJobQueue, TenantWorkerHost } from '../jobs/tenant-jobs';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { PdfRenderService } from './pdf-render.service';
import { PdfJob } from './render-key';

/** Prints PDFs in the worker, config.pdf.concurrency at a time per process (each is a Chromium page). */
@Processor(PDF_QUEUE)
export class PdfProcessor
  extends TenantWorkerHost<PdfJob, { key: string; pages: number }>
  implements OnApplicationBootstrap
{
  constructor(
    registry: TenantRegistry,
    tenantDb: TenantDatabase,
    tenantJobs: TenantJobQueue,
    private readonly renderer: PdfRenderService,
    private readonly config: AppConfig,
  ) {
    super(registry, tenantDb, tenantJobs);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.pdf.concurrency;
  }

  protected async handle(job: Job<PdfJob>): Promise<{ key: string; pages: number }> {
    const pdf = await this.renderer.render(job.data);
    return { key: pdf.renderKey, pages: pdf.pages };
  }
}
