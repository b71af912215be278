import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type OperatorStatus = 'active' | 'disabled';

export interface OperatorRow {
  id: string;
  email: string;
  name: string;
  status: OperatorStatus;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, email, name, status, last_login_at AS "lastLoginAt", created_at AS "createdAt"`;

/** SQL on platform.operators and platform.operator_refresh_tokens for the console. */
@Injectable()
export class OperatorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One primary-key lookup: run on every operator request so a disabled operator is out at once. */
  async statusOf(id: string): Promise<OperatorStatus | null> {
    const [row] = await this.dataSource.query(`SELECT status FROM platform.operators WHERE id = $1`, [id]);
    return (row?.status as OperatorStatus | undefined) ?? null;
  }

  async find(id: string, em?: EntityManager): Promise<OperatorRow | null> {
    const [row] = await (em ?? this.dataSource).query(`SELECT ${COLUMNS} FROM platform.operators WHERE id = $1`, [id]);
    return (row as OperatorRow | undefined) ?? null;
  }

  list(): Promise<OperatorRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM platform.operators ORDER BY lower(email)`);
  }

  /** Throws a unique violation when the email (case-insensitive) is taken. */
  async insert(email: string, name: string, passwordHash: string): Promise<OperatorRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO platform.operators (email, name, password_hash) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [email, name, passwordHash],
    );
    return row as OperatorRow;
  }

  /** Locks every active operator's row, so two disables at once cannot leave nobody active. */
  async lockActive(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM platform.operators WHERE status = 'active' ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async setStatus(em: EntityManager, id: string, status: OperatorStatus): Promise<OperatorRow | null> {
    const [rows] = await em.query(
      `UPDATE platform.operators SET status = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, status],
    );
    return (rows?.[0] as OperatorRow | undefined) ?? null;
  }

  // --- refresh tokens (browser and API sessions) ---

  async insertRefreshToken(
    em: EntityManager,
    operatorId: string,
    familyId: string,
    tokenHash: string,
    ttlSeconds: number,
  ): Promise<void> {
    await em.query(
      `INSERT INTO platform.operator_refresh_tokens (family_id, operator_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [familyId, operatorId, tokenHash, ttlSeconds],
    );
  }

  /** The token's row, locked for the rotation that follows. */
  async lockRefreshToken(em: EntityManager, tokenHash: string): Promise<RefreshTokenRow | null> {
    const [row] = await em.query(
      `SELECT t.id, t.family_id AS "familyId", t.operator_id AS "operatorId", t.expires_at AS "expiresAt",
              t.used_at AS "usedAt", t.revoked_at AS "revokedAt", o.status, o.email
         FROM platform.operator_refresh_tokens t JOIN platform.operators o ON o.id = t.operator_id
        WHERE t.token_hash = $1 FOR UPDATE OF t`,
      [tokenHash],
    );
    return (row as RefreshTokenRow | undefined) ?? null;
  }

  /** The unused successor of token `id` if it was rotated less than `graceSeconds` ago (see the province twin). */
  async lostSuccessorOf(em: EntityManager, id: string, graceSeconds: number): Promise<string | null> {
    const [row] = await em.query(
      `SELECT s.id FROM platform.operator_refresh_tokens s JOIN platform.operator_refresh_tokens t ON t.id = $1
        WHERE s.family_id = t.family_id AND s.created_at = t.used_at
          AND s.used_at IS NULL AND s.revoked_at IS NULL AND t.revoked_at IS NULL
          AND t.used_at > now() - make_interval(secs => $2)
          FOR UPDATE OF s`,
      [id, graceSeconds],
    );
    return row?.id ?? null;
  }

  async revokeRefreshToken(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE platform.operator_refresh_tokens SET revoked_at = now() WHERE id = $1`, [id]);
  }

  async markRefreshTokenUsed(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE platform.operator_refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.query(
      `UPDATE platform.operator_refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  async revokeAllOf(em: EntityManager, operatorId: string): Promise<void> {
    await em.query(
      `UPDATE platform.operator_refresh_tokens SET revoked_at = now() WHERE operator_id = $1 AND revoked_at IS NULL`,
      [operatorId],
    );
  }
}

export interface RefreshTokenRow {
  id: string;
  familyId: string;
  operatorId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  status: OperatorStatus;
  email: string;
}
