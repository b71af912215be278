/** Quotes a Postgres identifier. Schema names are also validated on creation; this is the second fence. */
export function quoteIdent(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(identifier)) {
    throw new Error(`Refusing unsafe SQL identifier ${JSON.stringify(identifier)}`);
  }
  return `"${identifier}"`;
}

/** True for Postgres' unique_violation, through TypeORM's QueryFailedError or a raw pg error. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/** Stable 64-bit advisory lock key for a name, computed by Postgres itself. */
export const ADVISORY_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`;
