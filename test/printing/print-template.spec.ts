import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { compileForm } from '../../src/forms/compile';
import { Overlay } from '../../src/forms/overlay';
import { CHROMIUM_ARGS, CHROMIUM_CANDIDATES } from '../../src/printing/chromium-locator';
import { contentDisposition } from '../../src/printing/content-disposition';
import { groupDigits, PrintInput, printPage } from '../../src/printing/print-template';
import { fixture } from '../projects/support';

/* The printed page's HTML and the download name, without a browser (pdf.spec.ts prints them). */

const ROOT = path.join(__dirname, '..', '..');

function input(key: string, overrides: Partial<PrintInput> = {}, overlay?: Overlay): PrintInput {
  const base = BASE_CATALOGUE.find((d) => d.key === key)!;
  const { compiled, conflicts } = compileForm(base, overlay ?? { baseVersion: base.version, operations: [] }, {});
  expect(conflicts).toEqual([]);
  return {
    locale: 'en',
    provinceName: 'Gilgit-Baltistan',
    projectTitle: 'A road',
    form: { number: 2, contentHash: 'f'.repeat(64), title: compiled.title, definition: compiled.definition },
    data: fixture(key),
    revision: 3,
    contentHash: 'a'.repeat(64),
    watermark: false,
    ...overrides,
  };
}

describe('the printed proforma', () => {
  it("places a province's added field where its overlay put it, in both languages", () => {
    const overlay = JSON.parse(
      readFileSync(path.join(ROOT, 'docs', 'examples', 'gb-pc1-overlay.json'), 'utf8'),
    ) as Overlay;
    const en = printPage(input('pc1-infrastructure', {}, overlay)).html;
    const title = en.indexOf('1.1</span></span> Name of the project</div>');
    const added = en.indexOf('1.2</span></span> Gilgit-Baltistan Council approval reference</div>');
    const code = en.indexOf('1.3</span></span> ');
    expect(title).toBeGreaterThan(0);
    expect(added).toBeGreaterThan(title);
    expect(code).toBeGreaterThan(added);
    expect(printPage(input('pc1-infrastructure', { locale: 'ur' }, overlay)).html).toContain(
      'گلگت بلتستان کونسل منظوری حوالہ',
    );
  });

  it('escapes what users typed, isolates amounts in Urdu, and adds signature boxes to the certificate', () => {
    const page = printPage(
      input('pc1-infrastructure', { locale: 'ur', projectTitle: '<script>alert(1)</script> سڑک' }),
    );
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; سڑک');
    expect(page.html).toMatch(/<html lang="ur" dir="rtl">/);
    expect(page.html).toContain('<span class="ltr" dir="ltr">3,128.200</span>');
    expect(page.html).toContain('<th class="signature">دستخط</th>');
    expect(page.footerTemplate).toContain('class="pageNumber"');
    expect(page.footerTemplate).toContain('class="totalPages"');
    expect(page.headerTemplate).toContain('Gilgit-Baltistan');
  });

  it('explicit @font-face rules per weight for both bundled families; the watermark only when asked', () => {
    const page = printPage(input('pc3a', { watermark: true, locale: 'ur' }));
    for (const weight of [400, 700]) {
      expect(page.html).toMatch(
        new RegExp(`font-family:'Daftar Noto Nastaliq Urdu';font-style:normal;font-weight:${weight};`),
      );
      expect(page.html).toMatch(new RegExp(`font-family:'Daftar Noto Sans';font-style:normal;font-weight:${weight};`));
    }
    expect(page.html).toContain('class="watermark"');
    expect(printPage(input('pc3a')).html).not.toContain('class="watermark"');
  });

  it('prints every form of the catalogue, filled and blank', () => {
    for (const form of BASE_CATALOGUE) {
      const filled = printPage(input(form.key)).html;
      const blank = printPage(input(form.key, { data: null, projectTitle: null })).html;
      for (const section of form.sections) {
        expect([form.key, filled.includes(`${section.number}.</span>`)]).toEqual([form.key, true]);
        expect([form.key, blank.includes(`${section.number}.</span>`)]).toEqual([form.key, true]);
      }
      expect(blank).toContain('Blank proforma');
    }
  });

  it('groups digits without touching decimals', () => {
    expect(groupDigits('3128.200')).toBe('3,128.200');
    expect(groupDigits('-1234567')).toBe('-1,234,567');
    expect(groupDigits('12.5')).toBe('12.5');
  });
});

describe('the download name', () => {
  it('keeps an Urdu title intact in filename* and gives an ASCII fallback', () => {
    const header = contentDisposition('بحرین کالام سڑک - PC-I (ur).pdf');
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('بحرین کالام سڑک - PC-I ')}%28ur%29.pdf`);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1])).toBe('بحرین کالام سڑک - PC-I (ur).pdf');
  });

  it('drops path parts, control and bidi-override characters', () => {
    const header = contentDisposition('../evil\u202Efdp.exe\r\n.pdf');
    expect(header).not.toMatch(/[\r\n\u202E/]/);
    expect(header).not.toContain('%E2%80%AE');
    expect(header).not.toContain('%2F');
  });
});

describe('finding Chromium', () => {
  it('uses the same candidates and flags as scripts/chromium.mjs', () => {
    const script = readFileSync(path.join(ROOT, 'scripts', 'chromium.mjs'), 'utf8');
    const list = (name: string) =>
      JSON.parse(
        `[${new RegExp(`const ${name} = \\[([^\\]]*)\\]`).exec(script)![1].replace(/'/g, '"').replace(/,\s*$/, '')}]`,
      );
    expect(list('CANDIDATES')).toEqual(CHROMIUM_CANDIDATES);
    expect(list('CHROMIUM_ARGS')).toEqual(CHROMIUM_ARGS);
  });
});
