import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import {
  BaseEdge,
  Controls,
  Edge,
  EdgeLabelRenderer,
  EdgeProps,
  Handle,
  MarkerType,
  Node,
  NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './workflow-diagram.css';
import { useMemo } from 'react';
import type { WorkflowConfig, WorkflowState } from '../../../../src/workflow/workflow-config';
import { Ltr } from '../../components/Ltr';
import { useI18n } from '../../i18n/i18n';
import {
  actionIssues,
  EditorProblem,
  LaidOutEdge,
  layoutWorkflow,
  NODE_HEIGHT,
  NODE_WIDTH,
  stateIssues,
} from './workflow-graph';
import { Selection, useRoleName } from './workflow-words';

/*
 * The workflow drawn with React Flow: states as boxes, actions as labelled arrows with the roles
 * that may take them. Problems from the checker are drawn on the box or arrow they concern. The
 * picture stays left to right in Urdu too (its labels are in the chosen language); the tables
 * beside it are the text alternative and the keyboard way in.
 */

interface StateData extends Record<string, unknown> {
  state: WorkflowState;
  initial: boolean;
  problems: number;
  selected: boolean;
  onSelect: (selection: Selection) => void;
}

interface ActionData extends Record<string, unknown> {
  edge: LaidOutEdge;
  label: string;
  roles: string;
  problems: number;
  selected: boolean;
  onSelect: (selection: Selection) => void;
}

type StateNode = Node<StateData, 'state'>;
type ActionEdge = Edge<ActionData, 'action'>;

const PROBLEM = 'var(--mantine-color-red-7)';
const SELECTED = 'var(--mantine-color-blue-6)';

function StateBox({ data }: NodeProps<StateNode>) {
  const { t, locale } = useI18n();
  const { state, problems, selected } = data;
  const border = problems ? PROBLEM : selected ? SELECTED : 'var(--mantine-color-gray-5)';
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} style={{ opacity: 0 }} />
      <UnstyledButton
        onClick={() => data.onSelect({ kind: 'state', id: state.id })}
        data-testid={`wf-state-${state.id}`}
        data-problems={problems}
        aria-pressed={selected}
        style={{
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          border: `${problems || selected ? 2 : 1}px solid ${border}`,
          borderRadius: 8,
          padding: '4px 8px',
          background: state.final ? 'var(--mantine-color-green-0)' : 'white',
        }}
      >
        <Text size="sm" fw={600} lineClamp={1} lang={locale} dir="auto">
          {state.label[locale] || state.id}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed" ff="monospace" lineClamp={1}>
            <Ltr>{state.id}</Ltr>
          </Text>
          {data.initial ? (
            <Badge size="xs" variant="light">
              {t('workflowEditor.badge.initial')}
            </Badge>
          ) : null}
          {state.final ? (
            <Badge size="xs" variant="light" color="green">
              {t('workflowEditor.badge.final')}
            </Badge>
          ) : null}
          {problems ? (
            <Badge size="xs" color="red">
              {t('workflowEditor.problemCount', { count: problems })}
            </Badge>
          ) : null}
        </Group>
      </UnstyledButton>
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={{ opacity: 0 }} />
    </>
  );
}

/** Through dagre's points, rounding each bend (a quadratic curve to the middle of the next segment). */
function pathThrough(points: { x: number; y: number }[]): string {
  if (points.length < 2) return '';
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q ${points[i].x} ${points[i].y} ${mid.x} ${mid.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L ${last.x} ${last.y}`;
}

function ActionArrow({ id, data, markerEnd }: EdgeProps<ActionEdge>) {
  const { t, locale } = useI18n();
  if (!data) return null;
  const { edge, problems, selected } = data;
  const colour = problems ? PROBLEM : selected ? SELECTED : 'var(--mantine-color-gray-6)';
  return (
    <>
      <BaseEdge
        id={id}
        path={pathThrough(edge.points)}
        markerEnd={markerEnd}
        style={{ stroke: colour, strokeWidth: selected ? 2 : 1.3 }}
      />
      <EdgeLabelRenderer>
        <UnstyledButton
          className="nodrag nopan"
          onClick={() => data.onSelect({ kind: 'action', id: edge.action })}
          data-testid={`wf-action-${edge.action}-${edge.from}`}
          data-problems={problems}
          title={t('workflowEditor.editActionNamed', { action: data.label })}
          style={{
            position: 'absolute',
            transform: `translate(-50%, -50%) translate(${edge.labelX}px, ${edge.labelY}px)`,
            pointerEvents: 'all',
            maxWidth: 130,
            background: 'white',
            border: `${problems ? 2 : 1}px solid ${colour}`,
            borderRadius: 6,
            padding: '1px 6px',
            fontSize: 11,
            textAlign: 'center',
            // Nastaliq needs more height per line than Latin script.
            lineHeight: locale === 'ur' ? 1.7 : 1.25,
          }}
        >
          <div dir="auto" style={{ fontWeight: 600 }}>
            {data.label}
          </div>
          <div dir="auto" style={{ color: problems && !data.roles ? PROBLEM : 'var(--mantine-color-dimmed)' }}>
            {data.roles || t('workflowEditor.noRoles')}
          </div>
        </UnstyledButton>
      </EdgeLabelRenderer>
    </>
  );
}

const nodeTypes = { state: StateBox };
const edgeTypes = { action: ActionArrow };

export function WorkflowDiagram({
  config,
  problems,
  selection,
  onSelect,
}: {
  config: WorkflowConfig;
  problems: EditorProblem[];
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
}) {
  const { t, locale } = useI18n();
  const roleName = useRoleName();
  const layout = useMemo(() => layoutWorkflow(config), [config]);
  const nodes: StateNode[] = layout.states.map((p) => {
    const state = config.states.find((s) => s.id === p.id)!;
    return {
      id: p.id,
      type: 'state',
      position: { x: p.x, y: p.y },
      draggable: false,
      selectable: false,
      data: {
        state,
        initial: config.initial === p.id,
        problems: stateIssues(problems, p.id).length,
        selected: selection?.kind === 'state' && selection.id === p.id,
        onSelect,
      },
    };
  });
  const edges: ActionEdge[] = layout.edges.map((e) => {
    const action = config.actions.find((a) => a.id === e.action)!;
    const selected = selection?.kind === 'action' && selection.id === e.action;
    return {
      id: e.id,
      source: e.from,
      target: e.to,
      type: 'action',
      selectable: false,
      markerEnd: { type: MarkerType.ArrowClosed, color: selected ? SELECTED : undefined },
      data: {
        edge: e,
        label: action.label[locale] || action.id,
        roles: action.roles.map(roleName).join(', '),
        problems: actionIssues(problems, action.id).length,
        selected,
        onSelect,
      },
    };
  });
  // A new shape (a state or an arrow added or removed) is fitted to the frame again.
  const shape = `${layout.states.length}:${layout.edges.length}`;
  return (
    <div
      dir="ltr"
      role="region"
      aria-label={t('workflowEditor.diagramLabel')}
      data-testid="workflow-diagram"
      style={{ height: 620, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
    >
      <ReactFlow
        key={shape}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={{ padding: 0.12 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
