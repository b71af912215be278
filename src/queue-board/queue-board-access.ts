import { Injectable, Logger } from '@nestjs/common';
import type { HookContext } from '@bull-board/api/dist/types';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ClsService } from 'nestjs-cls';
import { bearerOf, OperatorAccess } from '../metrics/operator-access';
import { PlatformAuditService } from '../platform/platform-audit.service';
import { HostResolver } from '../tenancy/host-resolver.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { QUEUE_BOARD_COOKIE } from '../platform/queue-board-cookie';

const ERROR_NAMES = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as const;

/**
 * The queue dashboard's gate. bull-board is an Express router mounted as Nest middleware, so
 * Nest's guards never see its requests: this middleware applies the same rules itself, before
 * the router. Not the platform host → 404 (a province host never learns the dashboard exists);
 * no or a bad token → 401; a province token → 403. The token comes from the Authorization
 * header or from the short-lived board cookie set by POST /api/platform/queues/session.
 */
@Injectable()
export class QueueBoardAccess {
  private readonly logger = new Logger(QueueBoardAccess.name);

  constructor(
    private readonly resolver: HostResolver,
    private readonly access: OperatorAccess,
    private readonly audit: PlatformAuditService,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  middleware(): RequestHandler {
    return (req, res, next) => void this.admit(req, res, next);
  }

  /**
   * bull-board's `before` hook on every API call of the dashboard: a call that changes a queue
   * (retry, clean, pause, promote, add, remove …) is recorded in the platform audit log first,
   * and is refused if the record cannot be written, so no queue action goes unrecorded.
   */
  async beforeAction(context: HookContext): Promise<{ allow: false; status: 500; message: string } | void> {
    if (context.method === 'get') return;
    const params = (context.request.params ?? {}) as Record<string, string | undefined>;
    const query = (context.request.query ?? {}) as Record<string, unknown>;
    try {
      const details = { method: context.method.toUpperCase(), route: context.route, params, query };
      await this.audit.record(boardAction(context.route), boardTarget(params), details);
    } catch (error) {
      this.logger.error({ err: (error as Error).message, route: context.route }, 'Queue action not recorded; refused');
      const message = 'The action could not be recorded in the platform audit log, so it was not done';
      return { allow: false, status: 500, message };
    }
  }

  private async admit(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const host = await this.resolver.resolve(req);
      if (host.kind !== 'platform') return refuse(res, 404, 'This endpoint is served on the platform host only.');
      const check = await this.access.check(bearerOf(req) ?? boardCookie(req));
      if (!check.ok) return refuse(res, check.status, check.message);
      // The audit record of a board action names this operator and address (PlatformAuditService reads the context).
      if (this.cls.isActive()) {
        this.cls.set('host', host);
        this.cls.set('principal', { kind: 'operator', ...check.operator });
        this.cls.set('clientIp', req.ip);
      }
      next();
    } catch (error) {
      next(error);
    }
  }
}

function boardCookie(req: Request): string | null {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[QUEUE_BOARD_COOKIE];
  return typeof value === 'string' && value ? value : null;
}

function refuse(res: Response, status: 401 | 403 | 404, message: string): void {
  res.status(status).json({ statusCode: status, error: ERROR_NAMES[status], message });
}

/**
 * `queues.<words of the route>`: `/api/queues/:queueName/retry/:queueStatus` → `queues.retry`,
 * `/api/queues/:queueName/:jobId/promote` → `queues.job-promote`, `/api/queues/pause` → `queues.pause`.
 */
export function boardAction(route: string): string {
  const segments = route.split('/').filter(Boolean);
  const words = segments.filter((s) => !s.startsWith(':') && s !== 'api' && s !== 'queues');
  const verb = [segments.includes(':jobId') ? 'job' : null, ...words].filter(Boolean).join('-');
  return `queues.${verb || 'change'}`
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '-')
    .slice(0, 64);
}

/** The queue (or every queue), and the job when there is one: `mail/123`. */
function boardTarget(params: Record<string, string | undefined>): string {
  const queue = params.queueName ?? 'all queues';
  return (params.jobId ? `${queue}/${params.jobId}` : queue).slice(0, 200);
}
