import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { PortabilityController } from './portability.controller';
import { PlatformModule } from '../platform/platform.module';
import { ArchiveFolders } from './archive-folders';
import { PortabilityJobs } from './portability-jobs.service';
import { PortabilityModule } from './portability.module';

/** The operator API on province archives (admin host); the jobs run in the worker (PortabilityWorkerModule). */
@Module({
  imports: [
    PortabilityModule,
    // The operators' audit log.
    PlatformModule,
    // On disk, not in memory: an archive can be gigabytes.
    MulterModule.registerAsync({
      imports: [PortabilityModule],
      inject: [AppConfig, ArchiveFolders],
      useFactory: async (config: AppConfig, folders: ArchiveFolders) => ({
        dest: await folders.incoming(),
        limits: { fileSize: config.portability.uploadMaxBytes, files: 1, fields: 1, parts: 2 },
      }),
    }),
  ],
  controllers: [PortabilityController],
  providers: [PortabilityJobs],
})
export class PortabilityApiModule {}
