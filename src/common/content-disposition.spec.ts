import { asciiFallback, contentDisposition } from './content-disposition';

describe('Content-Disposition', () => {
  test('UTF-8 name in filename*, an ASCII fallback in filename', () => {
    expect(contentDisposition('رپورٹ.pdf')).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''%D8%B1%D9%BE%D9%88%D8%B1%D9%B9.pdf`,
    );
    expect(contentDisposition("Kalam road (phase 1)'s.xlsx")).toBe(
      `attachment; filename="Kalam road (phase 1)'s.xlsx"; filename*=UTF-8''Kalam%20road%20%28phase%201%29%27s.xlsx`,
    );
  });

  test('the fallback has no quote, backslash or non-ASCII character', () => {
    expect(asciiFallback('a"b\\c.pdf')).toBe('abc.pdf');
    expect(asciiFallback('Café.pdf')).toBe('Cafe.pdf');
    expect(asciiFallback('سڑک 2026.csv')).toBe('2026.csv');
  });
});
