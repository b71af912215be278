import type { Session } from '../auth/session';

/** The legacy portfolio import's endpoints (src/imports). */
export const IMPORT_FILE_PATH = '/api/imports/portfolio/file';
export const TEMPLATE_PATH = '/api/imports/portfolio/template';

/** Province administrators bring a province's existing projects in (the server also lets forum-decision roles). */
export const IMPORT_ROLE = 'tenant_admin';

export function canImport(session: Pick<Session, 'me'>): boolean {
  return !!session.me?.roles.includes(IMPORT_ROLE);
}
