import { randomUUID } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { newSecretToken, sha256Hex } from '../common/hash';
import { AppConfig } from '../config/app-config';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { User } from '../users/user.entity';
import { UserSessions } from '../users/user-sessions';
import { UsersService } from '../users/users.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface IssuedRefreshToken {
  refreshToken: string;
  refreshExpiresIn: number;
}

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes in the province's schema. Each use
 * rotates the token within its family; presenting a token that was already used (a stolen
 * copy, or the legitimate one after theft) revokes the whole family, so both parties are out.
 * One exception: presented again within the grace period while its successor is still unused,
 * the successor's response was lost (a page navigated away mid-refresh); the successor is revoked
 * and another issued. Should that be a thief, the real user's next refresh, with the revoked
 * successor, still revokes the family.
 * Also users' USER_SESSIONS: the account core ends a user's sessions through it.
 */
@Injectable()
export class RefreshTokensService implements UserSessions {
  constructor(
    private readonly db: TenantDatabase,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly repository: RefreshTokensRepository,
  ) {}

  /** Starts a new family at sign-in, inside the caller's unit of work. */
  issue(em: EntityManager, userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    return this.insert(em, userId, familyId);
  }

  /** Every session of the user ends (refresh stops now, access tokens within their short lifetime). */
  endAll(em: EntityManager, userId: string): Promise<void> {
    return this.repository.revokeAllOfUser(em, userId);
  }

  /** Exchanges a refresh token for its successor and returns the (current) user. */
  async rotate(token: string): Promise<{ user: User; next: IssuedRefreshToken }> {
    const outcome = await this.db.transaction(async (em) => {
      const row = await this.repository.lockByHash(em, sha256Hex(token));
      if (!row) return { refused: 'unknown refresh token' } as const;
      const lost = row.used_at && (await this.lostSuccessor(em, row.id));
      if (lost) {
        // Its successor never reached the browser: replace that one instead of ending the session.
        await this.repository.revokeOne(em, lost);
      } else if (row.used_at || row.revoked_at) {
        await this.repository.revokeFamily(em, row.family_id);
        await this.audit.record(em, {
          action: 'auth.refresh.reused',
          actor: { type: 'anonymous', id: row.user_id },
          targetType: 'user',
          targetId: row.user_id,
        });
        return { refused: 'refresh token already used; its sessions are revoked' } as const;
      }
      if (new Date(row.expires_at) <= new Date()) return { refused: 'refresh token expired' } as const;
      // Roles and token version in one statement: the new access token carries both as they are now.
      const user = await this.users.findForToken(em, row.user_id);
      if (!user || user.status !== 'active') {
        await this.repository.revokeFamily(em, row.family_id);
        return { refused: 'account is not active' } as const;
      }
      if (!lost) await this.repository.markUsed(em, row.id);
      return { user, next: await this.insert(em, user.id, row.family_id) };
    });
    // Committed before refusing, so a revoked family stays revoked.
    if ('refused' in outcome) throw new UnauthorizedException(`Refresh refused: ${outcome.refused}`);
    return outcome;
  }

  private lostSuccessor(em: EntityManager, id: string): Promise<string | null> {
    const grace = this.config.jwt.refreshReuseGraceSeconds;
    return grace > 0 ? this.repository.lostSuccessorOf(em, id, grace) : Promise.resolve(null);
  }

  /** Sign-out: the token's whole family stops working. Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const row = await this.repository.findByHash(em, sha256Hex(token));
      if (!row) return;
      await this.repository.revokeFamily(em, row.family_id);
      await this.audit.record(em, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: row.user_id,
        actor: { type: 'user', id: row.user_id },
      });
    });
  }

  private async insert(em: EntityManager, userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const refreshToken = newSecretToken();
    const ttl = this.config.jwt.refreshTokenTtlSeconds;
    await this.repository.insert(em, familyId, userId, sha256Hex(refreshToken), ttl);
    return { refreshToken, refreshExpiresIn: ttl };
  }
}
