import { DocumentKind } from './document.entity';

const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * What the period of a follow-up document must be, or null when it is right: PC-III(B) reports
 * a month (2025-09); PC-III(A) and PC-V a financial year (2025-26, July to June, so the second
 * year follows the first); the others have none.
 */
export function periodProblem(kind: DocumentKind, period: string | undefined): string | null {
  if (kind === 'pc3b') {
    const m = period ? MONTH.exec(period) : null;
    const month = m ? Number(m[2]) : 0;
    return m && month >= 1 && month <= 12
      ? null
      : 'period is required for pc3b: a month such as 2025-09 (month 01 to 12)';
  }
  if (kind === 'pc3a' || kind === 'pc5') {
    const m = period ? MONTH.exec(period) : null;
    return m && (Number(m[1]) + 1) % 100 === Number(m[2])
      ? null
      : `period is required for ${kind}: a financial year such as 2025-26 (the second year follows the first)`;
  }
  return period === undefined ? null : `period does not apply to ${kind}`;
}
