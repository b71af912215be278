import { randomUUID } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { newSecretToken, sha256Hex } from '../common/hash';
import { AppConfig } from '../config/app-config';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { User } from '../users/user.entity';

export interface IssuedRefreshToken {
  refreshToken: string;
  refreshExpiresIn: number;
}

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes in the province's schema. Each use
 * rotates the token within its family; presenting a token that was already used (a stolen
 * copy, or the legitimate one after theft) revokes the whole family, so both parties are out.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Starts a new family at sign-in, inside the caller's unit of work. */
  issue(em: EntityManager, userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    return this.insert(em, userId, familyId);
  }

  /** Exchanges a refresh token for its successor and returns the (current) user. */
  async rotate(token: string): Promise<{ user: User; next: IssuedRefreshToken }> {
    const outcome = await this.db.transaction(async (em) => {
      const [row] = await em.query(
        `SELECT id, family_id, user_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [sha256Hex(token)],
      );
      if (!row) return { refused: 'unknown refresh token' } as const;
      if (row.used_at || row.revoked_at) {
        await this.revokeFamily(em, row.family_id);
        await this.audit.record(em, {
          action: 'auth.refresh.reused',
          actor: { type: 'anonymous', id: row.user_id },
          targetType: 'user',
          targetId: row.user_id,
        });
        return { refused: 'refresh token already used; its sessions are revoked' } as const;
      }
      if (new Date(row.expires_at) <= new Date()) return { refused: 'refresh token expired' } as const;
      const user = await em.getRepository(User).findOneBy({ id: row.user_id });
      if (!user || user.status !== 'active') {
        await this.revokeFamily(em, row.family_id);
        return { refused: 'account is not active' } as const;
      }
      await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [row.id]);
      return { user, next: await this.insert(em, user.id, row.family_id) };
    });
    // Committed before refusing, so a revoked family stays revoked.
    if ('refused' in outcome) throw new UnauthorizedException(`Refresh refused: ${outcome.refused}`);
    return outcome;
  }

  /** Sign-out: the token's whole family stops working. Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [row] = await em.query(`SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1`, [
        sha256Hex(token),
      ]);
      if (!row) return;
      await this.revokeFamily(em, row.family_id);
      await this.audit.record(em, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: row.user_id,
        actor: { type: 'user', id: row.user_id },
      });
    });
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
    ]);
  }

  private async insert(em: EntityManager, userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const refreshToken = newSecretToken();
    const ttl = this.config.jwt.refreshTokenTtlSeconds;
    await em.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [familyId, userId, sha256Hex(refreshToken), ttl],
    );
    return { refreshToken, refreshExpiresIn: ttl };
  }
}
