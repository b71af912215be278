import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { PortfolioSharing, PortfolioSharingRepository } from './portfolio-sharing.repository';

/** Told, in the unit of work that withdraws sharing, which province did: its figures go in the same commit. */
export type SharingWithdrawn = (em: EntityManager, provinceSlug: string) => Promise<void>;

/**
 * The province admin's decision whether the host sees the province's aggregate figures (issue 17).
 * Off until an admin turns it on; every change is in the province's own audit log.
 */
@Injectable()
export class PortfolioSharingService {
  private readonly withdrawn: SharingWithdrawn[] = [];

  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: PortfolioSharingRepository,
    private readonly audit: AuditService,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  get(): Promise<PortfolioSharing> {
    return this.db.transaction((em) => this.repository.get(em));
  }

  /**
   * For the platform's portfolio job, inside the unit of work it opened on the province. The row
   * stays locked (FOR SHARE) until that unit of work commits its figures: an opt-out waits for it,
   * then removes them, so figures read before an opt-out never outlive it.
   */
  isShared(em: EntityManager): Promise<boolean> {
    return this.repository.get(em, 'share').then((s) => s.shared);
  }

  /**
   * The platform, which stores the figures, asks to hear of a withdrawal (it sits above this module,
   * docs/ARCHITECTURE.md "Layers", so it is told rather than called).
   */
  onWithdrawn(listener: SharingWithdrawn): void {
    this.withdrawn.push(listener);
  }

  set(shared: boolean): Promise<PortfolioSharing> {
    return this.db.transaction(async (em) => {
      // Locked: two admins changing it at once each see the other's value as "from".
      const before = await this.repository.get(em, 'update');
      if (before.shared === shared) return before;
      const principal = this.cls.get('principal');
      const after = await this.repository.set(em, shared, principal?.id ?? null);
      await this.audit.record(em, {
        action: shared ? 'portfolio.sharing.enabled' : 'portfolio.sharing.disabled',
        targetType: 'province-settings',
        details: { from: before.shared, to: shared },
      });
      // "Not shared: the host sees no figures of this province" holds from this commit on.
      if (!shared) for (const listener of this.withdrawn) await listener(em, this.db.currentTenant().slug);
      return after;
    });
  }
}
