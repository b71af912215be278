import { Module } from '@nestjs/common';
import { PortabilityJobs } from './portability-jobs.service';
import { PortabilityRepository } from './portability.repository';
import { PortabilityService } from './portability.service';
import { ProvinceFiles } from './province-files';

/** Province archives: export and import (the CLI's tenant:export / tenant:import) and their jobs. */
@Module({
  providers: [PortabilityService, PortabilityRepository, ProvinceFiles, PortabilityJobs],
  exports: [PortabilityService, PortabilityJobs],
})
export class PortabilityModule {}
