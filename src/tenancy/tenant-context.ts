import { ClsStore } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { TenantSettings, TenantStatus } from './tenant.entity';

/** What the request path needs to know about a province; cached, so kept small and immutable. */
export interface TenantRecord {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly schemaName: string;
  readonly status: TenantStatus;
  readonly settings: TenantSettings;
  /** Its own requests-per-minute limit, or null for the deployment's default (src/rate-limit). */
  readonly rateLimitPerMinute: number | null;
  /** The live province's slug when this is its training sandbox, else null: cross-province figures skip sandboxes. */
  readonly sandboxOf: string | null;
  /** When a training sandbox closes (its host answers 403 after it); null for a live province. */
  readonly sandboxExpiresAt: Date | null;
}

/** Who made the request, from a verified JWT. */
export type Principal =
  | { kind: 'operator'; id: string; email: string }
  | { kind: 'user'; id: string; tenantId: string; email: string; roles: string[]; tokenVersion: number };

/** The outcome of reading the Host header. */
export type HostResolution =
  | { kind: 'platform'; host: string }
  | { kind: 'tenant'; host: string; tenant: TenantRecord }
  | { kind: 'refused'; host: string; status: 403 | 404 | 503; reason: string; retryAfterSeconds?: number };

/** Everything kept in AsyncLocalStorage for a request or a job (docs/ARCHITECTURE.md, "Context"). */
export interface DaftarStore extends ClsStore {
  host?: HostResolution;
  /** The province this unit of work belongs to, for requests and jobs alike. */
  tenant?: TenantRecord;
  principal?: Principal;
  /** The client's address (X-Forwarded-For only behind a trusted proxy), for the audit log. */
  clientIp?: string;
}

/**
 * The CLS key of the province unit of work open in an async context; nested service calls join it.
 * A symbol, outside DaftarStore, because nestjs-cls's key-path typing cannot walk an EntityManager.
 */
export const UNIT_OF_WORK = Symbol('unitOfWork');

/** An open transaction on one province's schema, and the work queued for after its commit. */
export interface UnitOfWork {
  readonly em: EntityManager;
  readonly schemaName: string;
  readonly afterCommit: Array<() => Promise<unknown>>;
}
