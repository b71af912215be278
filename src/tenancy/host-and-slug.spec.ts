import { normalizeHost } from './host-resolver.service';
import { schemaNameFor, slugProblem } from './slug';

describe('normalizeHost', () => {
  it.each([
    ['GB.Localhost:3000', 'gb.localhost'],
    ['gb.localhost.', 'gb.localhost'],
    ['gb.localhost.:8080', 'gb.localhost'],
    ['  kp.daftar.gov.pk ', 'kp.daftar.gov.pk'],
    ['[::1]:3000', '[::1]'],
    ['', ''],
  ])('%j → %j', (raw, expected) => expect(normalizeHost(raw)).toBe(expected));
});

describe('slugs', () => {
  it.each(['gb', 'kp', 'punjab', 'ajk', 'gilgit-baltistan', 'a1'])('accepts %s', (slug) =>
    expect(slugProblem(slug)).toBeNull(),
  );
  it.each([
    'admin',
    'www',
    'api',
    'platform',
    'public',
    'stats',
    'unknown',
    'other',
    'pg',
    'pg-catalog',
    'A',
    'Gb',
    'g',
    '-gb',
    '1gb',
    'g_b',
    'g b',
    'x'.repeat(32),
  ])('refuses %s', (slug) => expect(slugProblem(slug)).not.toBeNull());
  it('maps slugs one-to-one onto schema names', () => {
    expect(schemaNameFor('gilgit-baltistan')).toBe('t_gilgit_baltistan');
  });
});
