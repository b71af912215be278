/**
 * Where to go after signing in: only a path on this site ("/projects?page=2"), never another
 * origin ("//evil.example", "/\\evil.example", "https://…"), and never back to the sign-in page.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname === '/sign-in') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
