import { FILE_NAME_MAX_CHARS, sanitiseFileName } from './file-name';

describe('attachment file names', () => {
  test('Urdu names are kept as they are', () => {
    expect(sanitiseFileName('رپورٹ.pdf', 'application/pdf')).toBe('رپورٹ.pdf');
    // The zero-width non-joiner is part of Urdu spelling.
    expect(sanitiseFileName('نظر\u200cثانی.pdf', 'application/pdf')).toBe('نظر\u200cثانی.pdf');
  });

  test('paths, control, bidi and zero-width characters are removed; the real extension shows', () => {
    expect(sanitiseFileName('../../etc/\u202efdp.exe', 'application/pdf')).toBe('fdp.exe.pdf');
    expect(sanitiseFileName('C:\\Users\\x\\map.png', 'image/png')).toBe('map.png');
    expect(sanitiseFileName('a\u0000b\u2067c\u200b\u200fd.jpeg', 'image/jpeg')).toBe('abcd.jpeg');
    expect(sanitiseFileName('..', 'application/pdf')).toBe('attachment.pdf');
    expect(sanitiseFileName('.hidden', 'application/pdf')).toBe('hidden.pdf');
    expect(sanitiseFileName('a<b>:c?.pdf', 'application/pdf')).toBe('a_b__c_.pdf');
  });

  test('long names are cut to the cap with their extension kept', () => {
    const name = sanitiseFileName(`${'ر'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX_CHARS);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
