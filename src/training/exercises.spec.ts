import { DEFAULT_WORKFLOW, WorkflowConfig } from '../workflow/workflow-config';
import { EXERCISES, TraineeAction, WorkflowSteps } from './exercises';

/** The default workflow with every state and action given a province's own name. */
const STATE_NAMES: Record<string, string> = {
  draft: 'mussawada',
  submitted: 'lodged',
  'department-review': 'scrutiny-1',
  'pnd-scrutiny': 'scrutiny-2',
  forum: 'before-board',
  returned: 'sent-back',
  deferred: 'held-over',
  approved: 'sanctioned',
  rejected: 'turned-down',
  recommended: 'referred-up',
};
const ACTION_NAMES: Record<string, string> = {
  submit: 'lodge',
  'start-review': 'take-up',
  'forward-to-pnd': 'send-to-planning',
  'place-before-forum': 'table',
  return: 'send-back',
  approve: 'sanction',
  defer: 'hold-over',
  reject: 'turn-down',
  'recommend-upward': 'refer-up',
};
const RENAMED: WorkflowConfig = {
  initial: STATE_NAMES[DEFAULT_WORKFLOW.initial],
  states: DEFAULT_WORKFLOW.states.map((s) => ({ ...s, id: STATE_NAMES[s.id] })),
  actions: DEFAULT_WORKFLOW.actions.map((a) => ({
    ...a,
    id: ACTION_NAMES[a.id],
    from: a.from.map((f) => STATE_NAMES[f]),
    to: STATE_NAMES[a.to],
  })),
};

/** What the audit log holds for a transition taken under `config`, named by the default's ids. */
function transitionIn(config: 'default' | 'renamed') {
  return (action: string, from: string, document = 'doc-1'): TraineeAction => {
    const definition = DEFAULT_WORKFLOW.actions.find((a) => a.id === action)!;
    const name = (id: string, names: Record<string, string>) => (config === 'default' ? id : names[id]);
    return {
      action: 'document.transition',
      targetId: document,
      details: {
        action: name(action, ACTION_NAMES),
        from: name(from, STATE_NAMES),
        to: name(definition.to, STATE_NAMES),
      },
    };
  };
}

const other = (action: string): TraineeAction => ({ action, targetId: 'doc-1', details: {} });

function doneIn(config: 'default' | 'renamed', actions: TraineeAction[]): string[] {
  const steps = new WorkflowSteps(config === 'default' ? DEFAULT_WORKFLOW : RENAMED);
  return EXERCISES.filter((e) => e.done(actions, steps)).map((e) => e.id);
}

describe.each(['default', 'renamed'] as const)('exercises checked in a %s workflow', (config) => {
  const t = transitionIn(config);

  it('nothing is done before the trainee does anything', () => {
    expect(doneIn(config, [])).toEqual([]);
  });

  it('a preparer: a project created and submitted; then a returned one corrected and sent again', () => {
    const submitted = [other('project.created'), t('submit', 'draft')];
    expect(doneIn(config, submitted)).toEqual(['prepare-and-submit']);
    // Sent again without a correction saved is not the exercise; with one it is.
    expect(doneIn(config, [...submitted, t('submit', 'returned')])).toEqual(['prepare-and-submit']);
    expect(doneIn(config, [...submitted, other('document.saved'), t('submit', 'returned')])).toEqual([
      'prepare-and-submit',
      'rectify-returned',
    ]);
    // Submitting without having created a project does not count for the first.
    expect(doneIn(config, [t('submit', 'draft')])).toEqual([]);
  });

  it('a reviewer: returned with a comment; reviewed and forwarded, two steps on one document', () => {
    expect(doneIn(config, [t('return', 'department-review')])).toEqual(['return-with-comment']);
    expect(doneIn(config, [t('start-review', 'submitted')])).toEqual([]);
    // Two forward steps on different documents are not one review carried through.
    expect(
      doneIn(config, [t('start-review', 'submitted', 'doc-1'), t('forward-to-pnd', 'department-review', 'doc-2')]),
    ).toEqual([]);
    expect(doneIn(config, [t('start-review', 'submitted'), t('forward-to-pnd', 'department-review')])).toEqual([
      'forward-to-pnd',
    ]);
  });

  it("an approver: the forum's approval and its deferral, each only by its own decision", () => {
    expect(doneIn(config, [t('reject', 'forum'), t('recommend-upward', 'forum')])).toEqual([]);
    expect(doneIn(config, [t('approve', 'forum')])).toEqual(['record-approval']);
    expect(doneIn(config, [t('defer', 'forum')])).toEqual(['record-deferral']);
    // Placing before the forum moves a document on but records no decision.
    expect(doneIn(config, [t('place-before-forum', 'pnd-scrutiny')])).toEqual([]);
  });
});

it("a default-named action in a renamed province's log counts for nothing (it is not that province's action)", () => {
  const defaultNames = transitionIn('default');
  expect(doneIn('renamed', [defaultNames('approve', 'forum'), defaultNames('return', 'forum')])).toEqual([]);
});
