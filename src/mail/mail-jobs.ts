import { TenantJobData } from '../jobs/queues';

/** Job names on MAIL_QUEUE: province jobs (deliver, digest) and deployment-wide scheduled ones. */
export const MAIL_JOB = {
  deliver: 'deliver',
  digest: 'digest',
  /** Scheduled: re-enqueue undelivered rows of every province. */
  sweep: 'sweep',
  /** Scheduled daily at config.mail.digestHour: adds each province's digest job. */
  digestFanOut: 'digest-fan-out',
} as const;

/** Scheduler ids (BullMQ upsertJobScheduler): one of each per deployment, however many workers. */
export const MAIL_SCHEDULERS = { sweep: 'mail-sweep', digest: 'mail-digest' } as const;

export interface DeliverMailJob extends TenantJobData {
  messageId?: string;
  /** Digest jobs: the province's calendar date the digest is for. */
  date?: string;
}
