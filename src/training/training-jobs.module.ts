import { Module } from '@nestjs/common';
import { TrainingProcessor } from './training.processor';
import { TrainingModule } from './training.module';

/** The worker's half of training: sandbox builds and the scheduled reset. */
@Module({ imports: [TrainingModule], providers: [TrainingProcessor] })
export class TrainingJobsModule {}
