import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NO_TENANT_SCHEMA } from './database-bootstrap';

/** The pg pool's own counters (node-postgres' Pool: open, idle, and queries waiting for a connection). */
export interface PoolUsage {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Refuses to start against a database that `npm run migrate` has not prepared: without the
 * empty default search_path a forgotten tenant would fall through to another schema.
 */
@Injectable()
export class DatabaseHealth {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertPrepared(): Promise<void> {
    const [{ search_path: searchPath }] = await this.dataSource.query(`SHOW search_path`);
    const [{ registry }] = await this.dataSource.query(
      `SELECT to_regclass('platform.tenants') IS NOT NULL AS registry`,
    );
    if (searchPath !== NO_TENANT_SCHEMA || !registry) {
      throw new Error(
        `Database is not prepared (search_path=${searchPath}, registry=${registry}). Run \`npm run migrate\` first.`,
      );
    }
  }

  /** This process's pool, for /metrics; undefined before TypeORM has opened it. */
  poolUsage(): PoolUsage | undefined {
    // TypeORM's Postgres driver keeps the pg Pool as `master` (not in its typings).
    return (this.dataSource.driver as unknown as { master?: PoolUsage }).master;
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
