import type { Workflow } from '../../web/src/api/types';
import { canImport } from '../../web/src/imports/import-api';
import { DEFAULT_WORKFLOW } from '../../src/workflow/workflow-config';

/*
 * Who sees "Import projects" in the web app: as the server decides (src/imports), province
 * administrators and the roles that approve for the forum in the province's own workflow.
 */

const session = (...roles: string[]) => ({ me: { roles } }) as unknown as Parameters<typeof canImport>[0];
const workflow = { version: 1, config: DEFAULT_WORKFLOW } as unknown as Workflow;

describe('the import link', () => {
  it('is offered to administrators and to the roles that approve in the workflow, not to others', () => {
    expect(canImport(session('tenant_admin'), undefined)).toBe(true);
    expect(canImport(session('approver'), workflow)).toBe(true);
    expect(canImport(session('preparer', 'reviewer', 'viewer'), workflow)).toBe(false);
    // Until the workflow has loaded, only administrators see it.
    expect(canImport(session('approver'), undefined)).toBe(false);
  });

  it('follows a workflow whose approvals another role takes', () => {
    const config = {
      ...DEFAULT_WORKFLOW,
      actions: DEFAULT_WORKFLOW.actions.map((a) => (a.decision === 'approved' ? { ...a, roles: ['reviewer'] } : a)),
    };
    const own = { version: 2, config } as unknown as Workflow;
    expect(canImport(session('reviewer'), own)).toBe(true);
    expect(canImport(session('approver'), own)).toBe(false);
  });
});
