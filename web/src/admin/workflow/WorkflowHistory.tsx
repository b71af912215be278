import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorkflowConfig } from '../../../../src/workflow/workflow-config';
import { Ltr } from '../../components/Ltr';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { fetchWorkflowVersion, useWorkflowVersions } from './workflow-api';
import { StatesTable, TransitionsTable } from './WorkflowTables';

/**
 * Every saved version, newest first: when, by whom, why; an older one can be opened and taken as
 * the starting point of an edit.
 */
export function WorkflowHistory({ onEditFrom }: { onEditFrom: (config: WorkflowConfig, version: number) => void }) {
  const { t, formatDateTime } = useI18n();
  const versions = useWorkflowVersions();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <QueryState query={versions}>
      {() => (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder data-testid="wf-history">
              <Table.Caption>{t('workflowEditor.historyCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('workflowEditor.col.version')}</Table.Th>
                  <Table.Th>{t('workflowEditor.col.saved')}</Table.Th>
                  <Table.Th>{t('workflowEditor.col.by')}</Table.Th>
                  <Table.Th>{t('workflowEditor.col.notes')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('workflowEditor.col.open')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data!.map((v) => (
                  <Table.Tr key={v.version} data-version={v.version}>
                    <Table.Td>
                      <Group gap="xs">
                        <Ltr>{v.version}</Ltr>
                        {v.inForce ? (
                          <Badge color="green" variant="light">
                            {t('workflowEditor.inForce')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{formatDateTime(v.createdAt)}</bdi>
                    </Table.Td>
                    <Table.Td>{v.createdBy?.name ?? t('workflowEditor.bySystem')}</Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                        {v.notes ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setOpen(v.version)}
                        aria-label={t('workflowEditor.openVersion', { version: v.version })}
                      >
                        {t('workflowEditor.col.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {open !== null ? (
            <VersionModal
              version={open}
              onClose={() => setOpen(null)}
              onEditFrom={(config) => {
                onEditFrom(config, open);
                setOpen(null);
              }}
            />
          ) : null}
        </>
      )}
    </QueryState>
  );
}

function VersionModal({
  version,
  onClose,
  onEditFrom,
}: {
  version: number;
  onClose: () => void;
  onEditFrom: (config: WorkflowConfig) => void;
}) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['workflow-version', version], queryFn: () => fetchWorkflowVersion(version) });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('workflowEditor.versionTitle', { version })}>
      <QueryState query={query}>
        {() => (
          <Stack>
            <StatesTable config={query.data!.config} problems={[]} />
            <TransitionsTable config={query.data!.config} problems={[]} />
            {query.data!.inForce ? null : (
              <Group justify="flex-end">
                <Button onClick={() => onEditFrom(query.data!.config)}>{t('workflowEditor.editFromVersion')}</Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
