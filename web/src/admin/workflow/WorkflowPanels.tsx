import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { WorkflowAction, WorkflowConfig, WorkflowState } from '../../../../src/workflow/workflow-config';
import { Ltr } from '../../components/Ltr';
import { useI18n } from '../../i18n/i18n';
import type { EditorProblem } from './workflow-graph';
import {
  actionsLostWith,
  DECISIONS,
  LABEL_MAX,
  ROLES,
  useProblemText,
  useRoleName,
  WORKFLOW_ID,
} from './workflow-words';

/* The side panel (edit the selected state or action) and the two "add" dialogs. */

function useStateOptions(config: WorkflowConfig) {
  const { locale } = useI18n();
  return config.states.map((s) => ({ value: s.id, label: `${s.label[locale] || s.id} (${s.id})` }));
}

function useRoleOptions() {
  const roleName = useRoleName();
  return ROLES.map((r) => ({ value: r, label: roleName(r) }));
}

function Problems({ problems, config }: { problems: EditorProblem[]; config: WorkflowConfig }) {
  const { t } = useI18n();
  const text = useProblemText(config);
  if (!problems.length) return null;
  return (
    <Alert color="red" title={t('workflowEditor.panelProblems')} data-testid="wf-panel-problems">
      <List size="sm">
        {problems.map((p, i) => (
          <List.Item key={i}>{text(p)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

type Label = { en: string; ur: string };

function LabelInputs({ label, onChange }: { label: Label; onChange: (label: Label) => void }) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        label={t('workflowEditor.labelEn')}
        lang="en"
        dir="ltr"
        value={label.en}
        maxLength={LABEL_MAX}
        required
        error={label.en.trim() ? undefined : t('workflowEditor.labelRequired')}
        onChange={(e) => onChange({ ...label, en: e.currentTarget.value })}
      />
      <TextInput
        label={t('workflowEditor.labelUr')}
        lang="ur"
        dir="rtl"
        value={label.ur}
        maxLength={LABEL_MAX}
        required
        error={label.ur.trim() ? undefined : t('workflowEditor.labelRequired')}
        onChange={(e) => onChange({ ...label, ur: e.currentTarget.value })}
      />
    </>
  );
}

export function StatePanel({
  config,
  state,
  problems,
  onChange,
  onRemove,
  onMakeInitial,
}: {
  config: WorkflowConfig;
  state: WorkflowState;
  problems: EditorProblem[];
  onChange: (state: WorkflowState) => void;
  onRemove: () => void;
  onMakeInitial: () => void;
}) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const initial = config.initial === state.id;
  return (
    <Stack gap="sm" data-testid="wf-state-panel">
      <Title order={2} size="h4">
        {t('workflowEditor.stateTitle', { label: state.label[locale] || state.id })}
      </Title>
      <Text size="xs" c="dimmed">
        {t('workflowEditor.idLabel')}: <Ltr>{state.id}</Ltr>
      </Text>
      <Problems problems={problems} config={config} />
      <LabelInputs label={state.label} onChange={(label) => onChange({ ...state, label })} />
      <Switch
        label={t('workflowEditor.editable')}
        description={t('workflowEditor.editableHelp')}
        checked={state.editable}
        onChange={(e) => onChange({ ...state, editable: e.currentTarget.checked })}
      />
      <Switch
        label={t('workflowEditor.final')}
        description={t('workflowEditor.finalHelp')}
        checked={!!state.final}
        onChange={(e) => onChange({ ...state, final: e.currentTarget.checked || undefined })}
      />
      <Group gap="xs">
        {initial ? (
          <Text size="sm">{t('workflowEditor.isInitial')}</Text>
        ) : (
          <Button size="xs" variant="light" onClick={onMakeInitial}>
            {t('workflowEditor.makeInitial')}
          </Button>
        )}
        {initial ? null : (
          <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
            {t('workflowEditor.removeState')}
          </Button>
        )}
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('workflowEditor.removeStateTitle')}>
        <Stack>
          <Text size="sm">{t('workflowEditor.removeStateConfirm', { count: actionsLostWith(config, state.id) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirming(false);
                onRemove();
              }}
            >
              {t('workflowEditor.removeState')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function ActionPanel({
  config,
  action,
  problems,
  onChange,
  onRemove,
}: {
  config: WorkflowConfig;
  action: WorkflowAction;
  problems: EditorProblem[];
  onChange: (action: WorkflowAction) => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const stateOptions = useStateOptions(config);
  const roleOptions = useRoleOptions();
  const problemText = useProblemText(config);
  const roleProblem = problems.find((p) => p.code === 'no-roles' || p.code === 'unknown-role');
  const fromProblem = problems.find((p) => ['no-from', 'from-final', 'from-unknown'].includes(p.code));
  return (
    <Stack gap="sm" data-testid="wf-action-panel">
      <Title order={2} size="h4">
        {t('workflowEditor.actionTitle', { label: action.label[locale] || action.id })}
      </Title>
      <Text size="xs" c="dimmed">
        {t('workflowEditor.idLabel')}: <Ltr>{action.id}</Ltr>
      </Text>
      <Problems problems={problems} config={config} />
      <LabelInputs label={action.label} onChange={(label) => onChange({ ...action, label })} />
      <MultiSelect
        label={t('workflowEditor.from')}
        data={stateOptions}
        value={action.from}
        onChange={(from) => onChange({ ...action, from })}
        error={fromProblem ? problemText(fromProblem) : undefined}
      />
      <Select
        label={t('workflowEditor.to')}
        data={stateOptions}
        value={action.to}
        allowDeselect={false}
        onChange={(to) => to && onChange({ ...action, to })}
      />
      <MultiSelect
        label={t('workflowEditor.roles')}
        data={roleOptions}
        value={action.roles}
        onChange={(roles) => onChange({ ...action, roles: roles as WorkflowAction['roles'] })}
        error={roleProblem ? problemText(roleProblem) : undefined}
        data-testid="wf-action-roles"
      />
      <Checkbox
        label={t('workflowEditor.commentRequired')}
        checked={!!action.commentRequired}
        onChange={(e) => onChange({ ...action, commentRequired: e.currentTarget.checked || undefined })}
      />
      <Checkbox
        label={t('workflowEditor.attachmentRequired')}
        checked={!!action.attachmentRequired}
        onChange={(e) => onChange({ ...action, attachmentRequired: e.currentTarget.checked || undefined })}
      />
      <Checkbox
        label={t('workflowEditor.requiresValid')}
        checked={!!action.requiresValid}
        onChange={(e) => onChange({ ...action, requiresValid: e.currentTarget.checked || undefined })}
      />
      <Select
        label={t('workflowEditor.decision')}
        description={t('workflowEditor.decisionHelp')}
        data={[
          { value: 'none', label: t('workflowEditor.decision.none') },
          ...DECISIONS.map((d) => ({ value: d, label: t(`workflowEditor.decision.${d}`) })),
        ]}
        value={action.decision ?? 'none'}
        allowDeselect={false}
        onChange={(d) => {
          const decision = d && d !== 'none' ? (d as WorkflowAction['decision']) : undefined;
          onChange({ ...action, decision });
        }}
      />
      <Group>
        <Button size="xs" variant="light" color="red" onClick={onRemove}>
          {t('workflowEditor.removeAction')}
        </Button>
      </Group>
    </Stack>
  );
}

function useIdError(taken: readonly string[]) {
  const { t } = useI18n();
  return (id: string) => {
    if (!id) return t('workflowEditor.idRequired');
    if (!WORKFLOW_ID.test(id)) return t('workflowEditor.idPattern');
    if (taken.includes(id)) return t('workflowEditor.idTaken');
    return null;
  };
}

export function AddStateModal({
  config,
  opened,
  onClose,
  onAdd,
}: {
  config: WorkflowConfig;
  opened: boolean;
  onClose: () => void;
  onAdd: (state: WorkflowState) => void;
}) {
  const { t } = useI18n();
  const idError = useIdError(config.states.map((s) => s.id));
  const [id, setId] = useState('');
  const [label, setLabel] = useState({ en: '', ur: '' });
  const [editable, setEditable] = useState(false);
  const [final, setFinal] = useState(false);
  const [tried, setTried] = useState(false);
  const close = () => {
    setId('');
    setLabel({ en: '', ur: '' });
    setEditable(false);
    setFinal(false);
    setTried(false);
    onClose();
  };
  const add = () => {
    setTried(true);
    if (idError(id) || !label.en.trim() || !label.ur.trim()) return;
    onAdd({ id, label: { en: label.en.trim(), ur: label.ur.trim() }, editable, ...(final ? { final } : {}) });
    close();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('workflowEditor.addStateTitle')}>
      <Stack gap="sm">
        <TextInput
          label={t('workflowEditor.idLabel')}
          description={t('workflowEditor.idHelp')}
          dir="ltr"
          value={id}
          onChange={(e) => setId(e.currentTarget.value.trim())}
          error={tried ? idError(id) : undefined}
          data-autofocus
        />
        <LabelInputs label={label} onChange={setLabel} />
        <Switch
          label={t('workflowEditor.editable')}
          checked={editable}
          onChange={(e) => setEditable(e.currentTarget.checked)}
        />
        <Switch label={t('workflowEditor.final')} checked={final} onChange={(e) => setFinal(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={add}>{t('workflowEditor.addState')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AddActionModal({
  config,
  opened,
  onClose,
  onAdd,
}: {
  config: WorkflowConfig;
  opened: boolean;
  onClose: () => void;
  onAdd: (action: WorkflowAction) => void;
}) {
  const { t } = useI18n();
  const idError = useIdError(config.actions.map((a) => a.id));
  const stateOptions = useStateOptions(config);
  const roleOptions = useRoleOptions();
  const [id, setId] = useState('');
  const [label, setLabel] = useState({ en: '', ur: '' });
  const [from, setFrom] = useState<string[]>([]);
  const [to, setTo] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const close = () => {
    setId('');
    setLabel({ en: '', ur: '' });
    setFrom([]);
    setTo(null);
    setRoles([]);
    setTried(false);
    onClose();
  };
  const add = () => {
    setTried(true);
    if (idError(id) || !label.en.trim() || !label.ur.trim() || !from.length || !to) return;
    const roleList = roles as WorkflowAction['roles'];
    onAdd({ id, label: { en: label.en.trim(), ur: label.ur.trim() }, from, to, roles: roleList });
    close();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('workflowEditor.addActionTitle')} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('workflowEditor.idLabel')}
          description={t('workflowEditor.idHelp')}
          dir="ltr"
          value={id}
          onChange={(e) => setId(e.currentTarget.value.trim())}
          error={tried ? idError(id) : undefined}
          data-autofocus
        />
        <LabelInputs label={label} onChange={setLabel} />
        <MultiSelect
          label={t('workflowEditor.from')}
          data={stateOptions}
          value={from}
          onChange={setFrom}
          error={tried && !from.length ? t('workflowEditor.fromRequired') : undefined}
        />
        <Select
          label={t('workflowEditor.to')}
          data={stateOptions}
          value={to}
          onChange={setTo}
          error={tried && !to ? t('workflowEditor.toRequired') : undefined}
        />
        <MultiSelect label={t('workflowEditor.roles')} data={roleOptions} value={roles} onChange={setRoles} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={add}>{t('workflowEditor.addAction')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
