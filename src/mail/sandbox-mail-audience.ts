import { EntityManager } from 'typeorm';

/**
 * Who in a training sandbox may be mailed: its trainees only (src/training provides this, as
 * TrainingMailModule). Without a provider a sandbox mails nobody.
 */
export interface SandboxMailAudience {
  /** Of these users of the sandbox, the ones mail may reach, in the caller's unit of work. */
  mayReceive(em: EntityManager, userIds: readonly string[]): Promise<Set<string>>;
}

export const SANDBOX_MAIL_AUDIENCE = Symbol('SandboxMailAudience');

/** Marks every subject mailed from a sandbox. */
export const TRAINING_SUBJECT_PREFIX = '[Training] ';
