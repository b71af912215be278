import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/*
 * The console's view of the platform API (/api/platform/…, platform host only, operators only).
 * Query keys start with 'console' so nothing here is confused with a province's cached data.
 */

export type TenantStatus = 'provisioning' | 'active' | 'suspended' | 'failed';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  statusReason: string | null;
  schemaName: string;
  schemaVersion: string | null;
  settings: { locales?: string[]; branding?: { title?: string; titleUr?: string } };
  domains: string[];
  /** Its own requests-per-minute limit; null: the deployment's default. */
  rateLimitPerMinute: number | null;
  url: string;
  /** Set on a training sandbox: the live province it copies. */
  sandboxOf: string | null;
  sandboxExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET/PATCH /api/platform/tenants/:slug/rate-limit. */
export interface ProvinceRateLimit {
  slug: string;
  perMinute: number | null;
  defaultPerMinute: number;
  effectivePerMinute: number;
  /** This minute so far; null when the server cannot read its counter. */
  usage: { used: number; resetSeconds: number } | null;
}

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'rolled-back';
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ProvisioningRun {
  id: string;
  status: RunStatus;
  steps: { name: string; status: StepStatus; startedAt?: string; finishedAt?: string; detail?: string }[];
  error: string | null;
  adminEmail: string;
  adminName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface TenantDetail extends Tenant {
  runs: ProvisioningRun[];
}

export interface TenantStats {
  slug: string;
  users: number;
  projects: number;
  documents: number;
  attachments: number;
  attachmentBytes: number;
  lastActivityAt: string | null;
  /** Its schema could not be read: no figures (the others still come). */
  unreadable?: true;
}

export interface CurrentOperator {
  id: string;
  email: string;
  name: string;
  status?: string;
  lastLoginAt?: string | null;
}

export interface Operator {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  operatorId: string | null;
  operatorEmail: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MigrationRun {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  failures: { slug: string; error: string }[];
  /** Why the run itself stopped short (as opposed to one province failing). */
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  startedBy: string | null;
}

export interface MigrationsOverview {
  latestVersion: string | null;
  provinces: { slug: string; name: string; status: TenantStatus; schemaVersion: string | null; pending: number }[];
  lastRun: MigrationRun | null;
}

export interface MetricsSummaryRow {
  province: string;
  requests: number;
  errors: number;
  rateLimited: number;
  p95Seconds: number | null;
}

export interface ProvinceUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  status: 'invited' | 'active' | 'disabled';
}

export interface OneTimeLink {
  link: string;
  expiresAt: string;
}

/** How often a page that shows work in progress asks again (a provisioning run, a migration fan-out). */
export const PROGRESS_POLL_MS = 1000;

export const consoleKeys = {
  tenants: ['console', 'tenants'] as const,
  stats: ['console', 'tenant-stats'] as const,
  tenant: (slug: string) => ['console', 'tenant', slug] as const,
  provinceAdmins: (slug: string) => ['console', 'tenant', slug, 'admins'] as const,
  rateLimit: (slug: string) => ['console', 'tenant', slug, 'rate-limit'] as const,
  operators: ['console', 'operators'] as const,
  migrations: ['console', 'migrations'] as const,
  migrationRun: (id: string) => ['console', 'migration-run', id] as const,
  metrics: ['console', 'metrics-summary'] as const,
  audit: ['console', 'audit'] as const,
  portabilityJob: (id: string) => ['console', 'portability-job', id] as const,
};

export const isRunning = (status: string | undefined) => status === 'queued' || status === 'running';

/** Lists are read afresh on every visit: a province's state changes in the background (provisioning). */
export function useTenants() {
  return useQuery({
    queryKey: consoleKeys.tenants,
    queryFn: () => api.get<Tenant[]>('/api/platform/tenants'),
    staleTime: 0,
  });
}

export function useTenantStats() {
  return useQuery({
    queryKey: consoleKeys.stats,
    queryFn: () => api.get<TenantStats[]>('/api/platform/tenants/stats'),
    staleTime: 0,
  });
}

/** A province with its runs; polled while a run is queued or running, so the steps tick by live. */
export function useTenant(slug: string) {
  return useQuery({
    queryKey: consoleKeys.tenant(slug),
    queryFn: () => api.get<TenantDetail>(`/api/platform/tenants/${encodeURIComponent(slug)}`),
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && (data.status === 'provisioning' || isRunning(data.runs[0]?.status)) ? PROGRESS_POLL_MS : false;
    },
  });
}

/** The largest page the province users list gives: administrators are a handful among them. */
const USERS_PAGE_SIZE = 200;

export function useProvinceAdmins(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: consoleKeys.provinceAdmins(slug),
    enabled,
    queryFn: async () => {
      const page = await api.get<Paged<ProvinceUser>>(`/api/platform/tenants/${encodeURIComponent(slug)}/users`, {
        query: { role: 'tenant_admin', pageSize: USERS_PAGE_SIZE },
      });
      // Filtered here too: the list must never show someone who is not an administrator.
      return page.items.filter((u) => u.roles.includes('tenant_admin'));
    },
  });
}

export function useRateLimit(slug: string) {
  return useQuery({
    queryKey: consoleKeys.rateLimit(slug),
    queryFn: () => api.get<ProvinceRateLimit>(`/api/platform/tenants/${encodeURIComponent(slug)}/rate-limit`),
  });
}

export function useOperators() {
  return useQuery({ queryKey: consoleKeys.operators, queryFn: () => api.get<Operator[]>('/api/platform/operators') });
}

export function useMigrations() {
  return useQuery({
    queryKey: consoleKeys.migrations,
    queryFn: () => api.get<MigrationsOverview>('/api/platform/migrations'),
  });
}

export function useMigrationRun(id: string | null) {
  return useQuery({
    queryKey: consoleKeys.migrationRun(id ?? ''),
    enabled: !!id,
    queryFn: () => api.get<MigrationRun>(`/api/platform/migrations/runs/${encodeURIComponent(id!)}`),
    refetchInterval: (query) => (isRunning(query.state.data?.status) || !query.state.data ? PROGRESS_POLL_MS : false),
  });
}

export function useMetricsSummary() {
  return useQuery({
    queryKey: consoleKeys.metrics,
    queryFn: () => api.get<MetricsSummaryRow[]>('/api/platform/metrics/summary'),
  });
}

export interface AuditFilters {
  page: number;
  pageSize: number;
  action?: string;
  operatorId?: string;
  target?: string;
  from?: string;
  to?: string;
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: [...consoleKeys.audit, filters],
    queryFn: () => api.get<Paged<AuditEntry>>('/api/platform/audit', { query: { ...filters } }),
    placeholderData: (previous) => previous,
  });
}

/** An export or import of a province archive (GET /api/platform/portability/jobs/:id). */
export interface PortabilityJob {
  id: string;
  kind: 'export' | 'import';
  state: 'queued' | 'running' | 'completed' | 'failed';
  progress: { stage: string; done: number; total: number } | null;
  result: { slug: string; tables?: number; rows?: number; files?: number; bytes?: number } | null;
  failedReason: string | null;
  download: string | null;
}

/** A portability job, asked again while it is queued or running. */
export function usePortabilityJob(id: string | null) {
  return useQuery({
    queryKey: consoleKeys.portabilityJob(id ?? ''),
    queryFn: () => api.get<PortabilityJob>(`/api/platform/portability/jobs/${encodeURIComponent(id!)}`),
    enabled: id !== null,
    refetchInterval: (query) => (isRunning(query.state.data?.state) || !query.state.data ? PROGRESS_POLL_MS : false),
  });
}
