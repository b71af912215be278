import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DependencyUnavailableException, isUnavailable } from './unavailable';

/** The body of every error answer: `message` is a string or a list of strings (validation lists every field). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [extra: string]: unknown;
}

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
  table?: string;
  dataType?: string;
}

/**
 * SQLSTATEs that mean the client's input was wrong, yet reached Postgres because validation at the
 * edge missed it. Each is a bug to fix in a DTO, but the client still deserves a 4xx, not a 500.
 */
const INPUT_ERRORS: Record<string, { status: 400 | 409; reason: string }> = {
  '22P02': { status: 400, reason: 'has the wrong form' },
  '22003': { status: 400, reason: 'is out of range' },
  '22007': { status: 400, reason: 'is not a valid date or time' },
  '22008': { status: 400, reason: 'is a date or time out of range' },
  '22001': { status: 400, reason: 'is too long' },
  '22021': { status: 400, reason: 'contains characters that are not valid text' },
  '22P05': { status: 400, reason: 'contains characters that are not valid text' },
  '23502': { status: 400, reason: 'is required and may not be null' },
  '23514': { status: 400, reason: 'breaks a rule on its value' },
  '54000': { status: 400, reason: 'is too large to store or index' },
  '23505': { status: 409, reason: 'already exists' },
  '23503': { status: 409, reason: 'refers to something missing or is still referred to' },
};

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorName(status: number): string {
  return ERROR_NAMES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/**
 * The one global error answer (docs/ARCHITECTURE.md): HTTP exceptions pass through with a JSON body,
 * a database error that slipped past validation becomes a 400/409 naming the column when Postgres
 * gives it (logged as a bug, never with its SQL), an unreachable Postgres or Redis becomes a 503 with
 * Retry-After, and anything else a 500 without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');
  /** Database errors that validation should have prevented, since start-up (the fuzz suite expects none). */
  slippedDatabaseErrors = 0;

  /** `unavailableRetryAfterSeconds`: the Retry-After of a 503 for an unreachable Postgres or Redis. */
  constructor(private readonly unavailableRetryAfterSeconds: number) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    this.reply(exception, host.switchToHttp().getResponse<Response>());
  }

  /** The same answer as an Express error handler, for middleware that runs before Nest's routing. */
  middleware() {
    return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => this.reply(error, res);
  }

  private reply(exception: unknown, res: Response): void {
    const { status, body, retryAfterSeconds } = this.answer(exception);
    if (res.headersSent) {
      res.end();
      return;
    }
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(status).json(body);
  }

  answer(exception: unknown): { status: number; body: ApiErrorBody; retryAfterSeconds?: number } {
    if (exception instanceof DependencyUnavailableException)
      return {
        status: 503,
        body: asBody(503, exception.getResponse()),
        retryAfterSeconds: exception.retryAfterSeconds,
      };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500 && status !== 503) this.logger.error({ err: exception }, 'Server error answered');
      return { status, body: asBody(status, exception.getResponse()) };
    }
    // Body-parser errors (malformed JSON, body too large, bad charset) carry their own 4xx status.
    const parserStatus = (exception as { status?: unknown; expose?: unknown } | null)?.status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      const message = exception instanceof Error ? exception.message : 'the request could not be read';
      return { status: parserStatus, body: asBody(parserStatus, message) };
    }
    if (isUnavailable(exception)) {
      this.logger.warn({ err: describe(exception) }, 'A dependency is unavailable; answered 503');
      const retryAfterSeconds = this.unavailableRetryAfterSeconds;
      return {
        status: 503,
        body: asBody(503, `a service this request needs is unavailable; retry in ${retryAfterSeconds} seconds`),
        retryAfterSeconds,
      };
    }
    const pg = pgErrorOf(exception);
    const mapped = pg?.code ? INPUT_ERRORS[pg.code] : undefined;
    if (pg && mapped) {
      // Validation should have refused this input: a bug to fix, logged at error level (without SQL).
      this.slippedDatabaseErrors++;
      this.logger.error(
        { sqlstate: pg.code, table: pg.table, column: pg.column, constraint: pg.constraint },
        'A database error slipped past request validation',
      );
      // The column Postgres names, or the key columns of a unique/foreign key (`Key (email)=(…)`),
      // never the value, the constraint's or the table's name.
      const field = pg.column ?? keyColumns(pg.detail);
      const message = field ? `${field} ${mapped.reason}` : `a value ${mapped.reason}`;
      return { status: mapped.status, body: { ...asBody(mapped.status, [message]), ...(field ? { field } : {}) } };
    }
    this.logger.error({ err: exception }, 'Unhandled error');
    return { status: 500, body: asBody(500, 'Internal server error') };
  }
}

function asBody(status: number, response: string | string[] | object): ApiErrorBody {
  if (typeof response === 'string' || Array.isArray(response))
    return { statusCode: status, error: errorName(status), message: response as string | string[] };
  const body = response as Partial<ApiErrorBody>;
  return {
    ...body,
    statusCode: status,
    error: typeof body.error === 'string' ? body.error : errorName(status),
    message: typeof body.message === 'string' || Array.isArray(body.message) ? body.message : errorName(status),
  };
}

function keyColumns(detail: string | undefined): string | undefined {
  const columns = detail && /^Key \(([a-z0-9_, ]{1,200})\)=/.exec(detail)?.[1];
  return columns || undefined;
}

/** The pg error behind a TypeORM QueryFailedError (driverError) or a raw pg error. */
function pgErrorOf(exception: unknown): PgError | undefined {
  let current: unknown = exception;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as PgError).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return current as PgError;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as Error).cause;
  }
  return undefined;
}

function describe(exception: unknown): { message: string; code?: string } {
  if (!(exception instanceof Error)) return { message: String(exception) };
  return { message: exception.message, code: (exception as { code?: string }).code };
}
