import dagre from '@dagrejs/dagre';
import type { WorkflowConfig, WorkflowIssue } from '../../../../src/workflow/workflow-config';

/** A problem: the shared checker's, the server's (documents in a dropped state), or an empty label. */
export type EditorProblem = Omit<WorkflowIssue, 'code'> & {
  code: WorkflowIssue['code'] | 'state-in-use' | 'label-missing';
};

/*
 * The diagram's geometry: states as boxes, one edge per (action, state it starts from), laid out
 * top to bottom by dagre with room for each edge's label. Nodes are not dragged: the layout is
 * recomputed from the configuration on every change, so the picture always matches the data.
 */

export const NODE_WIDTH = 160;
export const NODE_HEIGHT = 56;
const LABEL_WIDTH = 130;
const LABEL_HEIGHT = 34;
const GAPS = { nodesep: 24, edgesep: 12, ranksep: 30, marginx: 12, marginy: 12 } as const;

export interface LaidOutState {
  id: string;
  x: number;
  y: number;
}

export interface LaidOutEdge {
  /** `${action}:${from}`: one edge per state the action starts from. */
  id: string;
  action: string;
  from: string;
  to: string;
  points: { x: number; y: number }[];
  labelX: number;
  labelY: number;
}

export interface Layout {
  states: LaidOutState[];
  edges: LaidOutEdge[];
}

export const edgeId = (action: string, from: string) => `${action}:${from}`;

/** Where the states and actions go: top-left corners for states, a polyline and a label centre for edges. */
export function layoutWorkflow(config: WorkflowConfig): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', ...GAPS });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set(config.states.map((s) => s.id));
  for (const s of config.states) g.setNode(s.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const drawn: { id: string; action: string; from: string; to: string }[] = [];
  for (const a of config.actions) {
    if (!known.has(a.to)) continue;
    for (const from of new Set(a.from)) {
      if (!known.has(from)) continue;
      const id = edgeId(a.id, from);
      drawn.push({ id, action: a.id, from, to: a.to });
      g.setEdge(from, a.to, { width: LABEL_WIDTH, height: LABEL_HEIGHT, labelpos: 'c' }, id);
    }
  }
  dagre.layout(g);
  return {
    states: config.states.map((s) => {
      const n = g.node(s.id);
      return { id: s.id, x: (n.x ?? 0) - NODE_WIDTH / 2, y: (n.y ?? 0) - NODE_HEIGHT / 2 };
    }),
    edges: drawn.map((e) => {
      const label = g.edge({ v: e.from, w: e.to, name: e.id });
      const points = label.points ?? [];
      const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
      return { ...e, points, labelX: label.x ?? middle.x, labelY: label.y ?? middle.y };
    }),
  };
}

/** The problems that concern a state (shown on its box). */
export function stateIssues(issues: readonly EditorProblem[], state: string): EditorProblem[] {
  return issues.filter((i) => i.state === state && !i.action);
}

/** The problems that concern an action (shown on its edges' labels). */
export function actionIssues(issues: readonly EditorProblem[], action: string): EditorProblem[] {
  return issues.filter((i) => i.action === action);
}
