import type { Workflow } from '../api/types';

/** The legacy portfolio import's endpoints (src/imports). */
export const IMPORT_FILE_PATH = '/api/imports/portfolio/file';
export const TEMPLATE_PATH = '/api/imports/portfolio/template';

/** Province administrators bring a province's existing projects in … */
export const IMPORT_ROLE = 'tenant_admin';

/** … and so do the roles that approve for the forum in the province's workflow, as the server allows. */
/** Only the signed-in user's roles matter (a session, structurally: no dependency on the React module). */
export function canImport(session: { me?: { roles: string[] } | null }, workflow: Workflow | undefined): boolean {
  const roles = session.me?.roles ?? [];
  if (roles.includes(IMPORT_ROLE)) return true;
  const approving = new Set(
    (workflow?.config.actions ?? []).filter((a) => a.decision === 'approved').flatMap((a) => a.roles),
  );
  return roles.some((r) => approving.has(r));
}
