/**
 * One aggregate figure of a province (the host's portfolio view, issue 17): a count and, for costs,
 * an amount in Rs million (decimal, as a string), for one combination of dimensions. Only the
 * dimensions a metric uses are set. Nothing here names a project, a person or a document.
 */
export interface ProvinceFigure {
  metric: PortfolioMetric;
  stage: string | null;
  state: string | null;
  forum: string | null;
  sector: string | null;
  financialYear: string | null;
  count: number;
  amount: string | null;
}

export const PORTFOLIO_METRICS = [
  /** Every project, with the sum of their current costs: the province's total (and proof it was computed). */
  'projects.total',
  /** Projects by the kind of their current document (pc2, pc1, pc1-revised, pc4, pc5; none yet). */
  'projects.by_stage',
  /** Projects by the workflow state of their current document. */
  'projects.by_state',
  /** Projects by lifecycle status (preparation, approved, rejected, completed), in `state`. */
  'projects.by_status',
  /** Projects by the forum their current document goes (or went) to. */
  'projects.by_forum',
  /** Projects by sector. */
  'projects.by_sector',
  /** PC-II, PC-I and revised PC-I documents submitted, and their total cost, by financial year of submission. */
  'cost.submitted',
  /** Projects approved, and their approved cost, by financial year of approval. */
  'cost.approved',
  /** Documents waiting for someone other than their preparer (not editable, not final), by kind and state. */
  'documents.waiting',
  /** Reporting obligations overdue today (PC-III(B) monthly, PC-V yearly), by kind. */
  'obligations.overdue',
] as const;
export type PortfolioMetric = (typeof PORTFOLIO_METRICS)[number];

/** The financial year (1 July – 30 June) that starts in `startYear`, written as Pakistan writes it: 2025-26. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}
