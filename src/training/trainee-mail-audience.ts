import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SANDBOX_MAIL_AUDIENCE, SandboxMailAudience } from '../mail/sandbox-mail-audience';
import { TraineesRepository } from './trainees.repository';

/** A sandbox mails its trainees only: not its trainer, nor the scenario's actors. */
@Injectable()
export class TraineeMailAudience implements SandboxMailAudience {
  constructor(private readonly trainees: TraineesRepository) {}

  async mayReceive(em: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    return new Set(await this.trainees.amongst(em, userIds));
  }
}

/** Global, so mail (a lower layer) reaches the policy by its token in every process. */
@Global()
@Module({
  providers: [TraineesRepository, { provide: SANDBOX_MAIL_AUDIENCE, useClass: TraineeMailAudience }],
  exports: [SANDBOX_MAIL_AUDIENCE],
})
export class TrainingMailModule {}
