import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface RefreshTokenRow {
  id: string;
  family_id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** SQL on the province's refresh_tokens table (auth owns it). Every method runs in the caller's unit of work. */
@Injectable()
export class RefreshTokensRepository {
  /** The token with this hash, locked for its rotation. */
  async lockByHash(em: EntityManager, tokenHash: string): Promise<RefreshTokenRow | null> {
    const [row] = await em.query(
      `SELECT id, family_id, user_id, expires_at, used_at, revoked_at FROM refresh_tokens
        WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return row ?? null;
  }

  async findByHash(
    em: EntityManager,
    tokenHash: string,
  ): Promise<Pick<RefreshTokenRow, 'family_id' | 'user_id'> | null> {
    const [row] = await em.query(`SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1`, [tokenHash]);
    return row ?? null;
  }

  /**
   * The unused successor that the rotation of token `id` created, when that rotation was less than
   * `graceSeconds` ago: a successor issued in the same transaction shares its `now()` with `used_at`.
   */
  async lostSuccessorOf(em: EntityManager, id: string, graceSeconds: number): Promise<string | null> {
    const [row] = await em.query(
      `SELECT s.id FROM refresh_tokens s JOIN refresh_tokens t ON t.id = $1
        WHERE s.family_id = t.family_id AND s.created_at = t.used_at
          AND s.used_at IS NULL AND s.revoked_at IS NULL AND t.revoked_at IS NULL
          AND t.used_at > now() - make_interval(secs => $2)
          FOR UPDATE OF s`,
      [id, graceSeconds],
    );
    return row?.id ?? null;
  }

  async revokeOne(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE id = $1`, [id]);
  }

  async markUsed(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
    ]);
  }

  async revokeAllOfUser(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  async insert(em: EntityManager, familyId: string, userId: string, tokenHash: string, ttlSeconds: number) {
    await em.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
        VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [familyId, userId, tokenHash, ttlSeconds],
    );
  }
}
