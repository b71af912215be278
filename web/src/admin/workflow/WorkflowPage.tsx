import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { WorkflowConfig } from '../../../../src/workflow/workflow-config';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { saveWorkflow, useWorkflowInForce, VERSIONS_KEY } from './workflow-api';
import { actionIssues, EditorProblem, stateIssues } from './workflow-graph';
import { draftProblems, Selection, useProblemText, withoutState } from './workflow-words';
import { WorkflowDiagram } from './WorkflowDiagram';
import { WorkflowHistory } from './WorkflowHistory';
import { ActionPanel, AddActionModal, AddStateModal, StatePanel } from './WorkflowPanels';
import { StatesTable, TransitionsTable } from './WorkflowTables';

/*
 * /admin/workflow — the province's workflow as a diagram, edited in place: add or relabel a
 * state, add or remove an action, choose who may take it. The API's own checker
 * (src/workflow/workflow-config.ts) runs on every change, so unreachable states, dead ends and
 * actions without roles show on the box or arrow concerned before saving; what only the server
 * knows (documents in a state the change drops, a newer version saved meanwhile) shows on save.
 */

/** Who edits the workflow: those who change the province's settings. */
export const WORKFLOW_PERMISSION = 'settings.manage' as const;

export default function WorkflowPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('workflowEditor.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1400} data-testid="workflow-page">
      <Title order={1}>{t('workflowEditor.title')}</Title>
      {session.can(WORKFLOW_PERMISSION) ? (
        <WorkflowAdmin />
      ) : (
        <Alert color="gray" role="alert">
          {t('workflowEditor.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function WorkflowAdmin() {
  const { t } = useI18n();
  const workflow = useWorkflowInForce();
  const [tab, setTab] = useState<string | null>('editor');
  /** An older version taken from the history as the starting point of an edit. */
  const [start, setStart] = useState<{ config: WorkflowConfig; version: number } | null>(null);
  return (
    <QueryState query={workflow}>
      {() => (
        <Stack gap="md">
          <Text size="sm">{t('workflowEditor.intro')}</Text>
          <Group gap="xs">
            <Badge
              color="green"
              variant="light"
              size="lg"
              style={{ textTransform: 'none' }}
              data-testid="wf-version-in-force"
            >
              {t('workflowEditor.versionInForce')} <Ltr>{workflow.data!.version}</Ltr>
            </Badge>
          </Group>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="editor">{t('workflowEditor.tab.editor')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('workflowEditor.tab.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="editor" pt="md">
              <WorkflowEditor
                key={`${workflow.data!.version}:${start?.version ?? ''}`}
                inForce={workflow.data!}
                start={start}
                onSaved={() => setStart(null)}
              />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <WorkflowHistory
                onEditFrom={(config, version) => {
                  setStart({ config, version });
                  setTab('editor');
                }}
              />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}

function WorkflowEditor({
  inForce,
  start,
  onSaved,
}: {
  inForce: { version: number; config: WorkflowConfig };
  start: { config: WorkflowConfig; version: number } | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<WorkflowConfig>(() => structuredClone(start?.config ?? inForce.config));
  const [selection, setSelection] = useState<Selection | null>(null);
  const [notes, setNotes] = useState(start ? t('workflowEditor.restoredNotes', { version: start.version }) : '');
  const [adding, setAdding] = useState<'state' | 'action' | null>(null);
  const [serverProblems, setServerProblems] = useState<EditorProblem[]>([]);
  const local = useMemo(() => draftProblems(draft), [draft]);
  const problems = [...local, ...serverProblems.filter((p) => !local.some((l) => l.message === p.message))];
  const problemText = useProblemText(draft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(inForce.config);

  const save = useMutation({
    mutationFn: () => saveWorkflow(draft, notes, inForce.version),
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t('workflowEditor.saved', { version: saved.version }) });
      onSaved();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['workflow'] }),
        queryClient.invalidateQueries({ queryKey: VERSIONS_KEY }),
      ]);
    },
    onError: (error) => {
      const body = error instanceof ApiError ? (error.body as { problems?: EditorProblem[] } | null) : null;
      const found = body?.problems;
      setServerProblems(Array.isArray(found) ? found : []);
    },
  });

  const change = (next: WorkflowConfig) => {
    setDraft(next);
    setServerProblems([]);
    save.reset();
  };
  const selectedState = selection?.kind === 'state' ? draft.states.find((s) => s.id === selection.id) : undefined;
  const selectedAction = selection?.kind === 'action' ? draft.actions.find((a) => a.id === selection.id) : undefined;
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const refusedWithProblems = save.error instanceof ApiError && serverProblems.length > 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Button variant="light" onClick={() => setAdding('state')}>
            {t('workflowEditor.addState')}
          </Button>
          <Button variant="light" onClick={() => setAdding('action')}>
            {t('workflowEditor.addAction')}
          </Button>
          <Button
            variant="default"
            disabled={!dirty}
            onClick={() => {
              change(structuredClone(inForce.config));
              setSelection(null);
            }}
          >
            {t('workflowEditor.discard')}
          </Button>
        </Group>
        <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} data-testid="wf-dirty">
          {dirty ? t('workflowEditor.unsaved') : t('workflowEditor.noChanges')}
        </Text>
      </Group>
      {start ? <Alert color="blue">{t('workflowEditor.editingFrom', { version: start.version })}</Alert> : null}
      {problems.length ? (
        <Alert
          color="red"
          title={t('workflowEditor.problemsTitle', { count: problems.length })}
          data-testid="wf-problems"
          role="status"
        >
          <List size="sm">
            {problems.map((p, i) => (
              <List.Item key={i}>
                {p.state || p.action ? (
                  <UnstyledButton
                    td="underline"
                    fz="sm"
                    onClick={() =>
                      setSelection(p.action ? { kind: 'action', id: p.action } : { kind: 'state', id: p.state! })
                    }
                  >
                    {problemText(p)}
                  </UnstyledButton>
                ) : (
                  problemText(p)
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <WorkflowDiagram config={draft} problems={problems} selection={selection} onSelect={setSelection} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Paper withBorder p="md" radius="md">
            {selectedState ? (
              <StatePanel
                key={selectedState.id}
                config={draft}
                state={selectedState}
                problems={stateIssues(problems, selectedState.id)}
                onChange={(state) =>
                  change({ ...draft, states: draft.states.map((s) => (s.id === state.id ? state : s)) })
                }
                onRemove={() => {
                  change(withoutState(draft, selectedState.id));
                  setSelection(null);
                }}
                onMakeInitial={() => change({ ...draft, initial: selectedState.id })}
              />
            ) : selectedAction ? (
              <ActionPanel
                key={selectedAction.id}
                config={draft}
                action={selectedAction}
                problems={actionIssues(problems, selectedAction.id)}
                onChange={(action) =>
                  change({ ...draft, actions: draft.actions.map((a) => (a.id === action.id ? action : a)) })
                }
                onRemove={() => {
                  change({ ...draft, actions: draft.actions.filter((a) => a.id !== selectedAction.id) });
                  setSelection(null);
                }}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('workflowEditor.selectHint')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="wf-save-heading">
        <Title order={2} size="h4" id="wf-save-heading" mb="xs">
          {t('workflowEditor.saveTitle')}
        </Title>
        <Stack gap="sm">
          <Textarea
            label={t('workflowEditor.notes')}
            description={t('workflowEditor.notesHelp')}
            value={notes}
            maxLength={2000}
            autosize
            minRows={2}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {save.error && !refusedWithProblems ? (
            <Alert color="red" role="alert" title={t('workflowEditor.saveFailed')}>
              <Stack gap="xs" align="flex-start">
                <span>{stale ? t('workflowEditor.stale') : errorText(save.error)}</span>
                {stale ? (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => queryClient.invalidateQueries({ queryKey: ['workflow'] })}
                  >
                    {t('workflowEditor.reload')}
                  </Button>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          {refusedWithProblems ? (
            <Alert color="red" role="alert" title={t('workflowEditor.saveFailed')}>
              {t('workflowEditor.refused')}
            </Alert>
          ) : null}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {problems.length ? t('workflowEditor.fixFirst') : dirty ? t('workflowEditor.saveHint') : ''}
            </Text>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty || local.length > 0}>
              {t('workflowEditor.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Title order={2} size="h3">
        {t('workflowEditor.inWords')}
      </Title>
      <StatesTable config={draft} problems={problems} onSelect={setSelection} />
      <TransitionsTable config={draft} problems={problems} onSelect={setSelection} />
      <AddStateModal
        config={draft}
        opened={adding === 'state'}
        onClose={() => setAdding(null)}
        onAdd={(state) => {
          change({ ...draft, states: [...draft.states, state] });
          setSelection({ kind: 'state', id: state.id });
        }}
      />
      <AddActionModal
        config={draft}
        opened={adding === 'action'}
        onClose={() => setAdding(null)}
        onAdd={(action) => {
          change({ ...draft, actions: [...draft.actions, action] });
          setSelection({ kind: 'action', id: action.id });
        }}
      />
    </Stack>
  );
}
