import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PassportStrategy } from '@nestjs/passport';
import { ClsService } from 'nestjs-cls';
import { ExtractJwt, Strategy, StrategyOptionsWithoutRequest } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { DaftarStore, Principal } from '../tenancy/tenant-context';
import { OPERATOR_ACCOUNTS, OperatorAccounts } from './operator-accounts';
import { AccessTokenClaims } from './token.service';

/** How every access token is verified: HS256 only (so `alg: none` is refused), issuer, audience, expiry. */
export function jwtVerifyOptions(config: AppConfig): StrategyOptionsWithoutRequest {
  return {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    // A KeyObject (typed as Buffer here) spares jsonwebtoken a failed PEM parse per request.
    secretOrKey: config.jwt.key as unknown as Buffer,
    algorithms: ['HS256'],
    issuer: config.jwt.issuer,
    audience: ['platform', 'tenant'],
    ignoreExpiration: false,
  };
}

/** Raised from validate(); JwtAuthGuard turns it into a 401 with this reason. */
export class TokenRefused extends Error {}

/**
 * Verifies signature (HS256 only, so `alg: none` is refused), issuer, expiry and audience, then
 * binds the token to the host: operator tokens only on the platform host, province tokens only
 * on the host of the province named in their `tid`.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly cls: ClsService<DaftarStore>,
    private readonly moduleRef: ModuleRef,
  ) {
    super(jwtVerifyOptions(config));
  }

  private operators?: OperatorAccounts | null;

  async validate(claims: AccessTokenClaims): Promise<Principal> {
    if (claims.typ !== 'access') throw new TokenRefused('not an access token');
    const host = this.cls.get('host');
    if (claims.aud === 'platform') {
      if (host?.kind !== 'platform') throw new TokenRefused('operator tokens are accepted on the platform host only');
      // A disabled operator is out at the next request, not when the token expires (one primary-key read;
      // operator requests are few, and province requests never pay for it).
      const operators = this.operatorAccounts();
      if (!operators) throw new TokenRefused('operator accounts cannot be checked in this process');
      if (!(await operators.isActive(claims.sub))) throw new TokenRefused('the operator account is disabled');
      return { kind: 'operator', id: claims.sub, email: claims.email };
    }
    if (claims.aud === 'tenant') {
      if (host?.kind !== 'tenant' || !claims.tid || claims.tid !== host.tenant.id) {
        throw new TokenRefused('this token belongs to another province');
      }
      return {
        kind: 'user',
        id: claims.sub,
        tenantId: claims.tid,
        email: claims.email,
        roles: claims.roles ?? [],
        // Checked against the user's current version by JwtAuthGuard (tokens from before versions: 0).
        tokenVersion: typeof claims.tv === 'number' ? claims.tv : 0,
      };
    }
    throw new TokenRefused('unknown audience');
  }

  /**
   * The platform module provides OPERATOR_ACCOUNTS (auth sits below it). Looked up app-wide on first
   * use; a process without it refuses every operator token (fails closed).
   */
  private operatorAccounts(): OperatorAccounts | null {
    if (this.operators === undefined) {
      try {
        this.operators = this.moduleRef.get<OperatorAccounts>(OPERATOR_ACCOUNTS, { strict: false });
      } catch {
        this.operators = null;
      }
    }
    return this.operators;
  }
}
