import { Module } from '@nestjs/common';
import { PortabilityRepository } from './portability.repository';
import { PortabilityService } from './portability.service';
import { ProvinceFiles } from './province-files';

/** Province archives: export and import (the CLI's tenant:export / tenant:import). */
@Module({
  providers: [PortabilityService, PortabilityRepository, ProvinceFiles],
  exports: [PortabilityService],
})
export class PortabilityModule {}
