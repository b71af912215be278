import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { quoteIdent } from '../common/sql';
import { DaftarStore, TenantRecord } from './tenant-context';

export class NoTenantContextError extends Error {
  constructor() {
    super('Tenant data accessed outside a province context: no tenant in AsyncLocalStorage.');
  }
}

/**
 * The unit of work for province data (DESIGN.md rule 4): one transaction on the shared pool
 * whose search_path is fixed with set_config(..., is_local = true). The setting dies with the
 * transaction, so a pooled connection (or PgBouncer in transaction mode) never carries one
 * province's schema to the next borrower, even after a rollback.
 */
@Injectable()
export class TenantDatabase {
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
  inSchema<T>(schemaName: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const searchPath = quoteIdent(schemaName);
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('search_path', $1, true)`, [searchPath]);
      return work(em);
    });
  }

  /** Runs `work` with `tenant` as the current province, e.g. in a job or a CLI command. */
  runAs<T>(tenant: TenantRecord, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('tenant', tenant);
      return work();
    });
  }
}
