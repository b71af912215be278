/*
 * The legacy portfolio import's report (POST /api/imports/portfolio/file, src/imports), the same
 * for a dry run and an import: counts, each project's outcome, the rows refused with their column
 * and reason, conflicts with an earlier import (nothing is overwritten) and the routing warnings
 * kept on imported decisions.
 */

export type ProjectOutcome = 'created' | 'unchanged' | 'conflict' | 'refused';

export interface RowProblem {
  /** The row in the sheet (the header is row 1); null for a conflict with an earlier import's row this file lacks. */
  row: number | null;
  column: string;
  reason: string;
  reasonUr: string;
  projectKey?: string;
}

export interface ImportWarning {
  row: number;
  column: string;
  projectKey: string;
  code: string;
  message: string;
  messageUr: string;
}

export interface PortfolioReport {
  runId: string | null;
  dryRun: boolean;
  format: string;
  counts: {
    rows: number;
    projects: Record<ProjectOutcome, number>;
    documents: number;
    decisions: number;
    warnings: number;
    refusedRows: number;
  };
  projects: { projectKey: string; outcome: ProjectOutcome; projectId: string | null; rows: number[] }[];
  refused: RowProblem[];
  conflicts: RowProblem[];
  warnings: ImportWarning[];
}

/** One line of the report's tables, in the reader's language. */
export interface ReportLine {
  row: number | null;
  column: string;
  projectKey: string | null;
  text: string;
}

/** Each problem in the reader's language, with the project its row belongs to (from the report's projects). */
export function problemLines(
  problems: RowProblem[],
  projects: PortfolioReport['projects'],
  locale: 'en' | 'ur',
): ReportLine[] {
  const projectOfRow = new Map(projects.flatMap((p) => p.rows.map((row) => [row, p.projectKey] as const)));
  return problems.map((p) => ({
    row: p.row,
    column: p.column,
    projectKey: p.projectKey ?? (p.row !== null ? (projectOfRow.get(p.row) ?? null) : null),
    text: (locale === 'ur' && p.reasonUr) || p.reason,
  }));
}

export function warningLines(warnings: ImportWarning[], locale: 'en' | 'ur'): ReportLine[] {
  return warnings.map((w) => ({
    row: w.row,
    column: w.column,
    projectKey: w.projectKey,
    text: (locale === 'ur' && w.messageUr) || w.message,
  }));
}
