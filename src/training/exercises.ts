import type { Localized } from '../forms/definition';
import type { WorkflowAction, WorkflowConfig, WorkflowState } from '../workflow/workflow-config';

/** What a trainee did, from the sandbox's audit log. */
export interface TraineeAction {
  action: string;
  /** The document, project … the action was on. */
  targetId?: string | null;
  details: Record<string, unknown>;
}

/** A task for one role, done when the trainee's own actions in the audit log show it. */
export interface Exercise {
  id: string;
  role: string;
  label: Localized;
  done(actions: readonly TraineeAction[], workflow: WorkflowSteps): boolean;
}

/**
 * A trainee's transitions read in the terms of the sandbox's own workflow (the one in force): a
 * province that calls its actions differently ("sanction" for "approve", "lodge" for "submit") or
 * has other stages still gets its exercises checked. What counts is what an action does: where it
 * starts and leads (the initial state, editable states, final ones) and the forum decision it records.
 */
export class WorkflowSteps {
  private readonly states: Map<string, WorkflowState>;
  private readonly actions: Map<string, WorkflowAction>;

  constructor(private readonly config: WorkflowConfig) {
    this.states = new Map(config.states.map((s) => [s.id, s]));
    this.actions = new Map(config.actions.map((a) => [a.id, a]));
  }

  /** The transition's from → to and its action's definition; null for anything but a transition. */
  private step(a: TraineeAction): { from: string; to: string; action?: WorkflowAction } | null {
    if (a.action !== 'document.transition') return null;
    const { action, from, to } = a.details;
    if (typeof action !== 'string' || typeof from !== 'string' || typeof to !== 'string') return null;
    return { from, to, action: this.actions.get(action) };
  }

  private editable = (state: string) => this.states.get(state)?.editable === true;
  private final = (state: string) => this.states.get(state)?.final === true;

  /** Sent on from the initial state (a draft) into review. */
  isSubmission(a: TraineeAction): boolean {
    const s = this.step(a);
    return !!s && s.from === this.config.initial && !this.editable(s.to);
  }

  /** Sent on again from an editable state other than the initial one (returned for rectification). */
  isResubmission(a: TraineeAction): boolean {
    const s = this.step(a);
    return !!s && s.from !== this.config.initial && this.editable(s.from) && !this.editable(s.to);
  }

  /** Sent back to the preparer: the "returned" decision, or any action into an editable state. */
  isReturn(a: TraineeAction): boolean {
    const s = this.step(a);
    if (!s) return false;
    return s.action?.decision === 'returned' || (!this.editable(s.from) && this.editable(s.to));
  }

  /** Moved on through review: no decision, from one review stage to the next (not back, not final). */
  isForward(a: TraineeAction): boolean {
    const s = this.step(a);
    return (
      !!s &&
      !s.action?.decision &&
      !this.editable(s.from) &&
      !this.editable(s.to) &&
      !this.final(s.to) &&
      s.from !== s.to
    );
  }

  /** Recorded the forum's decision of this kind. */
  isDecision(a: TraineeAction, decision: NonNullable<WorkflowAction['decision']>): boolean {
    return this.step(a)?.action?.decision === decision;
  }

  /** Two forward steps one after the other on the same document: reviewed, then sent on. */
  forwardedTwice(actions: readonly TraineeAction[]): boolean {
    const forwards = actions.filter((a) => this.isForward(a));
    return forwards.some((first, i) =>
      forwards.slice(i + 1).some((next) => next.targetId === first.targetId && next.details.from === first.details.to),
    );
  }
}

const has = (actions: readonly TraineeAction[], name: string) => actions.some((a) => a.action === name);

/** The exercises per role; each is read through the sandbox's workflow (WorkflowSteps). */
export const EXERCISES: readonly Exercise[] = [
  {
    id: 'prepare-and-submit',
    role: 'preparer',
    label: {
      en: 'Prepare a PC-I for a road in your district and submit it',
      ur: 'اپنے ضلع میں سڑک کا پی سی-ون تیار کر کے جمع کرائیں',
    },
    done: (actions, w) => has(actions, 'project.created') && actions.some((a) => w.isSubmission(a)),
  },
  {
    id: 'rectify-returned',
    role: 'preparer',
    label: {
      en: 'Correct a PC-I returned for rectification and submit it again',
      ur: 'درستی کے لیے واپس آیا پی سی-ون درست کر کے دوبارہ جمع کرائیں',
    },
    done: (actions, w) => has(actions, 'document.saved') && actions.some((a) => w.isResubmission(a)),
  },
  {
    id: 'return-with-comment',
    role: 'reviewer',
    label: {
      en: 'Return a PC-I for rectification with a comment',
      ur: 'تبصرے کے ساتھ پی سی-ون درستی کے لیے واپس کریں',
    },
    done: (actions, w) => actions.some((a) => w.isReturn(a)),
  },
  {
    id: 'forward-to-pnd',
    role: 'reviewer',
    label: {
      en: 'Review a submitted PC-I and forward it to P&D',
      ur: 'جمع شدہ پی سی-ون کا جائزہ لے کر پی اینڈ ڈی کو بھیجیں',
    },
    done: (actions, w) => w.forwardedTwice(actions),
  },
  {
    id: 'record-approval',
    role: 'approver',
    label: { en: "Record the PDWP's approval of a PC-I", ur: 'پی ڈی ڈبلیو پی کی منظوری درج کریں' },
    done: (actions, w) => actions.some((a) => w.isDecision(a, 'approved')),
  },
  {
    id: 'record-deferral',
    role: 'approver',
    label: { en: 'Record a deferral by the forum, with its reason', ur: 'فورم کا التوا وجہ کے ساتھ درج کریں' },
    done: (actions, w) => actions.some((a) => w.isDecision(a, 'deferred')),
  },
];

export function exercisesFor(role: string): readonly Exercise[] {
  return EXERCISES.filter((e) => e.role === role);
}
