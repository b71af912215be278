import { ServiceUnavailableException } from '@nestjs/common';

/** A dependency (Postgres, Redis, SMTP…) the request needs cannot be reached now; the client may retry later. */
export class DependencyUnavailableException extends ServiceUnavailableException {
  constructor(
    readonly dependency: string,
    readonly retryAfterSeconds: number,
  ) {
    super({
      statusCode: 503,
      error: 'Service Unavailable',
      message: `The ${dependency} is unavailable at the moment; try again in ${retryAfterSeconds} s`,
      dependency,
      retryAfterSeconds,
    });
  }
}

/**
 * Error codes of a lost, refused or overloaded connection (node sockets and Postgres SQLSTATE):
 * class 08 is "connection exception", 57P01-57P03 a server shutting down or starting up,
 * 53300 "too many connections".
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** What pg, typeorm and ioredis say (without a code) when a connection is gone or not there yet. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i, // pg: "unexpectedly", "due to connection timeout"
  /connection error and is not queryable/i, // pg client after a socket error
  /^Connection is closed\.?$/i, // ioredis
  /timeout exceeded when trying to connect/i, // pg pool's connectionTimeoutMillis
  /^Command timed out$/i, // ioredis commandTimeout
  /enableOfflineQueue options is false/i, // ioredis while disconnected, offline queue off
  /max retries per request limit/i, // ioredis MaxRetriesPerRequestError
];

/** True when `error` (or its cause chain) means "the dependency is not reachable", not "the request is wrong". */
export function isUnavailable(error: unknown, depth = 0): boolean {
  // Duck-typed: errors from node's own modules may come from another realm (e.g. under Jest's VM).
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (typeof (error as Error).message !== 'string') return false;
  if (error instanceof DependencyUnavailableException) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (UNAVAILABLE_MESSAGES.some((m) => m.test((error as Error).message))) return true;
  // typeorm's QueryFailedError keeps the driver's error; Error.cause is the standard chain.
  const nested = [(error as { driverError?: unknown }).driverError, (error as Error).cause];
  return nested.some((e) => e !== error && isUnavailable(e, depth + 1));
}

/** Runs `work`; an outage of `dependency` becomes a 503 with Retry-After, any other error passes through. */
export async function unavailableAs<T>(
  dependency: string,
  retryAfterSeconds: number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) throw new DependencyUnavailableException(dependency, retryAfterSeconds);
    throw error;
  }
}

/**
 * Like unavailableAs, and also a 503 when `work` has not ended within `timeoutMs`: a dependency
 * that hangs must not hold the request (and its client) for ever.
 */
export async function withinOrUnavailable<T>(
  dependency: string,
  timeoutMs: number,
  retryAfterSeconds: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DependencyUnavailableException(dependency, retryAfterSeconds)), timeoutMs);
  });
  try {
    return await Promise.race([unavailableAs(dependency, retryAfterSeconds, work), late]);
  } finally {
    clearTimeout(timer);
  }
}
