/** A schema migration: plain SQL statements, run inside the caller's transaction. */
export interface Migration {
  /** Sortable, never renamed once shipped, e.g. `0001-registry`. */
  readonly id: string;
  up(db: MigrationDb): Promise<void>;
}

export interface MigrationDb {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
  /** The schema being migrated (tenant migrations); `platform` for platform ones. */
  readonly schema: string;
}

/** Injection tokens, so tests can add a migration (e.g. one made to fail) without touching the list. */
export const PLATFORM_MIGRATIONS = Symbol('PLATFORM_MIGRATIONS');
export const TENANT_MIGRATIONS = Symbol('TENANT_MIGRATIONS');
