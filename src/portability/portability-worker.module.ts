import { Module } from '@nestjs/common';
import { PortabilityModule } from './portability.module';
import { PortabilityProcessor } from './portability.processor';

/** The worker's side of province archives: the export, import and cleanup jobs. */
@Module({
  imports: [PortabilityModule],
  providers: [PortabilityProcessor],
})
export class PortabilityWorkerModule {}
