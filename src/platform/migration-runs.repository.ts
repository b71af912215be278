import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type MigrationRunStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface MigrationRunFailure {
  slug: string;
  error: string;
}

export interface MigrationRun {
  id: string;
  status: MigrationRunStatus;
  source: 'console' | 'cli';
  total: number;
  done: number;
  failures: MigrationRunFailure[];
  /** Why the run itself stopped short (e.g. the database went away), beyond provinces' failures. */
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The operator's email; null when run from the command line. */
  startedBy: string | null;
}

const RUN_COLUMNS = `r.id, r.status, r.source, r.total, r.done, r.failures, r.error, r.created_at AS "createdAt",
  r.started_at AS "startedAt", r.finished_at AS "finishedAt", o.email AS "startedBy"`;
const FROM = `platform.migration_runs r LEFT JOIN platform.operators o ON o.id = r.started_by`;

/** SQL on platform.migration_runs: one row per fan-out, updated as each province settles. */
/** A run that was abandoned as stale keeps that verdict: its late progress or end is not written over it. */
const UNDER_WAY = `status IN ('queued', 'running')`;

@Injectable()
export class MigrationRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Throws a unique violation while another run is queued or running (the partial unique index). */
  async insert(source: 'console' | 'cli', startedBy: string | null, status: 'queued' | 'running'): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO platform.migration_runs (status, source, started_by, started_at)
       VALUES ($1, $2, $3, CASE WHEN $1 = 'running' THEN now() END) RETURNING id`,
      [status, source, startedBy],
    );
    return row.id as string;
  }

  async find(id: string): Promise<MigrationRun | null> {
    const [row] = await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
    return (row as MigrationRun | undefined) ?? null;
  }

  async latest(): Promise<MigrationRun | null> {
    const [row] = await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM ${FROM} ORDER BY r.created_at DESC LIMIT 1`);
    return (row as MigrationRun | undefined) ?? null;
  }

  /** (Re)starts the run: a job delivered again after a crashed worker counts from zero. */
  async markRunning(id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE platform.migration_runs
          SET status = 'running', total = 0, done = 0, failures = '[]'::jsonb, error = NULL, started_at = now(),
              updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return affected > 0;
  }

  async setTotal(id: string, total: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.migration_runs SET total = $2, updated_at = now() WHERE id = $1 AND ${UNDER_WAY}`,
      [id, total],
    );
  }

  /** Shows the run is alive while one province takes long (abandonStale goes by updated_at). */
  async heartbeat(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.migration_runs SET updated_at = now() WHERE id = $1 AND ${UNDER_WAY}`,
      [id],
    );
  }

  /** One province settled; atomic, so provinces migrating side by side never lose a count. */
  async settled(id: string, failure: MigrationRunFailure | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.migration_runs SET done = done + 1, failures = failures || $2::jsonb, updated_at = now()
        WHERE id = $1 AND ${UNDER_WAY}`,
      [id, JSON.stringify(failure ? [failure] : [])],
    );
  }

  async finish(id: string, status: 'completed' | 'failed', error: string | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.migration_runs SET status = $2, error = $3, finished_at = now(), updated_at = now()
        WHERE id = $1 AND ${UNDER_WAY}`,
      [id, status, error],
    );
  }

  /** Marks failed the queued or running run that has shown no progress for `minutes`; true when there was one. */
  async abandonStale(minutes: number): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE platform.migration_runs
          SET status = 'failed', finished_at = now(), updated_at = now(),
              error = 'abandoned: no progress for ' || $1 || ' minutes (its worker or command stopped)'
        WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(mins => $1)
        RETURNING id`,
      [minutes],
    );
    return affected > 0;
  }
}
