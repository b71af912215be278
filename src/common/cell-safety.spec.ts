import { csvNumber, neutraliseText, xlsxNumber } from './cell-safety';

describe('formula-injection neutraliser', () => {
  test('text that a spreadsheet would evaluate gets a leading apostrophe', () => {
    for (const hostile of ['=HYPERLINK("http://x.test","a")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1']) {
      expect(neutraliseText(hostile)).toBe(`'${hostile}`);
    }
    for (const plain of ['Bahrain–Kalam road', 'سڑک کی بحالی', '1 = 1', "'quoted", ''])
      expect(neutraliseText(plain)).toBe(plain);
  });

  test('amounts stay numbers; anything else in an amount column is text', () => {
    expect(xlsxNumber('-12.500')).toBe(-12.5);
    expect(xlsxNumber('3128.200')).toBe(3128.2);
    expect(xlsxNumber(-7)).toBe(-7);
    // 18 significant digits would be rounded by a double: kept as (safe) text instead.
    expect(xlsxNumber('123456789012345.678')).toBe('123456789012345.678');
    expect(xlsxNumber('-1+cmd')).toBe("'-1+cmd");
    expect(csvNumber('-12.500')).toBe('-12.500');
    expect(csvNumber('-1+cmd')).toBe("'-1+cmd");
    expect(csvNumber('=1')).toBe("'=1");
  });
});
