import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantRecord } from './tenant-context';
import { TenantDatabase } from './tenant-database.service';

/**
 * The one way to work on a province named by the caller rather than taken from the request: for
 * the operators' platform, provisioning, the CLI and the migration runner only (docs/ARCHITECTURE.md,
 * "Who may touch what"; enforced by ESLint and test/architecture). Province code never names a
 * schema: TenantDatabase takes it from the current province.
 */
@Injectable()
export class ProvinceSchemas {
  constructor(private readonly db: TenantDatabase) {}

  /**
   * Runs `work` as `province`, in one unit of work: every province service it calls joins the same
   * transaction, so an operator's multi-step change to a province commits or rolls back as one.
   */
  inProvince<T>(province: TenantRecord, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.runAs(province, () => this.db.transaction(work));
  }

  /** One unit of work on a schema that has no active province record yet (provisioning, migrations, figures). */
  inSchema<T>(schemaName: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.unitOfWork(schemaName, work);
  }
}
