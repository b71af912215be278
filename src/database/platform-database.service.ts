import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The unit of work for the platform schema (registry, build runs, the operators' audit), for modules
 * outside the platform's own that record platform facts: a transaction on the shared pool, in which
 * a province schema made at the same time (a sandbox build) commits or rolls back with them. It keeps
 * the DataSource itself in database/ and tenancy/ (docs/ARCHITECTURE.md, "Layers"), as TenantDatabase
 * does for province data.
 */
@Injectable()
export class PlatformDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * A connection of the pool held for one piece of work and released after, for what a transaction
   * helper cannot do: choose the isolation level, or stream COPY on the raw client (`runner.connect()`).
   */
  async withConnection<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  }

  /** One statement on its own (autocommit): what TypeORM's query answers (rows; for UPDATE, [rows, count]). */
  query<R = unknown>(sql: string, params: readonly unknown[] = []): Promise<R> {
    return this.dataSource.query(sql, [...params]);
  }
}
