import { isPlaceholder, PLACEHOLDER_VALUES } from './placeholders';

/** The rule without the early answer for prose: fold, then look up or test for punctuation only. */
function folded(value: string): boolean {
  const text = value.trim().replace(/\s+/g, ' ').toLowerCase();
  return text !== '' && (PLACEHOLDER_VALUES.has(text) || /^[\s\p{P}\p{S}]+$/u.test(text));
}

describe('isPlaceholder', () => {
  const padded = (p: string) => [p, ` ${p.toUpperCase()} `, `\n\t${p}${' '.repeat(200)}`, p.replace(/ /g, '   ')];
  const cases = [
    ...[...PLACEHOLDER_VALUES].flatMap(padded),
    '- '.repeat(40),
    '*'.repeat(300),
    '…'.repeat(30) + ' !',
    'The road connects 14 villages of Swat to the district headquarters at Saidu Sharif.',
    'a'.repeat(17),
    'ab',
    'not applicable because the scheme has no land component',
    'سڑک سوات کے چودہ دیہات کو ضلعی صدر مقام سے ملاتی ہے',
    '',
    '   ',
    '1234567890123456789',
  ];

  it('answers as folding and looking up would, for placeholders, padding, punctuation and prose', () => {
    for (const value of cases) expect([value, isPlaceholder(value)]).toEqual([value, folded(value)]);
    expect(cases.filter(isPlaceholder).length).toBeGreaterThan(PLACEHOLDER_VALUES.size * 4);
    expect(isPlaceholder('The road connects 14 villages of Swat to the district headquarters.')).toBe(false);
    expect(isPlaceholder(`   Not   Applicable${' '.repeat(500)}`)).toBe(true);
  });
});
