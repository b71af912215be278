import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { consoleKeys, isRunning, ProvisioningRun, TenantDetail } from '../api';
import { Code, ConsoleCard, DataTable, StatusBadge, useNotify, When } from '../format';

/** The latest provisioning run step by step (polled by useTenant while it runs), and the ones before. */
export function RunsCard({ tenant }: { tenant: TenantDetail }) {
  const { t } = useI18n();
  const [latest, ...earlier] = tenant.runs;
  return (
    <ConsoleCard id="runs" title={t('console.runs.title')}>
      {latest ? <LatestRun tenant={tenant} run={latest} /> : <Text c="dimmed">{t('console.runs.none')}</Text>}
      {earlier.length ? (
        <Stack gap={4} mt="md">
          <Text size="sm" fw={700}>
            {t('console.runs.earlier')}
          </Text>
          {earlier.map((run) => (
            <Group key={run.id} gap="xs" wrap="wrap">
              <StatusBadge status={run.status} />
              <Text size="sm">
                <When value={run.createdAt} />
              </Text>
              {run.error ? (
                <Text size="sm" c="dimmed" lineClamp={1} maw={600}>
                  {run.error}
                </Text>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : null}
    </ConsoleCard>
  );
}

function LatestRun({ tenant, run }: { tenant: TenantDetail; run: ProvisioningRun }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const retry = useMutation({
    mutationFn: () => api.post(`/api/platform/tenants/${encodeURIComponent(tenant.slug)}/retry`),
    onSuccess: async () => {
      notify('blue', t('console.runs.retryQueued'));
      await queryClient.invalidateQueries({ queryKey: consoleKeys.tenant(tenant.slug) });
    },
  });
  return (
    <Stack gap="sm" data-testid="latest-run" data-status={run.status}>
      <Group gap="xs" aria-live="polite">
        <StatusBadge status={run.status} testId="run-status" />
        <Text size="sm">
          {t('console.runs.requested')} <When value={run.createdAt} />
        </Text>
        <Text size="sm" c="dimmed">
          {t('console.runs.admin')} <Code>{run.adminEmail}</Code>
        </Text>
      </Group>
      <DataTable
        caption={t('console.runs.steps')}
        testId="run-steps"
        head={[t('console.runs.step'), t('console.runs.status'), t('console.runs.started'), t('console.runs.finished')]}
      >
        {run.steps.map((step) => (
          <Table.Tr key={step.name} data-step={step.name} data-status={step.status}>
            <Table.Td>{t(`console.step.${step.name}`)}</Table.Td>
            <Table.Td>
              <StatusBadge status={step.status} />
            </Table.Td>
            <Table.Td>
              <When value={step.startedAt} />
            </Table.Td>
            <Table.Td>
              <When value={step.finishedAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {isRunning(run.status) && run.steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('console.runs.waiting')}
        </Text>
      ) : null}
      {run.status === 'failed' ? (
        <Alert color="red" role="alert" title={t('console.runs.failed')} data-testid="run-error">
          <Stack gap="xs" align="flex-start">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {run.error}
            </Text>
            <Text size="sm">{t('console.runs.rolledBack')}</Text>
            {tenant.status === 'failed' ? (
              <Button size="xs" color="red" variant="light" onClick={() => retry.mutate()} loading={retry.isPending}>
                {t('console.runs.retry')}
              </Button>
            ) : null}
            {retry.error ? (
              <Text size="sm" c="red">
                {errorText(retry.error)}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
