import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUES } from '../../web/src/i18n/messages';

/*
 * English and Urdu are equals: every word the app shows exists in both catalogues, and every
 * key the screens ask for exists. (The browser tests then check the switch itself.)
 */
describe('web app message catalogues', () => {
  it.each(Object.entries(CATALOGUES))('%s has the same keys in English and Urdu, none empty', (_area, catalogue) => {
    const en = Object.keys(catalogue.en).sort();
    const ur = Object.keys(catalogue.ur).sort();
    expect(ur).toEqual(en);
    for (const [key, text] of [...Object.entries(catalogue.en), ...Object.entries(catalogue.ur)]) {
      expect([key, typeof text === 'string' && text.trim().length > 0]).toEqual([key, true]);
    }
  });

  it('has no key in two catalogues (one would silently win)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, catalogue] of Object.entries(CATALOGUES)) {
      for (const key of Object.keys(catalogue.en)) {
        if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('defines every key that the screens use with t(…)', () => {
    const known = new Set(Object.values(CATALOGUES).flatMap((c) => Object.keys(c.en)));
    const root = path.join(__dirname, '..', '..', 'web', 'src');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    })(root);
    const missing: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!known.has(match[1])) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
