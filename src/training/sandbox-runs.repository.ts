import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlatformDatabase } from '../database/platform-database.service';

export type SandboxRunKind = 'create' | 'reset';
export type SandboxRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type SandboxRunTrigger = 'trainer' | 'operator' | 'schedule';

export interface SandboxStep {
  name: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  at?: string;
}

/** A build of a sandbox (its creation or a reset) with its progress, as the trainer and console see it. */
export interface SandboxRun {
  id: string;
  tenantId: string;
  kind: SandboxRunKind;
  status: SandboxRunStatus;
  keepTrainees: boolean;
  trigger: SandboxRunTrigger;
  steps: SandboxStep[];
  counts: Record<string, number>;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
}

/** The sandbox's first administrator, kept on its creation run until that has run. */
export interface SandboxAdmin {
  email: string;
  name: string;
  passwordHash: string;
}

const COLUMNS = `id, tenant_id AS "tenantId", kind, status, keep_trainees AS "keepTrainees", trigger, steps, counts,
  error, requested_by AS "requestedBy", created_at AS "createdAt", started_at AS "startedAt",
  finished_at AS "finishedAt", duration_ms AS "durationMs"`;

/** SQL on platform.sandbox_runs, which the training module owns. */
@Injectable()
export class SandboxRunsRepository {
  constructor(private readonly platformDb: PlatformDatabase) {}

  async insert(
    em: EntityManager,
    run: {
      tenantId: string;
      kind: SandboxRunKind;
      keepTrainees: boolean;
      trigger: SandboxRunTrigger;
      requestedBy: string | null;
      admin: SandboxAdmin | null;
    },
  ): Promise<SandboxRun> {
    const [row] = await em.query(
      `INSERT INTO platform.sandbox_runs (tenant_id, kind, status, keep_trainees, trigger, requested_by, admin)
       VALUES ($1, $2, 'queued', $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        run.tenantId,
        run.kind,
        run.keepTrainees,
        run.trigger,
        run.requestedBy,
        run.admin ? JSON.stringify(run.admin) : null,
      ],
    );
    return row;
  }

  async find(id: string): Promise<(SandboxRun & { admin: SandboxAdmin | null }) | null> {
    const [row] = await this.platformDb.query<(SandboxRun & { admin: SandboxAdmin | null })[]>(
      `SELECT ${COLUMNS}, admin FROM platform.sandbox_runs WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  recent(tenantId: string, limit: number): Promise<SandboxRun[]> {
    return this.platformDb.query<SandboxRun[]>(
      `SELECT ${COLUMNS} FROM platform.sandbox_runs WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [tenantId, limit],
    );
  }

  /** Marks a queued run running; false when it is not queued (a repeated delivery of its job). */
  async start(id: string, steps: SandboxStep[]): Promise<boolean> {
    const [, affected] = await this.platformDb.query<[unknown[], number]>(
      `UPDATE platform.sandbox_runs SET status = 'running', started_at = now(), steps = $2
        WHERE id = $1 AND status = 'queued' RETURNING id`,
      [id, JSON.stringify(steps)],
    );
    return affected > 0;
  }

  /** Progress, written outside the build's transaction so it can be watched. */
  async saveSteps(id: string, steps: SandboxStep[]): Promise<void> {
    await this.platformDb.query(`UPDATE platform.sandbox_runs SET steps = $2 WHERE id = $1`, [
      id,
      JSON.stringify(steps),
    ]);
  }

  /** The run's end; the first administrator's password hash is forgotten either way. */
  async finish(
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      steps: SandboxStep[];
      counts: Record<string, number>;
      error: string | null;
    },
  ): Promise<void> {
    await this.platformDb.query(
      `UPDATE platform.sandbox_runs
          SET status = $2, steps = $3, counts = $4, error = $5, admin = NULL, finished_at = clock_timestamp(),
              duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::integer
        WHERE id = $1`,
      [id, outcome.status, JSON.stringify(outcome.steps), JSON.stringify(outcome.counts), outcome.error],
    );
  }
}
