import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AccessTokenClaims } from '../auth/token.service';
import { AppConfig } from '../config/app-config';
import { OperatorsService } from '../platform/operators.service';

export type OperatorCheck =
  { ok: true; operator: { id: string; email: string } } | { ok: false; status: 401 | 403; message: string };

/** The bearer token of a request, or null. */
export function bearerOf(req: Request): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}

/**
 * Checks an operator access token for the endpoints the global guards cannot cover (/metrics,
 * which also answers allowed networks without a token, and the queue dashboard, an Express
 * router outside Nest's guards), with the rules of JwtStrategy: HS256 only, issuer, expiry,
 * audience, and the operator still active. A province token is a 403: it is valid, but never here.
 */
@Injectable()
export class OperatorAccess {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly operators: OperatorsService,
  ) {}

  async check(token: string | null): Promise<OperatorCheck> {
    if (!token) return { ok: false, status: 401, message: 'Operator sign-in required' };
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.jwt.key as unknown as Buffer,
        algorithms: ['HS256'],
        issuer: this.config.jwt.issuer,
        audience: ['platform', 'tenant'],
      });
    } catch (error) {
      return { ok: false, status: 401, message: `Token refused: ${(error as Error).message}` };
    }
    if (claims.typ !== 'access') return { ok: false, status: 401, message: 'Token refused: not an access token' };
    if (claims.aud === 'tenant') {
      return { ok: false, status: 403, message: 'Operators only: a province token is not accepted here' };
    }
    if (claims.aud !== 'platform') return { ok: false, status: 401, message: 'Token refused: unknown audience' };
    if (!(await this.operators.isActive(claims.sub))) {
      return { ok: false, status: 401, message: 'Token refused: the operator account is disabled' };
    }
    return { ok: true, operator: { id: claims.sub, email: claims.email } };
  }
}
