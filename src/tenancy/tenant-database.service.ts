import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { quoteIdent } from '../common/sql';
import { DaftarStore, TenantRecord, UNIT_OF_WORK, UnitOfWork } from './tenant-context';

export class NoTenantContextError extends Error {
  constructor() {
    super('Tenant data accessed outside a province context: no tenant in AsyncLocalStorage.');
  }
}

/** Names a table of the current province's schema, quoted: `"tenant_gb"."departments"`. */
export type ProvinceTable = (table: string) => string;

/** The slice of pg's Pool this class uses for one-statement reads (TypeORM's driver exposes it as `master`). */
interface PgPool {
  query<R>(sql: string, params: readonly unknown[]): Promise<{ rows: R[] }>;
}

/**
 * The unit of work for province data (docs/ARCHITECTURE.md, "Tenancy"): one transaction on the
 * shared pool whose search_path is fixed with SET LOCAL, so the setting dies with the transaction
 * and a pooled connection (or PgBouncer in transaction mode) never carries one province's schema to
 * the next borrower, even after a rollback.
 *
 * The open unit of work lives in the async context (nestjs-cls), so a service method that calls
 * another module's service joins the same transaction instead of opening a second one: a
 * multi-step operation commits or rolls back as one.
 */
@Injectable()
export class TenantDatabase {
  private readonly logger = new Logger(TenantDatabase.name);

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

  /** Runs `work` in the current province's unit of work: the one already open here, or a new one. */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const schemaName = this.currentTenant().schemaName;
    const open = this.openUnit();
    if (open) {
      // runAs() starts a context without a unit of work, so a mismatch means a bug, not a province switch.
      if (open.schemaName !== schemaName) throw new Error('A unit of work cannot span two provinces');
      return work(open.em);
    }
    return this.unitOfWork(schemaName, work);
  }

  /**
   * One read statement on the current province's tables. Inside a unit of work it joins it; outside
   * one it runs on the pool in a single round trip, without BEGIN, SET LOCAL or COMMIT: `table()`
   * qualifies every table with the province's schema, so the schema is fixed by the statement
   * itself and nothing is left on the connection. An unqualified table name fails closed: the
   * pool's default search_path is the empty `no_tenant` schema.
   */
  async read<R>(statement: (table: ProvinceTable) => string, params: readonly unknown[] = []): Promise<R[]> {
    const schemaName = this.currentTenant().schemaName;
    const quotedSchema = quoteIdent(schemaName);
    const sql = statement((table) => `${quotedSchema}.${quoteIdent(table)}`);
    const open = this.openUnit();
    if (open) {
      if (open.schemaName !== schemaName) throw new Error('A unit of work cannot span two provinces');
      return open.em.query(sql, [...params]);
    }
    const pool = (this.dataSource.driver as PostgresDriver).master as PgPool;
    return (await pool.query<R>(sql, params)).rows;
  }

  /**
   * Runs `task` after the unit of work `em` belongs to has committed; never if it rolls back.
   * A failing task is logged, not thrown: the commit stands, and whatever the task would have
   * done must be recoverable from the committed rows (outboxes are swept for that reason).
   */
  afterCommit(em: EntityManager, task: () => Promise<unknown>): void {
    const open = this.openUnit();
    if (!open || open.em !== em) throw new Error('afterCommit() needs the unit of work that is open here');
    open.afterCommit.push(task);
  }

  /** Runs `work` with `tenant` as the current province, e.g. in a job or a CLI command. */
  runAs<T>(tenant: TenantRecord, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('tenant', tenant);
      // A unit of work belongs to one province; the new context starts without one.
      this.setUnit(undefined);
      return work();
    });
  }

  /**
   * Opens a unit of work on `schemaName`, or joins the one open for it. Only ProvinceSchemas
   * (platform, provisioning, CLI, migrations) names a schema; province code goes through
   * transaction(), which takes the schema from the current province.
   */
  async unitOfWork<T>(schemaName: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.openUnit();
    if (open?.schemaName === schemaName) return work(open.em);
    const quotedSchema = quoteIdent(schemaName);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const unit: UnitOfWork = { em: runner.manager, schemaName, afterCommit: [] };
    let result: T;
    try {
      await this.begin(runner, quotedSchema);
      result = await this.cls.run(() => {
        this.setUnit(unit);
        return work(runner.manager);
      });
      await runner.commitTransaction();
    } catch (error) {
      // A lost connection takes its transaction with it, and a failed ROLLBACK would hide the
      // outage (a 503) behind a secondary error (a 500): the first error is the one to report.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    // After the connection is back in the pool: a slow queue (Redis) must not hold a connection.
    await this.runAfterCommit(unit);
    return result;
  }

  private openUnit(): UnitOfWork | undefined {
    return this.cls.isActive() ? this.cls.get<UnitOfWork | undefined>(UNIT_OF_WORK) : undefined;
  }

  private setUnit(unit: UnitOfWork | undefined): void {
    (this.cls as unknown as ClsService).set(UNIT_OF_WORK, unit);
  }

  private async runAfterCommit(unit: UnitOfWork): Promise<void> {
    for (const task of unit.afterCommit) {
      try {
        await task();
      } catch (error) {
        const err = (error as Error).message;
        this.logger.warn({ err }, 'A task after commit failed; the outbox sweep will retry it');
      }
    }
  }

  /**
   * BEGIN and the transaction-local search_path in one round trip (a measurable share of a short
   * request; docs/ARCHITECTURE.md, "Speed"). The identifier is validated by quoteIdent, so inlining
   * is safe, and the simple-query protocol allows the two statements. TypeORM is then told the
   * transaction is open, exactly as its own startTransaction() would leave the runner, so save()
   * and friends join it instead of opening their own. This is the one place that writes TypeORM's
   * internal state; test/tenancy/unit-of-work.spec.ts fails if an upgrade changes that contract.
   */
  private async begin(runner: QueryRunner, quotedSchema: string): Promise<void> {
    await runner.query(`START TRANSACTION; SET LOCAL search_path TO ${quotedSchema}`);
    const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = true;
    state.transactionDepth = 1;
  }
}
