import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/imports/portfolio-file';
import { checkCells, PortfolioReference } from '../../src/imports/portfolio-rows';
import { PORTFOLIO_COLUMNS, PORTFOLIO_SHEET } from '../../src/imports/portfolio-template';

/*
 * Reading XLSX number cells (no database): a spreadsheet stores numbers as floats, so a cost typed
 * as 1234.56 or computed by a formula (whose cached float result is 1234.5600000000002) must read
 * as the province sees it, "1234.56", and check as the amount 1234.560; a genuine fourth decimal
 * is still refused by the money check, as it is in CSV and JSON.
 */

const reference: PortfolioReference = {
  departments: new Set(['CW']),
  sectors: new Set(['transport-communications']),
  districts: new Set(['swat']),
  forums: new Set(['kp-pdwp']),
  today: '2026-11-30',
  formKeyOf: (kind, variant, edition) => (kind === 'pc1' && edition === '2005' ? `pc1-${variant}-2005` : null),
};

/**
 * A workbook with the template's header row and one row whose cells are given as sheet values (numbers stay numbers).
 */
async function workbookWith(cells: Partial<Record<string, ExcelJS.CellValue>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(PORTFOLIO_SHEET);
  sheet.addRow(PORTFOLIO_COLUMNS.map((c) => c.key));
  sheet.addRow(PORTFOLIO_COLUMNS.map((c) => cells[c.key] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const row = {
  projectKey: 'KP-1',
  title: 'Road',
  departmentCode: 'CW',
  sector: 'transport-communications',
  districts: 'swat',
  status: 'approved',
  documentKind: 'pc1',
  edition: 2005,
  forum: 'kp-pdwp',
  decisionDate: '2016-05-10',
  decision: 'approved',
};

describe('portfolio file: XLSX number cells', () => {
  test(
    'a number cell of 1234.56 and a formula whose float result ' + 'is 1234.5600000000002 both read "1234.56"',
    async () => {
      const floatResult = 1234.4 + 0.16;
      expect(String(floatResult)).toBe('1234.5600000000002'); // the float the formula leaves in the file
      const bytes = await workbookWith({
        ...row,
        documentCost: 1234.56,
        approvedCost: { formula: '1234.4+0.16', result: floatResult },
        fecCost: { formula: '0.1+0.2', result: 0.1 + 0.2 },
        adpSerial: 957,
        computerCode: 190571,
      });
      const [read] = await readXlsx(bytes);
      expect(read.row).toBe(2);
      expect(read.raw).toMatchObject({
        documentCost: '1234.56',
        approvedCost: '1234.56',
        fecCost: '0.3',
        adpSerial: '957',
        computerCode: '190571',
        edition: '2005',
      });

      const checked = checkCells(read.raw, read.row, reference);
      expect(checked.problems).toEqual([]);
      expect(checked.values).toMatchObject({ documentCost: '1234.560', approvedCost: '1234.560', fecCost: '0.300' });
    },
  );

  test('a genuine fourth decimal is kept and refused by the money check, not rounded away', async () => {
    const [read] = await readXlsx(await workbookWith({ ...row, documentCost: 1234.5678, approvedCost: 1200 }));
    expect(read.raw.documentCost).toBe('1234.5678');
    expect(checkCells(read.raw, read.row, reference).problems.map((p) => p.column)).toEqual(['documentCost']);
  });
});
