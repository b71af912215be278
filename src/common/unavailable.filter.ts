import { ArgumentsHost, Catch, HttpServer, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { Response } from 'express';
import { DependencyUnavailableException, isUnavailable } from './unavailable';

/** Clients are told to come back after this long when an outage surfaces without its own estimate. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * A lost Postgres or Redis connection is an outage, not a bug: 503 with Retry-After and a JSON body
 * instead of a 500. Everything else goes to Nest's own handling unchanged.
 */
@Catch()
export class DependencyUnavailableFilter extends BaseExceptionFilter {
  private readonly logger = new Logger(DependencyUnavailableFilter.name);

  constructor(adapter: HttpServer) {
    super(adapter);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http' || !isUnavailable(exception)) return super.catch(exception, host);
    const answer =
      exception instanceof DependencyUnavailableException
        ? exception
        : new DependencyUnavailableException(dependencyOf(exception), DEFAULT_RETRY_AFTER_SECONDS);
    this.logger.warn(`503: ${answer.dependency} unavailable (${(exception as Error).message})`);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    res.setHeader('Retry-After', String(answer.retryAfterSeconds));
    res.status(503).json(answer.getResponse());
  }
}

/** Names the dependency for the client: ioredis errors mention no SQL state, pg ones do. */
function dependencyOf(error: unknown): string {
  const text = `${(error as Error).message} ${(error as Error).stack ?? ''}`;
  return /ioredis|bullmq|Command timed out|enableOfflineQueue/i.test(text) ? 'redis' : 'database';
}
