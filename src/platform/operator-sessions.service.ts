import { randomUUID } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TooManySignInAttempts } from '../auth/login-throttle.service';
import { IssuedRefreshToken } from '../auth/refresh-tokens.service';
import { IssuedToken, TokenService } from '../auth/token.service';
import { newSecretToken, sha256Hex } from '../common/hash';
import { AppConfig } from '../config/app-config';
import { OperatorsRepository } from './operators.repository';
import { OperatorsService } from './operators.service';
import { PlatformAuditService } from './platform-audit.service';

export interface OperatorIdentity {
  id: string;
  email: string;
  name: string;
}

export type OperatorSession = IssuedToken & IssuedRefreshToken & { operator: OperatorIdentity };

/**
 * Operators' sessions, the same design as a province's (src/auth/refresh-tokens.service.ts): a
 * short-lived access token and an opaque refresh token kept only as a SHA-256 hash, rotated on
 * each use within its family; a token presented twice revokes the whole family. The tokens live
 * in the platform schema and are worthless on a province host (the endpoints and the access
 * token's audience are the platform host's only).
 */
@Injectable()
export class OperatorSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly operators: OperatorsService,
    private readonly repo: OperatorsRepository,
    private readonly tokens: TokenService,
    private readonly audit: PlatformAuditService,
    private readonly config: AppConfig,
  ) {}

  /** Every attempt, good or bad, goes to the platform audit log; a failure is the same 401 whatever the reason. */
  async signIn(email: string, password: string, address: string | undefined): Promise<OperatorSession> {
    const attempted = email.trim().toLowerCase();
    let outcome;
    try {
      outcome = await this.operators.checkCredentials(email, password, address);
    } catch (error) {
      if (error instanceof TooManySignInAttempts) {
        await this.audit.record('auth.login.throttled', attempted, {}, { operatorId: null, operatorEmail: attempted });
      }
      throw error;
    }
    if ('refused' in outcome) {
      const actor = { operatorId: null, operatorEmail: attempted };
      await this.audit.record('auth.login.failed', attempted, { reason: outcome.refused }, actor);
      throw new UnauthorizedException('Wrong email or password');
    }
    const { operator } = outcome;
    const refresh = await this.dataSource.transaction(async (em) => {
      const actor = { operatorId: operator.id, operatorEmail: operator.email, em };
      await this.audit.record('auth.login', operator.email, {}, actor);
      return this.issueRefresh(em, operator.id, randomUUID());
    });
    return this.session({ id: operator.id, email: operator.email, name: operator.name }, refresh);
  }

  /** A new access token and the next refresh token of the same family. */
  async refresh(token: string): Promise<OperatorSession> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const row = await this.repo.lockRefreshToken(em, sha256Hex(token));
      if (!row) return { refused: 'unknown refresh token' } as const;
      const actor = { operatorId: row.operatorId, operatorEmail: row.email, em };
      const grace = this.config.jwt.refreshReuseGraceSeconds;
      const lost = row.usedAt && grace > 0 ? await this.repo.lostSuccessorOf(em, row.id, grace) : null;
      // A successor whose response was lost (see RefreshTokensService) is replaced, not treated as theft.
      if (lost) await this.repo.revokeRefreshToken(em, lost);
      else if (row.usedAt || row.revokedAt) {
        await this.repo.revokeFamily(em, row.familyId);
        await this.audit.record('auth.refresh.reused', row.email, { familyId: row.familyId }, actor);
        return { refused: 'refresh token already used; its sessions are revoked' } as const;
      }
      if (new Date(row.expiresAt) <= new Date()) return { refused: 'refresh token expired' } as const;
      if (row.status !== 'active') {
        await this.repo.revokeFamily(em, row.familyId);
        return { refused: 'operator account is disabled' } as const;
      }
      if (!lost) await this.repo.markRefreshTokenUsed(em, row.id);
      return { operatorId: row.operatorId, next: await this.issueRefresh(em, row.operatorId, row.familyId) };
    });
    // Committed before refusing, so a revoked family stays revoked.
    if ('refused' in outcome) throw new UnauthorizedException(`Refresh refused: ${outcome.refused}`);
    const operator = await this.operators.get(outcome.operatorId);
    return this.session(operator, outcome.next);
  }

  /** Sign-out: the token's whole family stops working. Unknown tokens are ignored. */
  async logout(token: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const row = await this.repo.lockRefreshToken(em, sha256Hex(token));
      if (!row) return;
      await this.repo.revokeFamily(em, row.familyId);
      const actor = { operatorId: row.operatorId, operatorEmail: row.email, em };
      await this.audit.record('auth.logout', row.email, {}, actor);
    });
  }

  private async issueRefresh(em: EntityManager, operatorId: string, familyId: string): Promise<IssuedRefreshToken> {
    const refreshToken = newSecretToken();
    const ttl = this.config.jwt.refreshTokenTtlSeconds;
    await this.repo.insertRefreshToken(em, operatorId, familyId, sha256Hex(refreshToken), ttl);
    return { refreshToken, refreshExpiresIn: ttl };
  }

  private async session(operator: OperatorIdentity, refresh: IssuedRefreshToken): Promise<OperatorSession> {
    const access = await this.tokens.issueOperatorToken(operator);
    return { ...access, ...refresh, operator: { id: operator.id, email: operator.email, name: operator.name } };
  }
}
