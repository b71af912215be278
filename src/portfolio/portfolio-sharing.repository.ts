import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Whether the province's aggregate figures are shown to the host, and who last decided it. */
export interface PortfolioSharing {
  shared: boolean;
  changedAt: Date | null;
  changedBy: string | null;
}

/** SQL on the province's province_settings row (one row, made by tenant migration 0022). */
@Injectable()
export class PortfolioSharingRepository {
  /** `lock`: FOR UPDATE to change it, FOR SHARE to rely on it until the transaction ends. */
  async get(em: EntityManager, lock?: 'update' | 'share'): Promise<PortfolioSharing> {
    const [row] = await em.query(
      `SELECT portfolio_shared AS shared, changed_at AS "changedAt", changed_by AS "changedBy"
         FROM province_settings ${lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR SHARE' : ''}`,
    );
    return row ?? { shared: false, changedAt: null, changedBy: null };
  }

  async set(em: EntityManager, shared: boolean, changedBy: string | null): Promise<PortfolioSharing> {
    await em.query(`UPDATE province_settings SET portfolio_shared = $1, changed_at = now(), changed_by = $2`, [
      shared,
      changedBy,
    ]);
    return this.get(em);
  }
}
