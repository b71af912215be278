/**
 * Words of a title search, as Postgres' parser splits a title: runs of letters, combining marks
 * (Urdu diacritics) and digits, anything else a separator ("Bahrain–Kalam" is two words). Only
 * those characters reach the tsquery, so it is always well-formed; each word matches as a prefix.
 */
export function titleWords(q: string): string[] {
  return q.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}
