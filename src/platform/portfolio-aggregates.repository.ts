import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ProvinceFigure } from '../projects/project-aggregates';

/** A stored figure: the province's figure, whose province and when it was computed. */
export interface StoredFigure extends ProvinceFigure {
  provinceSlug: string;
  computedAt: Date;
}

const COLUMNS = `province_slug AS "provinceSlug", metric, stage, state, forum, sector,
  financial_year AS "financialYear", count::int AS count, amount::text AS amount, computed_at AS "computedAt"`;

/** SQL on platform.portfolio_aggregates: aggregates only (platform migration 0006). */
@Injectable()
export class PortfolioAggregatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Replaces one province's figures at once: readers see the old set or the new one, never half.
   * Two refreshes may overlap (the daily one and an operator's): figures read earlier than the ones
   * stored are dropped, so the newest read wins whichever commits last. Returns whether it wrote.
   * In the caller's transaction: the refresh's unit of work on the province, which holds its opt-in.
   */
  async replace(
    em: EntityManager,
    slug: string,
    figures: readonly ProvinceFigure[],
    computedAt: Date,
  ): Promise<boolean> {
    // Serialises writers of this province only (an empty province has no row to lock).
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('portfolio:' || $1))`, [slug]);
    const [{ latest }] = await em.query(
      `SELECT max(computed_at) AS latest FROM platform.portfolio_aggregates WHERE province_slug = $1`,
      [slug],
    );
    if (latest && new Date(latest) > computedAt) return false;
    await em.query(`DELETE FROM platform.portfolio_aggregates WHERE province_slug = $1`, [slug]);
    if (!figures.length) return true;
    await em.query(
      `INSERT INTO platform.portfolio_aggregates
         (province_slug, metric, stage, state, forum, sector, financial_year, count, amount, computed_at)
       SELECT $1, f.metric, f.stage, f.state, f.forum, f.sector, f.financial_year, f.count, f.amount, $3
         FROM jsonb_to_recordset($2::jsonb) AS f(metric text, stage text, state text, forum text, sector text,
                                                  financial_year text, count bigint, amount numeric)`,
      [
        slug,
        JSON.stringify(
          figures.map((f) => ({
            metric: f.metric,
            stage: f.stage,
            state: f.state,
            forum: f.forum,
            sector: f.sector,
            financial_year: f.financialYear,
            count: f.count,
            amount: f.amount,
          })),
        ),
        computedAt,
      ],
    );
    return true;
  }

  /** Removes one province's figures, in the caller's transaction (its admin withdrew sharing). */
  async removeProvince(em: EntityManager, slug: string): Promise<void> {
    await em.query(`DELETE FROM platform.portfolio_aggregates WHERE province_slug = $1`, [slug]);
  }

  /** Removes the figures of every province not in `keep` (opted out, excluded, suspended or gone). */
  async removeAllBut(keep: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM platform.portfolio_aggregates WHERE NOT (province_slug = ANY($1::text[]))`,
      [keep],
    );
  }

  all(): Promise<StoredFigure[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM platform.portfolio_aggregates
        ORDER BY province_slug, metric, stage NULLS FIRST, state NULLS FIRST, forum NULLS FIRST,
                 sector NULLS FIRST, financial_year NULLS FIRST`,
    );
  }
}
