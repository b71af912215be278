import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface TraineeRow {
  userId: string;
  role: string;
  departmentCode: string | null;
  createdAt: Date;
}

/** SQL on a sandbox's training_trainees (tenant migration 0021), in the caller's unit of work on the sandbox. */
@Injectable()
export class TraineesRepository {
  async insert(em: EntityManager, t: { userId: string; role: string; departmentCode: string | null }): Promise<void> {
    await em.query(`INSERT INTO training_trainees (user_id, role, department_code) VALUES ($1, $2, $3)`, [
      t.userId,
      t.role,
      t.departmentCode,
    ]);
  }

  list(em: EntityManager): Promise<TraineeRow[]> {
    return em.query(
      `SELECT user_id AS "userId", role, department_code AS "departmentCode", created_at AS "createdAt"
         FROM training_trainees ORDER BY created_at, user_id`,
    );
  }

  /** Which of these users are trainees. */
  async amongst(em: EntityManager, userIds: readonly string[]): Promise<string[]> {
    const rows: { user_id: string }[] = await em.query(
      `SELECT user_id FROM training_trainees WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    return rows.map((r) => r.user_id);
  }

  async count(em: EntityManager): Promise<number> {
    const [row] = await em.query(`SELECT count(*)::int AS n FROM training_trainees`);
    return row.n;
  }
}
