import { ServiceUnavailableException } from '@nestjs/common';

/**
 * A dependency (Postgres, Redis, SMTP …) the request needs is down or unreachable: the client
 * gets a 503 with Retry-After instead of a 500, because retrying later is the right response.
 */
export class DependencyUnavailableException extends ServiceUnavailableException {
  constructor(
    readonly dependency: string,
    readonly retryAfterSeconds: number,
  ) {
    super({
      statusCode: 503,
      error: 'Service Unavailable',
      // A string, as for every answer that is not refused input (README, "API documentation").
      message: `the ${dependency} is unavailable; retry in ${retryAfterSeconds} seconds`,
      reason: 'dependency-unavailable',
      dependency,
      retryAfterSeconds,
    });
  }
}

/** Socket errors of the pg and ioredis drivers when the other side refused or dropped the connection. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTCONN',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs of a server going away or refusing new connections: 57P01-57P03 (admin shutdown,
 * crash shutdown, cannot connect now), class 08 (connection exception), 53300 (too many clients).
 */
const UNAVAILABLE_SQLSTATES = /^(57P0[123]|08...|53300)$/;
/** Messages pg and ioredis raise without a code when a connection ends under them. */
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /is not queryable/i,
  /^connection is closed/i,
  /connection timeout/i,
  /timeout exceeded when trying to connect/i,
  /^Command timed out$/i, // ioredis commandTimeout (REDIS_COMMAND_TIMEOUT_MS)
  /enableOfflineQueue options is false/i, // ioredis while disconnected, offline queue off
  /max retries per request limit/i, // ioredis MaxRetriesPerRequestError
];

/**
 * Whether an error means "a dependency is unreachable" rather than "this request is wrong".
 * Pure: follows `cause` and TypeORM's `driverError`, never throws.
 */
export function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  // Duck-typed, not `instanceof Error`: driver errors may come from another realm (a Jest VM, a worker).
  const pending: unknown[] = [error];
  while (pending.length) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof DependencyUnavailableException) return true;
    const { code, message, driverError, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
    // TypeORM's QueryFailedError keeps the pg error in driverError; connecting to every address of a
    // host name fails with an AggregateError of each attempt.
    pending.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

/** Runs `work`; an outage of `dependency` becomes a DependencyUnavailableException, other errors pass through. */
export async function unavailableAs<T>(
  dependency: string,
  retryAfterSeconds: number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error) && !(error instanceof DependencyUnavailableException))
      throw new DependencyUnavailableException(dependency, retryAfterSeconds);
    throw error;
  }
}

/**
 * Like unavailableAs, and a dependency that does not answer within `ms` counts as unavailable:
 * a client waiting on a hung Redis gets its 503 instead of a request that never ends.
 */
export async function withinOrUnavailable<T>(
  dependency: string,
  ms: number,
  retryAfterSeconds: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DependencyUnavailableException(dependency, retryAfterSeconds)), ms);
  });
  try {
    return await Promise.race([unavailableAs(dependency, retryAfterSeconds, work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
