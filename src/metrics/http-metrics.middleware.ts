import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ClsService } from 'nestjs-cls';
import { DaftarStore } from '../tenancy/tenant-context';
import { ApiMetrics } from './api-metrics.service';

/**
 * Times every API request. Mounted after the AsyncLocalStorage middleware, it keeps a reference
 * to the request's context store, which the host guard fills in later (province or platform),
 * and records when the answer is finished; nothing is awaited on the request's path.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    const store = this.cls.isActive() ? this.cls.get() : undefined;
    res.once('finish', () => {
      this.metrics.observeRequest(store, req, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  }
}
