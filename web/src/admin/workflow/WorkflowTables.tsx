import { Badge, Button, Table, Text } from '@mantine/core';
import type { WorkflowConfig } from '../../../../src/workflow/workflow-config';
import { Ltr } from '../../components/Ltr';
import { useI18n } from '../../i18n/i18n';
import { actionIssues, EditorProblem, stateIssues } from './workflow-graph';
import { Selection, useRoleName } from './workflow-words';

/*
 * The diagram in words: its states and its transitions as tables, for screen readers and for
 * the keyboard (each row's button selects it for editing, as a click on the diagram does).
 */

export function StatesTable({
  config,
  problems,
  onSelect,
}: {
  config: WorkflowConfig;
  problems: EditorProblem[];
  onSelect?: (selection: Selection) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped withTableBorder data-testid="wf-states-table">
        <Table.Caption>{t('workflowEditor.statesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workflowEditor.col.state')}</Table.Th>
            <Table.Th>{t('workflowEditor.idLabel')}</Table.Th>
            <Table.Th>{t('workflowEditor.col.kind')}</Table.Th>
            <Table.Th>{t('workflowEditor.col.problems')}</Table.Th>
            {onSelect ? (
              <Table.Th>
                <span className="visually-hidden">{t('workflowEditor.col.edit')}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {config.states.map((s) => {
            const count = stateIssues(problems, s.id).length;
            return (
              <Table.Tr key={s.id}>
                <Table.Td>{s.label[locale] || s.id}</Table.Td>
                <Table.Td>
                  <Ltr>{s.id}</Ltr>
                </Table.Td>
                <Table.Td>
                  {[
                    config.initial === s.id ? t('workflowEditor.badge.initial') : null,
                    s.final ? t('workflowEditor.badge.final') : null,
                    s.editable ? t('workflowEditor.badge.editable') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Table.Td>
                <Table.Td>
                  {count ? <Badge color="red">{t('workflowEditor.problemCount', { count })}</Badge> : null}
                </Table.Td>
                {onSelect ? (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => onSelect({ kind: 'state', id: s.id })}
                      aria-label={t('workflowEditor.editStateNamed', { state: s.label[locale] || s.id })}
                    >
                      {t('workflowEditor.col.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TransitionsTable({
  config,
  problems,
  onSelect,
}: {
  config: WorkflowConfig;
  problems: EditorProblem[];
  onSelect?: (selection: Selection) => void;
}) {
  const { t, locale } = useI18n();
  const roleName = useRoleName();
  const stateName = (id: string) => config.states.find((s) => s.id === id)?.label[locale] || id;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder data-testid="wf-transitions-table">
        <Table.Caption>{t('workflowEditor.transitionsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workflowEditor.col.action')}</Table.Th>
            <Table.Th>{t('workflowEditor.from')}</Table.Th>
            <Table.Th>{t('workflowEditor.to')}</Table.Th>
            <Table.Th>{t('workflowEditor.roles')}</Table.Th>
            <Table.Th>{t('workflowEditor.col.conditions')}</Table.Th>
            <Table.Th>{t('workflowEditor.col.problems')}</Table.Th>
            {onSelect ? (
              <Table.Th>
                <span className="visually-hidden">{t('workflowEditor.col.edit')}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {config.actions.map((a) => {
            const count = actionIssues(problems, a.id).length;
            const conditions = [
              a.commentRequired ? t('workflowEditor.commentRequired') : null,
              a.attachmentRequired ? t('workflowEditor.attachmentRequired') : null,
              a.requiresValid ? t('workflowEditor.requiresValid') : null,
              a.decision ? `${t('workflowEditor.decision')}: ${t(`workflowEditor.decision.${a.decision}`)}` : null,
            ].filter(Boolean);
            return (
              <Table.Tr key={a.id} data-action={a.id}>
                <Table.Td>{a.label[locale] || a.id}</Table.Td>
                <Table.Td>{a.from.map(stateName).join(locale === 'ur' ? '، ' : ', ')}</Table.Td>
                <Table.Td>{stateName(a.to)}</Table.Td>
                <Table.Td>
                  {a.roles.length ? (
                    a.roles.map(roleName).join(locale === 'ur' ? '، ' : ', ')
                  ) : (
                    <Text span c="red" size="sm">
                      {t('workflowEditor.noRoles')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{conditions.join(' · ')}</Table.Td>
                <Table.Td>
                  {count ? <Badge color="red">{t('workflowEditor.problemCount', { count })}</Badge> : null}
                </Table.Td>
                {onSelect ? (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => onSelect({ kind: 'action', id: a.id })}
                      aria-label={t('workflowEditor.editActionNamed', { action: a.label[locale] || a.id })}
                    >
                      {t('workflowEditor.col.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
