/** BullMQ queue names; keys live under RedisService.queuePrefix. */
export const PROVISIONING_QUEUE = 'provisioning';

/** Every job names the province it works for (DESIGN.md rule 7). */
export interface TenantJobData {
  tenantId: string;
}

export interface ProvisionTenantJob extends TenantJobData {
  runId: string;
}
