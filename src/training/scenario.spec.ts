import { DEFAULT_WORKFLOW, WorkflowConfig } from '../workflow/workflow-config';
import { historiesTo, scenarioPlans } from './scenario';
import { parseTrainees } from './trainee-csv';

const actor = (role: string) => ({
  id: `00000000-0000-4000-8000-00000000000${role.length}`,
  email: `${role}@x.invalid`,
});
const ctx = {
  districts: [{ code: 'hunza', name: 'Hunza' }],
  departments: [{ id: 'd1', code: 'PWD' }],
  actors: { preparer: actor('preparer'), reviewer: actor('reviewer'), approver: actor('approver') },
  forum: 'PDWP',
  today: '2026-12-01',
};

describe('the scenario set', () => {
  it('reaches every state of the default workflow by a history of its own actions', () => {
    const histories = historiesTo(DEFAULT_WORKFLOW);
    expect([...histories.keys()].sort()).toEqual(DEFAULT_WORKFLOW.states.map((s) => s.id).sort());
    expect(histories.get('approved')!.map((a) => a.id)).toEqual([
      'submit',
      'start-review',
      'forward-to-pnd',
      'place-before-forum',
      'approve',
    ]);
  });

  it("follows a province's own workflow: a state no action reaches gets no project", () => {
    const custom: WorkflowConfig = {
      ...DEFAULT_WORKFLOW,
      states: [
        ...DEFAULT_WORKFLOW.states,
        { id: 'archived', label: { en: 'Archived', ur: 'محفوظ شدہ' }, editable: false },
      ],
    };
    const states = new Set(scenarioPlans(custom, ctx).map((p) => p.history.at(-1)?.to ?? custom.initial));
    expect(states.has('archived')).toBe(false);
    expect(states.size).toBe(DEFAULT_WORKFLOW.states.length);
  });

  it('returns carry comments, approvals a past date and forum, drafts with errors little data', () => {
    const plans = scenarioPlans(DEFAULT_WORKFLOW, ctx);
    expect(plans.length).toBe(19);
    const returns = plans.flatMap((p) => p.history.filter((s) => s.action === 'return'));
    expect(returns.length).toBeGreaterThanOrEqual(2);
    for (const r of returns) expect(r.comment?.length).toBeGreaterThan(10);
    const approved = plans.filter((p) => p.approval);
    expect(approved.length).toBe(3);
    for (const p of approved) expect(p.approval!.on < '2026-08-01' && p.approval!.forum === 'PDWP').toBe(true);
    expect(plans.filter((p) => p.history.length === 0 && Object.keys(p.data).length === 2).length).toBe(2);
    // Placed in the province's own district and department.
    expect(plans.every((p) => p.districts[0] === 'hunza' && p.departmentId === 'd1')).toBe(true);
  });
});

describe('the trainee CSV', () => {
  it('reads columns in any order and names each bad line', () => {
    const ok = parseTrainees('email,role,name,department\nA@X.PK,Preparer,Amina,PWD\n');
    expect(ok).toEqual({
      problems: [],
      trainees: [{ line: 2, name: 'Amina', email: 'a@x.pk', role: 'preparer', department: 'PWD' }],
    });
    const bad = parseTrainees('name,email,role\n,b@x.pk,viewer\nC,b@x.pk,tenant_admin\n');
    expect(bad.problems).toEqual([
      'line 2: name is required (at most 200 characters)',
      'line 3: email b@x.pk appears twice',
      'line 3: role "tenant_admin" must be one of preparer, reviewer, approver, viewer',
    ]);
    expect(parseTrainees('name,email\n"unterminated').problems[0]).toMatch(/^csv: /);
    expect(parseTrainees('name,email,role,department\n').problems[0]).toMatch(/^csv: no trainees/);
  });
});
