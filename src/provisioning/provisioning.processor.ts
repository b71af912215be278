import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { PROVISIONING_QUEUE, ProvisionTenantJob } from '../jobs/queues';
import { TenantProvisioner } from './tenant-provisioner.service';

/** Worker side of provisioning; runs only in the worker process (src/worker.ts). */
@Processor(PROVISIONING_QUEUE)
export class ProvisioningProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProvisioningProcessor.name);

  constructor(
    private readonly provisioner: TenantProvisioner,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.provisioning.concurrency;
  }

  async process(job: Job<ProvisionTenantJob>): Promise<string> {
    return this.provisioner.provision(job.data.tenantId, job.data.runId);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<ProvisionTenantJob> | undefined, error: Error): void {
    this.logger.error({ err: error.message, tenantId: job?.data.tenantId }, 'Provisioning job crashed');
  }
}
