import { ROLES } from '../../../../src/tenancy/permissions';
import { type WorkflowConfig, workflowIssues } from '../../../../src/workflow/workflow-config';
import { useI18n } from '../../i18n/i18n';
import type { EditorProblem } from './workflow-graph';

/* What the editor shares: what is selected, words for roles and problems, and the checks it runs as you type. */

export type Selection = { kind: 'state' | 'action'; id: string };

/** Ids as the API accepts them (workflow.service's schema). */
export const WORKFLOW_ID = /^[a-z][a-z0-9-]{0,39}$/;
/** The API's limit on a label. */
export const LABEL_MAX = 200;
export const DECISIONS = ['approved', 'rejected', 'deferred', 'returned', 'recommended'] as const;
export { ROLES };

const ROLE_KEY: Record<string, string> = { tenant_admin: 'tenantAdmin' };

export function useRoleName() {
  const { t } = useI18n();
  const known = ROLES as readonly string[];
  return (role: string) => (known.includes(role) ? t(`profile.role.${ROLE_KEY[role] ?? role}`) : role);
}

/**
 * The shared checker's problems plus the one it leaves to the API's schema that an editor can
 * still produce: an empty label (in either language).
 */
export function draftProblems(config: WorkflowConfig): EditorProblem[] {
  const problems: EditorProblem[] = workflowIssues(config);
  for (const s of config.states) {
    if (!s.label.en.trim() || !s.label.ur.trim()) {
      problems.push({ code: 'label-missing', state: s.id, message: `state "${s.id}" needs a label` });
    }
  }
  for (const a of config.actions) {
    if (!a.label.en.trim() || !a.label.ur.trim()) {
      problems.push({ code: 'label-missing', action: a.id, message: `action "${a.id}" needs a label` });
    }
  }
  return problems;
}

/** A problem in the chosen language, naming states and actions by their labels. */
export function useProblemText(config: WorkflowConfig) {
  const { t, locale } = useI18n();
  const stateName = (id?: string) => (id ? config.states.find((s) => s.id === id)?.label[locale] || id : '');
  const actionName = (id?: string) => (id ? config.actions.find((a) => a.id === id)?.label[locale] || id : '');
  return (p: EditorProblem) =>
    t(`workflowEditor.problem.${p.code}`, {
      state: stateName(p.state),
      action: actionName(p.action),
      role: p.role ?? '',
      initial: stateName(config.initial),
    });
}

/** Drops a state and the arrows into it; actions left starting from nowhere go too. */
export function withoutState(config: WorkflowConfig, id: string): WorkflowConfig {
  const actions = config.actions
    .filter((a) => a.to !== id)
    .map((a) => ({ ...a, from: a.from.filter((f) => f !== id) }))
    .filter((a) => a.from.length > 0 || !config.actions.find((x) => x.id === a.id)!.from.includes(id));
  return { ...config, states: config.states.filter((s) => s.id !== id), actions };
}

/** How many actions removing a state takes with it (said before it is removed). */
export function actionsLostWith(config: WorkflowConfig, id: string): number {
  return config.actions.length - withoutState(config, id).actions.length;
}
