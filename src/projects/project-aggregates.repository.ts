import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A group of a GROUP BY: its key (null when the column is), how many, and the sum when asked. */
export interface FigureRow {
  key: string | null;
  count: number;
  amount: string | null;
}

/** A group by kind and state (waiting documents). */
export interface StageStateRow {
  kind: string;
  state: string;
  count: number;
}

/** A financial year's group: the calendar year it starts in. */
export interface YearRow {
  startYear: number;
  count: number;
  amount: string | null;
}

/** Projects grouped by one of their summary columns (a fixed list: never a caller's text). */
const GROUPABLE = {
  stage: 'stage',
  state: 'current_state',
  status: 'status',
  forum: 'current_forum',
  sector: 'sector',
} as const;
export type ProjectGrouping = keyof typeof GROUPABLE;

/** The financial year (from 1 July) a date falls in, as the year it starts in. */
const startYearOf = (date: string) =>
  `(extract(year FROM ${date}) - CASE WHEN extract(month FROM ${date}) >= 7 THEN 0 ELSE 1 END)::int`;

/**
 * Counts and sums over the province's projects and documents for the host's portfolio view: every
 * query returns groups, never a row of a project or document.
 */
@Injectable()
export class ProjectAggregatesRepository {
  async total(em: EntityManager): Promise<FigureRow> {
    const [row] = await em.query(
      `SELECT NULL AS key, count(*)::int AS count, sum(current_cost)::text AS amount FROM projects`,
    );
    return row;
  }

  byColumn(em: EntityManager, grouping: ProjectGrouping): Promise<FigureRow[]> {
    const column = GROUPABLE[grouping];
    return em.query(
      `SELECT ${column} AS key, count(*)::int AS count, sum(current_cost)::text AS amount
         FROM projects GROUP BY ${column} ORDER BY ${column}`,
    );
  }

  /** Costed documents (PC-II, PC-I, revised PC-I) submitted, by financial year of submission in `timeZone`. */
  submittedByYear(em: EntityManager, timeZone: string): Promise<YearRow[]> {
    const day = `(submitted_at AT TIME ZONE $1)::date`;
    return em.query(
      `SELECT ${startYearOf(day)} AS "startYear", count(*)::int AS count, sum(total_cost)::text AS amount
         FROM documents
        WHERE kind IN ('pc2', 'pc1', 'pc1-revised') AND submitted_at IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
      [timeZone],
    );
  }

  /** Projects approved, with their approved cost, by the financial year of approval (a calendar date). */
  approvedByYear(em: EntityManager): Promise<YearRow[]> {
    return em.query(
      `SELECT ${startYearOf('approved_at')} AS "startYear", count(*)::int AS count,
              sum(approved_cost)::text AS amount
         FROM projects WHERE approved_at IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
    );
  }

  /** Documents in any of `states`, by kind and state. */
  documentsIn(em: EntityManager, states: readonly string[]): Promise<StageStateRow[]> {
    return em.query(
      `SELECT kind, state, count(*)::int AS count FROM documents WHERE state = ANY($1::text[])
        GROUP BY kind, state ORDER BY kind, state`,
      [states],
    );
  }
}
