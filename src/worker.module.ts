import { Module } from '@nestjs/common';
import { backgroundImports } from './background.imports';
import { ProvisioningProcessor } from './provisioning/provisioning.processor';

/** The background worker: same data layer as the API, no HTTP, and the job processors. */
@Module({
  imports: backgroundImports,
  providers: [ProvisioningProcessor],
})
export class WorkerModule {}
