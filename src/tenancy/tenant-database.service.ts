import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { quoteIdent } from '../common/sql';
import { DaftarStore, TenantRecord } from './tenant-context';

export class NoTenantContextError extends Error {
  constructor() {
    super('Tenant data accessed outside a province context: no tenant in AsyncLocalStorage.');
  }
}

/**
 * The unit of work for province data (README, "How provinces are kept apart": data access): one transaction on the shared pool
 * whose search_path is fixed with SET LOCAL (transaction-local). The setting dies with the
 * transaction, so a pooled connection (or PgBouncer in transaction mode) never carries one
 * province's schema to the next borrower, even after a rollback.
 */
@Injectable()
export class TenantDatabase {
  private readonly logger = new Logger(TenantDatabase.name);
  /** Work to run once a unit of work has committed (e.g. enqueue the jobs that deliver its outbox rows). */
  private readonly committed = new WeakMap<EntityManager, Array<() => Promise<unknown>>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  /** The current province; throws loudly when there is none. */
  currentTenant(): TenantRecord {
    const tenant = this.cls.isActive() ? this.cls.get('tenant') : undefined;
    if (!tenant) throw new NoTenantContextError();
    return tenant;
  }

  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.inSchema(this.currentTenant().schemaName, work);
  }

  /** For platform code that works on a named province's schema (e.g. the operator console). */
  async inSchema<T>(schemaName: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await this.begin(runner, quoteIdent(schemaName));
      const result = await work(runner.manager);
      await runner.commitTransaction();
      await this.runAfterCommit(runner.manager);
      return result;
    } catch (error) {
      this.committed.delete(runner.manager);
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs `task` after the unit of work `em` belongs to has committed; never if it rolls back.
   * A failing task is logged, not thrown: the commit stands, and whatever the task would have
   * done must be recoverable from the committed rows (outboxes are swept for that reason).
   */
  afterCommit(em: EntityManager, task: () => Promise<unknown>): void {
    const tasks = this.committed.get(em);
    if (tasks) tasks.push(task);
    else this.committed.set(em, [task]);
  }

  private async runAfterCommit(em: EntityManager): Promise<void> {
    const tasks = this.committed.get(em);
    if (!tasks) return;
    this.committed.delete(em);
    for (const task of tasks) {
      try {
        await task();
      } catch (error) {
        this.logger.warn(
          { err: (error as Error).message },
          'A task after commit failed; the outbox sweep will retry it',
        );
      }
    }
  }

  /**
   * BEGIN and the transaction-local search_path in one round trip (a measurable share of a
   * short request; see bench/). The identifier is validated by quoteIdent, so inlining is safe,
   * and the simple-query protocol allows the two statements. TypeORM is then told the
   * transaction is open, exactly as its own startTransaction() would leave the runner, so
   * save() and friends join it instead of opening their own (tested in test/tenancy).
   */
  private async begin(runner: QueryRunner, quotedSchema: string): Promise<void> {
    await runner.query(`START TRANSACTION; SET LOCAL search_path TO ${quotedSchema}`);
    const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = true;
    state.transactionDepth = 1;
  }

  /** Runs `work` with `tenant` as the current province, e.g. in a job or a CLI command. */
  runAs<T>(tenant: TenantRecord, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('tenant', tenant);
      return work();
    });
  }
}
