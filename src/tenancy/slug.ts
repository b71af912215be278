/** docs/ARCHITECTURE.md, "Registry and hosts": what a province slug may be, and how its schema is named. */
export const SLUG_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;

/** Words that name the platform's own hosts or Postgres internals and so can never be a province. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'www',
  'api',
  'platform',
  'public',
  'app',
  'apps',
  'auth',
  'login',
  'static',
  'assets',
  'cdn',
  'docs',
  'mail',
  'smtp',
  'ftp',
  'status',
  'health',
  'ready',
  'root',
  'system',
  'support',
  'information-schema',
  'default',
  'tenant',
  'tenants',
  'daftar',
  // Words the operator API and the metrics use beside slugs: /api/platform/tenants/stats, and the
  // `province` label's values for the console and for hosts that are no province.
  'stats',
  'other',
  'unknown',
  'metrics',
  'queues',
]);

export const SLUG_RULE =
  'slug must be 2-31 characters: a lower-case letter first, then lower-case letters, digits or hyphens; ' +
  'reserved words (admin, www, api, platform, public, pg*, …) are not allowed';

/** Returns why a slug is refused, or null when it is acceptable. */
export function slugProblem(slug: unknown): string | null {
  if (typeof slug !== 'string') return 'slug must be a string';
  if (!SLUG_PATTERN.test(slug)) return SLUG_RULE;
  if (RESERVED_SLUGS.has(slug) || slug.startsWith('pg')) return `slug "${slug}" is reserved`;
  return null;
}

/** `gb` → `t_gb`; hyphens become underscores (slugs never contain underscores, so this is one-to-one). */
export function schemaNameFor(slug: string): string {
  return `t_${slug.replace(/-/g, '_')}`;
}
