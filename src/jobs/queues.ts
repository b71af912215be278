/** BullMQ queue names; keys live under RedisService.queuePrefix. */
export const PROVISIONING_QUEUE = 'provisioning';
/** PDF rendering of documents and blank proformas (src/printing). */
export const PDF_QUEUE = 'pdf';
/** Delivery of the province's mail outbox (src/mail). */
export const MAIL_QUEUE = 'mail';
/** Delivery of webhook events to subscribers (src/webhooks). */
export const WEBHOOK_QUEUE = 'webhooks';
/** Scheduled province work: reporting reminders, mail digests, outbox sweeps (src/reminders, src/mail). */
export const SCHEDULE_QUEUE = 'schedule';

/** Training sandboxes' builds: creation and resets (src/training). */
export const TRAINING_QUEUE = 'training';

/** Platform-wide work for the operators, not any one province's: the console's migration fan-outs (src/platform). */
export const PLATFORM_QUEUE = 'platform';
/** The host's portfolio view: the daily and on-demand recomputation of the provinces' aggregates (src/platform). */
export const PORTFOLIO_QUEUE = 'portfolio';

/** Province archives for the operators: exports, imports and the cleanup of old archives (src/portability). */
export const PORTABILITY_QUEUE = 'portability';

/** A migration fan-out over every province, recorded as platform.migration_runs row `runId`. */
export interface MigrationRunJob {
  runId: string;
}

/** Every job names the province it works for (docs/ARCHITECTURE.md, "Jobs"). */
export interface TenantJobData {
  tenantId: string;
}

export interface ProvisionTenantJob extends TenantJobData {
  runId: string;
}

/** A build (creation or reset) of a training sandbox, recorded as platform.sandbox_runs row `runId`. */
export interface SandboxBuildJob extends TenantJobData {
  runId: string;
}
