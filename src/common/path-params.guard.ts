import { BadRequestException, CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { textProblem } from './json-guard';

/**
 * Path parameters are decoded from the URL after the body and query checks ran, so `%00` in
 * `/api/platform/tenants/:slug` would reach Postgres (which refuses NUL in text: a 500).
 * A global guard, first of all, refuses them with a 400 naming the parameter.
 */
@Injectable()
export class PathParamsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const params = context.switchToHttp().getRequest<Request>().params ?? {};
    for (const [name, value] of Object.entries(params)) {
      const problem = typeof value === 'string' ? textProblem(value) : null;
      if (problem)
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: [`${name} ${problem}`],
          fields: { [name]: [`${name} ${problem}`] },
        });
    }
    return true;
  }
}
