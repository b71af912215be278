/** BullMQ queue names; keys live under RedisService.queuePrefix. */
export const PROVISIONING_QUEUE = 'provisioning';

/** Every job names the province it works for (README, "How provinces are kept apart": jobs). */
export interface TenantJobData {
  tenantId: string;
}

export interface ProvisionTenantJob extends TenantJobData {
  runId: string;
}
