import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsModule } from '../departments/departments.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { ChromiumService } from '../printing/chromium.service';
import { ProjectsModule } from '../projects/projects.module';
import { RoutingModule } from '../routing/routing.module';
import { UsersModule } from '../users/users.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { SandboxBuilder } from './sandbox-builder.service';
import { SandboxRunsRepository } from './sandbox-runs.repository';
import { SandboxSchemaRepository } from './sandbox-schema.repository';
import { TraineesRepository } from './trainees.repository';
import { TrainingPlatformController } from './training-platform.controller';
import { TrainingController } from './training.controller';
import { TrainingService } from './training.service';

/** Training sandboxes (README "Training"); the worker adds TrainingProcessor (TrainingJobsModule). */
@Module({
  imports: [
    AuditModule,
    UsersModule,
    DepartmentsModule,
    MasterDataModule,
    WorkflowModule,
    RoutingModule,
    ProjectsModule,
  ],
  controllers: [TrainingController, TrainingPlatformController],
  // Its own Chromium for the sign-in sheets (launched on the first one).
  providers: [
    ChromiumService,
    TrainingService,
    SandboxBuilder,
    SandboxRunsRepository,
    SandboxSchemaRepository,
    TraineesRepository,
  ],
  exports: [TrainingService, SandboxBuilder],
})
export class TrainingModule {}
