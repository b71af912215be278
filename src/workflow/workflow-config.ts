import type { Localized } from '../forms/definition';
import { type Role, ROLES } from '../tenancy/permissions';

/**
 * A province's document workflow, as data: states, and actions that move a document between
 * them, each naming the roles that may take it. Provinces change their own through the API;
 * every transition records the configuration version that allowed it.
 */
export interface WorkflowState {
  id: string;
  label: Localized;
  /** May the document's data be changed in this state (draft, returned for rectification)? */
  editable: boolean;
  /** No action leaves a final state (approved, rejected, recommended upward). */
  final?: boolean;
}

export interface WorkflowAction {
  id: string;
  label: Localized;
  from: string[];
  to: string;
  roles: Role[];
  /** A comment must accompany the action (returns, deferrals, rejections). */
  commentRequired?: boolean;
  /** At least one attachment must be on the document. */
  attachmentRequired?: boolean;
  /** The document must be fully valid against its form version (submission). */
  requiresValid?: boolean;
  /** Records the forum decision (which forum rule routed the document). */
  decision?: 'approved' | 'rejected' | 'deferred' | 'returned' | 'recommended';
}

export interface WorkflowConfig {
  initial: string;
  states: WorkflowState[];
  actions: WorkflowAction[];
}

const l = (en: string, ur: string): Localized => ({ en, ur });

/** The default: draft → submitted → department review → P&D scrutiny → forum → approved. */
export const DEFAULT_WORKFLOW: WorkflowConfig = {
  initial: 'draft',
  states: [
    { id: 'draft', label: l('Draft', 'مسودہ'), editable: true },
    { id: 'submitted', label: l('Submitted', 'جمع شدہ'), editable: false },
    { id: 'department-review', label: l('Department review', 'محکمانہ جائزہ'), editable: false },
    { id: 'pnd-scrutiny', label: l('P&D scrutiny', 'منصوبہ بندی و ترقیات کی جانچ'), editable: false },
    { id: 'forum', label: l('Before the forum', 'فورم کے سامنے'), editable: false },
    { id: 'returned', label: l('Returned for rectification', 'درستی کے لیے واپس'), editable: true },
    { id: 'deferred', label: l('Deferred', 'مؤخر'), editable: false },
    { id: 'approved', label: l('Approved', 'منظور شدہ'), editable: false, final: true },
    { id: 'rejected', label: l('Rejected', 'مسترد'), editable: false, final: true },
    {
      id: 'recommended',
      label: l('Recommended to a higher forum', 'اعلیٰ فورم کو سفارش'),
      editable: false,
      final: true,
    },
  ],
  actions: [
    {
      id: 'submit',
      label: l('Submit', 'جمع کرائیں'),
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['preparer'],
      requiresValid: true,
    },
    {
      id: 'start-review',
      label: l('Start department review', 'محکمانہ جائزہ شروع کریں'),
      from: ['submitted'],
      to: 'department-review',
      roles: ['reviewer'],
    },
    {
      id: 'forward-to-pnd',
      label: l('Forward to P&D', 'منصوبہ بندی و ترقیات کو بھیجیں'),
      from: ['department-review'],
      to: 'pnd-scrutiny',
      roles: ['reviewer'],
    },
    {
      id: 'place-before-forum',
      label: l('Place before the forum', 'فورم کے سامنے پیش کریں'),
      from: ['pnd-scrutiny', 'deferred'],
      to: 'forum',
      roles: ['reviewer'],
    },
    {
      id: 'return',
      label: l('Return for rectification', 'درستی کے لیے واپس کریں'),
      from: ['department-review', 'pnd-scrutiny', 'forum'],
      to: 'returned',
      roles: ['reviewer', 'approver'],
      commentRequired: true,
      decision: 'returned',
    },
    {
      id: 'approve',
      label: l('Approve', 'منظور کریں'),
      from: ['forum'],
      to: 'approved',
      roles: ['approver'],
      decision: 'approved',
    },
    {
      id: 'defer',
      label: l('Defer', 'مؤخر کریں'),
      from: ['forum'],
      to: 'deferred',
      roles: ['approver'],
      commentRequired: true,
      decision: 'deferred',
    },
    {
      id: 'reject',
      label: l('Reject', 'مسترد کریں'),
      from: ['forum'],
      to: 'rejected',
      roles: ['approver'],
      commentRequired: true,
      decision: 'rejected',
    },
    {
      id: 'recommend-upward',
      label: l('Recommend to a higher forum', 'اعلیٰ فورم کو سفارش کریں'),
      from: ['forum'],
      to: 'recommended',
      roles: ['approver'],
      commentRequired: true,
      decision: 'recommended',
    },
  ],
};

/**
 * One reason a configuration cannot be used, with the state or action it concerns so an editor
 * can show it in place (the web app runs this same check for live feedback). `message` is the
 * English text the API answers with; `code` and the ids let a screen say it in any language.
 */
export interface WorkflowIssue {
  code:
    | 'duplicate-state'
    | 'duplicate-action'
    | 'initial-unknown'
    | 'initial-not-editable'
    | 'no-roles'
    | 'unknown-role'
    | 'no-from'
    | 'from-unknown'
    | 'from-final'
    | 'to-unknown'
    | 'unreachable'
    | 'dead-end'
    | 'no-final-reachable'
    | 'no-approval';
  message: string;
  state?: string;
  action?: string;
  role?: string;
}

/** Why a configuration cannot be used, each tied to what it concerns; empty when it is sound. */
export function workflowIssues(config: WorkflowConfig): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const add = (issue: WorkflowIssue) => issues.push(issue);
  const stateIds = config.states.map((s) => s.id);
  const states = new Set(stateIds);
  for (const id of stateIds.filter((id, i) => stateIds.indexOf(id) !== i)) {
    add({ code: 'duplicate-state', state: id, message: `state "${id}" is defined twice` });
  }
  const actionIds = config.actions.map((a) => a.id);
  for (const id of actionIds.filter((id, i) => actionIds.indexOf(id) !== i)) {
    add({ code: 'duplicate-action', action: id, message: `action "${id}" is defined twice` });
  }
  const initial = config.initial;
  if (!states.has(initial)) {
    add({ code: 'initial-unknown', state: initial, message: `the initial state "${initial}" is not a state` });
  } else if (!config.states.find((s) => s.id === initial)?.editable) {
    add({ code: 'initial-not-editable', state: initial, message: `the initial state "${initial}" must be editable` });
  }
  for (const a of config.actions) {
    const action = a.id;
    if (!a.roles.length) add({ code: 'no-roles', action, message: `action "${action}" has no role that may take it` });
    for (const role of a.roles) {
      if (!(ROLES as readonly string[]).includes(role)) {
        add({ code: 'unknown-role', action, role, message: `action "${action}": unknown role "${role}"` });
      }
    }
    if (!a.from.length) add({ code: 'no-from', action, message: `action "${action}" starts from no state` });
    for (const f of a.from) {
      if (!states.has(f)) {
        add({ code: 'from-unknown', action, state: f, message: `action "${action}" starts from unknown state "${f}"` });
      } else if (config.states.find((s) => s.id === f)?.final) {
        add({ code: 'from-final', action, state: f, message: `action "${action}" leaves the final state "${f}"` });
      }
    }
    if (!states.has(a.to)) {
      add({ code: 'to-unknown', action, state: a.to, message: `action "${action}" leads to unknown state "${a.to}"` });
    }
  }
  // Every state reachable from the initial one; every non-final state has a way out.
  const reached = new Set([initial]);
  for (let grew = true; grew;) {
    grew = false;
    for (const a of config.actions) {
      if (a.from.some((f) => reached.has(f)) && !reached.has(a.to) && states.has(a.to)) {
        reached.add(a.to);
        grew = true;
      }
    }
  }
  for (const s of config.states) {
    if (!reached.has(s.id)) {
      add({ code: 'unreachable', state: s.id, message: `state "${s.id}" cannot be reached from "${initial}"` });
    }
    if (!s.final && !config.actions.some((a) => a.from.includes(s.id))) {
      add({ code: 'dead-end', state: s.id, message: `state "${s.id}" is not final but no action leaves it` });
    }
  }
  if (!config.states.some((s) => s.final && reached.has(s.id))) {
    add({ code: 'no-final-reachable', message: 'no final state can be reached' });
  }
  if (!config.actions.some((a) => a.decision === 'approved' && reached.has(a.to))) {
    add({ code: 'no-approval', message: 'no action approves a document' });
  }
  return issues;
}

/** Why a configuration cannot be used, in words; empty when it is sound. */
export function workflowProblems(config: WorkflowConfig): string[] {
  return workflowIssues(config).map((issue) => issue.message);
}
