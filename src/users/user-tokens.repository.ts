import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type TokenPurpose = 'invitation' | 'password-reset';

/** A usable one-time link's token with its user (locked for spending). */
export interface UsableToken {
  id: string;
  user_id: string;
  email: string;
  status: string;
}

/** SQL on the province's user_tokens table (one-time links). Every method runs in the caller's unit of work. */
@Injectable()
export class UserTokensRepository {
  /** The unused, unexpired token with this hash and purpose, locked. */
  async lockUsable(em: EntityManager, tokenHash: string, purpose: TokenPurpose): Promise<UsableToken | null> {
    const [row] = await em.query(
      `SELECT t.id, t.user_id, u.email, u.status FROM user_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now() FOR UPDATE OF t`,
      [tokenHash, purpose],
    );
    return row ?? null;
  }

  async markUsed(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE user_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Spends any unused token of this kind (a new link replaces it). */
  async spendUnused(em: EntityManager, userId: string, purpose: TokenPurpose): Promise<void> {
    await em.query(`UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
      userId,
      purpose,
    ]);
  }

  async insert(em: EntityManager, userId: string, purpose: TokenPurpose, tokenHash: string, expiresAt: Date) {
    await em.query(`INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      userId,
      purpose,
      tokenHash,
      expiresAt,
    ]);
  }
}
