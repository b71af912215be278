import { Injectable, Logger } from '@nestjs/common';
import { settleWithConcurrency } from '../common/concurrency';
import { AppConfig } from '../config/app-config';
import { PortfolioSharingService } from '../portfolio/portfolio-sharing.service';
import { ProjectAggregatesService, ProvinceFigure } from '../projects/project-aggregates.service';
import { ProvinceSchemas } from '../tenancy/province-schemas.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { PortfolioAggregatesRepository } from './portfolio-aggregates.repository';
import { excludedFromPortfolio } from './portfolio-exclusion';

/** What one refresh did, by province slug. */
export interface PortfolioRefresh {
  computed: string[];
  notShared: string[];
  excluded: string[];
  failed: string[];
}

/**
 * Computes the host's portfolio (issue 17): in each active province that opted in, its aggregates
 * are read in the province's own unit of work and stored in platform.portfolio_aggregates. A
 * province that did not opt in, a training sandbox, or one no longer active has no figures there
 * afterwards. One province that cannot be read keeps its previous figures (their computed_at
 * says how old) and does not stop the others.
 */
@Injectable()
export class PortfolioAggregationService {
  private readonly logger = new Logger(PortfolioAggregationService.name);

  constructor(
    private readonly registry: TenantRegistry,
    private readonly schemas: ProvinceSchemas,
    private readonly sharing: PortfolioSharingService,
    private readonly aggregates: ProjectAggregatesService,
    private readonly store: PortfolioAggregatesRepository,
    private readonly config: AppConfig,
  ) {}

  async refresh(): Promise<PortfolioRefresh> {
    const active = await this.registry.activeProvinces();
    const excluded = active.filter((t) => excludedFromPortfolio(t)).map((t) => t.slug);
    const provinces = active.filter((t) => !excludedFromPortfolio(t));
    const results = await settleWithConcurrency(provinces, this.config.migrationConcurrency, (province) =>
      this.schemas.inProvince(province, async (em): Promise<boolean> => {
        const at = new Date();
        // The opt-in, the figures and their storing in one unit of work: an opt-out committed before
        // it is honoured, and one made meanwhile waits for its commit and then removes the figures.
        const shared = await this.sharing.isShared(em);
        const figures: ProvinceFigure[] = shared ? await this.aggregates.compute(em) : [];
        await this.store.replace(em, province.slug, figures, at);
        return shared;
      }),
    );
    const outcome: PortfolioRefresh = { computed: [], notShared: [], excluded, failed: [] };
    for (const [i, result] of results.entries()) {
      const slug = provinces[i].slug;
      if (result.status === 'rejected') {
        outcome.failed.push(slug);
        this.logger.error({ province: slug, err: (result.reason as Error)?.message }, 'Portfolio figures not computed');
        continue;
      }
      (result.value ? outcome.computed : outcome.notShared).push(slug);
    }
    // Only computed provinces and failed ones (whose last figures stand) keep rows.
    await this.store.removeAllBut([...outcome.computed, ...outcome.failed]);
    this.logger.log(
      { computed: outcome.computed.length, notShared: outcome.notShared.length, failed: outcome.failed.length },
      'Portfolio refreshed',
    );
    return outcome;
  }
}
