import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_DIR } from '../config/paths';
import type { ScenarioActor, ScenarioProjectPlan, ScenarioStep } from '../projects/scenario-documents.service';
import type { Role } from '../tenancy/permissions';
import type { WorkflowConfig } from '../workflow/workflow-config';

type Data = Record<string, unknown>;

/** The scenario's example PC-Is (config/training): a road and a school, filled as a department would. */
const TEMPLATES = ['pc1-infrastructure', 'pc1-social'] as const;

/**
 * How many projects rest in each kind of situation on top of one per workflow state: what trainees
 * meet most at work (drafts to fix, returns to answer, files waiting for review, approvals with
 * reports overdue). About 20 projects with the default workflow.
 */
const EXTRA = { draftsWithErrors: 2, returned: 1, waiting: 4, approvedOverdue: 2 };

/** Approved this many months ago: its monthly PC-III(B) reports since then are overdue. */
const APPROVED_MONTHS_AGO = [5, 7, 9];

export const RETURN_COMMENTS = [
  'Phasing for 2026-27 does not add up to the total cost; please correct item 7 and resubmit.',
  'The feasibility study is missing its environmental section; attach the full study.',
];

/** Where the scenario takes its names and places from: the sandbox's own master data and departments. */
export interface ScenarioContext {
  districts: { code: string; name: string }[];
  departments: { id: string; code: string }[];
  actors: Record<'preparer' | 'reviewer' | 'approver', ScenarioActor>;
  /** The forum of the province's rules that approves a project of this size, if any. */
  forum: string | null;
  /** Today in the province (YYYY-MM-DD). */
  today: string;
}

/**
 * The shortest history of workflow actions that leads from the initial state to each state,
 * found on the province's own workflow (which may differ from the default).
 */
export function historiesTo(config: WorkflowConfig): Map<string, WorkflowConfig['actions']> {
  const paths = new Map<string, WorkflowConfig['actions']>([[config.initial, []]]);
  const queue = [config.initial];
  while (queue.length) {
    const state = queue.shift()!;
    for (const action of config.actions) {
      if (!action.from.includes(state) || paths.has(action.to)) continue;
      paths.set(action.to, [...paths.get(state)!, action]);
      queue.push(action.to);
    }
  }
  return paths;
}

function loadTemplate(key: string): Data {
  return JSON.parse(readFileSync(path.join(CONFIG_DIR, 'training', `${key}.json`), 'utf8')) as Data;
}

/** The scenario set for a province's workflow: one project per reachable state, and the extras. */
export function scenarioPlans(config: WorkflowConfig, ctx: ScenarioContext): ScenarioProjectPlan[] {
  const histories = historiesTo(config);
  const templates = TEMPLATES.map((key) => ({ key, data: loadTemplate(key) }));
  const approving = config.actions.find((a) => a.decision === 'approved');
  const returning = config.actions.find((a) => a.decision === 'returned');
  const reviewState = config.actions.find((a) => a.requiresValid)?.to;
  const wanted: { state: string; kind: 'state' | 'draft-errors' | 'approved-overdue' }[] = [];
  for (const state of config.states) if (histories.has(state.id)) wanted.push({ state: state.id, kind: 'state' });
  for (let i = 0; i < EXTRA.draftsWithErrors; i++) wanted.push({ state: config.initial, kind: 'draft-errors' });
  if (returning) for (let i = 0; i < EXTRA.returned; i++) wanted.push({ state: returning.to, kind: 'state' });
  if (reviewState) for (let i = 0; i < EXTRA.waiting; i++) wanted.push({ state: reviewState, kind: 'state' });
  if (approving)
    for (let i = 0; i < EXTRA.approvedOverdue; i++) wanted.push({ state: approving.to, kind: 'approved-overdue' });

  let approvals = 0;
  return wanted.map(({ state, kind }, n) => {
    const template = templates[n % templates.length];
    const district = ctx.districts[n % Math.max(ctx.districts.length, 1)];
    const department = ctx.departments[n % Math.max(ctx.departments.length, 1)];
    const title = `${n % 2 ? 'School' : 'Road'} ${n + 1}: ${district?.name ?? 'province-wide'} (training)`;
    const history: ScenarioStep[] = (histories.get(state) ?? []).map((action, i) => ({
      action: action.id,
      from: i === 0 ? config.initial : histories.get(state)![i - 1].to,
      to: action.to,
      comment: action.commentRequired ? RETURN_COMMENTS[i % RETURN_COMMENTS.length] : null,
      actor: ctx.actors[actorRole(action.roles)],
    }));
    const data = kind === 'draft-errors' ? draftWithErrors(title) : filled(template.data, title, district, department);
    const approved = approving && history.at(-1)?.action === approving.id;
    return {
      title,
      formKey: template.key,
      departmentId: department?.id ?? null,
      sector: null,
      districts: district ? [district.code] : [],
      data,
      author: ctx.actors.preparer,
      history,
      ...(approved
        ? {
            approval: {
              on: monthsBefore(ctx.today, APPROVED_MONTHS_AGO[approvals++ % APPROVED_MONTHS_AGO.length]),
              forum: ctx.forum,
            },
          }
        : {}),
    };
  });
}

function actorRole(roles: readonly Role[]): 'preparer' | 'reviewer' | 'approver' {
  for (const r of ['preparer', 'reviewer', 'approver'] as const) if (roles.includes(r)) return r;
  return 'reviewer';
}

/** The template, retitled and placed in one of the province's districts and departments. */
function filled(template: Data, title: string, district?: { code: string }, department?: { code: string }): Data {
  const data = structuredClone(template) as Record<string, Record<string, unknown>>;
  data.name = { ...data.name, title };
  if (district && data.location) data.location = { ...data.location, districts: [district.code], tehsils: [] };
  if (department && data.cover) data.cover = { ...data.cover, sponsoringDepartment: department.code };
  return data;
}

/** A draft begun and left: a title and little else, so the form lists what is missing. */
function draftWithErrors(title: string): Data {
  return { name: { title }, cover: { totalCost: 'about 300 million' } };
}

function monthsBefore(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-15`;
}
