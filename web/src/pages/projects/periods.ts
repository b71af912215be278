/*
 * Reporting periods as the server writes them: a month '2025-09' (PC-III(B)) or a financial year
 * '2025-26', July to June (PC-III(A), PC-V). Choices are offered around today.
 */

const pad = (n: number) => String(n).padStart(2, '0');

export function financialYear(startYear: number): string {
  return `${startYear}-${pad((startYear + 1) % 100)}`;
}

/** The financial year a date falls in (July starts the next one). */
export function financialYearOf(date: Date): number {
  return date.getMonth() >= 6 ? date.getFullYear() : date.getFullYear() - 1;
}

/** The last `count` months up to this one, newest first. */
export function recentMonths(today: Date, count = 24): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1);
    out.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`);
  }
  return out;
}

/** Next year, this year and the five before, newest first. */
export function recentFinancialYears(today: Date): string[] {
  const current = financialYearOf(today);
  return Array.from({ length: 7 }, (_, i) => financialYear(current + 1 - i));
}

/** What a report usually covers when started today: last month's progress, this year's plan, last year's operation. */
export function defaultPeriod(kind: string, today: Date): string {
  if (kind === 'pc3b') return recentMonths(today, 2)[1];
  if (kind === 'pc3a') return financialYear(financialYearOf(today));
  if (kind === 'pc5') return financialYear(financialYearOf(today) - 1);
  return '';
}
