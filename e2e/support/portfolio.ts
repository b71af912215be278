import { PORTFOLIO_COLUMNS } from '../../src/imports/portfolio-template';
import { ApiClient } from './app';

/*
 * Legacy portfolio files for the import screen: the template's columns and example row, with the
 * province's own codes (department, sector, district) so that a row is refused only where a test
 * means it to be.
 */

export type PortfolioRow = Record<string, string>;

/** The template's example row with the codes this province has. */
export async function exampleRow(admin: ApiClient): Promise<PortfolioRow> {
  const first = async (path: string) => (await admin.call<{ code: string }[]>('GET', path))[0].code;
  return {
    ...Object.fromEntries(PORTFOLIO_COLUMNS.map((c) => [c.key, c.example])),
    departmentCode: await first('/api/departments'),
    sector: await first('/api/master-data/sectors'),
    districts: await first('/api/master-data/districts'),
  };
}

/** A CSV file of the template's columns (every cell quoted), header first. */
export function portfolioCsv(
  rows: PortfolioRow[],
  header: readonly string[] = PORTFOLIO_COLUMNS.map((c) => c.key),
): Buffer {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return Buffer.from(
    [header.join(','), ...rows.map((r) => header.map((c) => quote(r[c] ?? '')).join(','))].join('\r\n'),
    'utf8',
  );
}
