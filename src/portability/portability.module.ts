import { Module } from '@nestjs/common';
import { ArchiveFolders } from './archive-folders';
import { PortabilityRepository } from './portability.repository';
import { PortabilityService } from './portability.service';
import { ProvinceFiles } from './province-files';

/** Province archives: export and import (CLI tenant:export / tenant:import, the worker's jobs) and their folders. */
@Module({
  providers: [PortabilityService, PortabilityRepository, ProvinceFiles, ArchiveFolders],
  exports: [PortabilityService, ArchiveFolders],
})
export class PortabilityModule {}
