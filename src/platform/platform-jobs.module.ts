import { Module } from '@nestjs/common';
import { MigrationFanOut } from './migration-fan-out.service';
import { MigrationRunsRepository } from './migration-runs.repository';
import { MigrationsProcessor } from './migrations.processor';

/** The worker's platform jobs (no HTTP): the console's migration fan-outs. */
@Module({
  providers: [MigrationsProcessor, MigrationFanOut, MigrationRunsRepository],
})
export class PlatformJobsModule {}
