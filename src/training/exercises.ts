import type { Localized } from '../forms/definition';

/** What a trainee did, from the sandbox's audit log. */
export interface TraineeAction {
  action: string;
  details: Record<string, unknown>;
}

/** A task for one role, done when the trainee's own actions in the audit log show every part of it. */
export interface Exercise {
  id: string;
  role: string;
  label: Localized;
  /** Each condition must be met by at least one of the trainee's actions. */
  needs: Array<(a: TraineeAction) => boolean>;
}

const transition = (action: string, from?: string) => (a: TraineeAction) =>
  a.action === 'document.transition' && a.details.action === action && (!from || a.details.from === from);

/** The exercises per role of the default workflow's actions (src/workflow/workflow-config.ts). */
export const EXERCISES: readonly Exercise[] = [
  {
    id: 'prepare-and-submit',
    role: 'preparer',
    label: {
      en: 'Prepare a PC-I for a road in your district and submit it',
      ur: 'اپنے ضلع میں سڑک کا پی سی-ون تیار کر کے جمع کرائیں',
    },
    needs: [(a) => a.action === 'project.created', transition('submit', 'draft')],
  },
  {
    id: 'rectify-returned',
    role: 'preparer',
    label: {
      en: 'Correct a PC-I returned for rectification and submit it again',
      ur: 'درستی کے لیے واپس آیا پی سی-ون درست کر کے دوبارہ جمع کرائیں',
    },
    needs: [(a) => a.action === 'document.saved', transition('submit', 'returned')],
  },
  {
    id: 'return-with-comment',
    role: 'reviewer',
    label: {
      en: 'Return a PC-I for rectification with a comment',
      ur: 'تبصرے کے ساتھ پی سی-ون درستی کے لیے واپس کریں',
    },
    needs: [transition('return')],
  },
  {
    id: 'forward-to-pnd',
    role: 'reviewer',
    label: {
      en: 'Review a submitted PC-I and forward it to P&D',
      ur: 'جمع شدہ پی سی-ون کا جائزہ لے کر پی اینڈ ڈی کو بھیجیں',
    },
    needs: [transition('start-review'), transition('forward-to-pnd')],
  },
  {
    id: 'record-approval',
    role: 'approver',
    label: { en: "Record the PDWP's approval of a PC-I", ur: 'پی ڈی ڈبلیو پی کی منظوری درج کریں' },
    needs: [transition('approve')],
  },
  {
    id: 'record-deferral',
    role: 'approver',
    label: { en: 'Record a deferral by the forum, with its reason', ur: 'فورم کا التوا وجہ کے ساتھ درج کریں' },
    needs: [transition('defer')],
  },
];

export function exercisesFor(role: string): readonly Exercise[] {
  return EXERCISES.filter((e) => e.role === role);
}

export function isDone(exercise: Exercise, actions: readonly TraineeAction[]): boolean {
  return exercise.needs.every((need) => actions.some(need));
}
