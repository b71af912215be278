import { Alert, Badge, Button, Card, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { Ltr } from '../components/Ltr';
import { QueryState, useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { consoleKeys, isRunning, MigrationRun, useMigrationRun, useMigrations, useTenants } from './api';
import { Code, DataTable, StatusBadge, useProvinceName, When } from './format';

/*
 * /migrations — every province's schema version and what it still lacks, the last fan-out's
 * failures, and a button that runs the fan-out (a job in the worker) with its progress.
 */
export default function MigrationsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const overview = useMigrations();
  // The registry has each province's Urdu name; the overview only its English one.
  const tenants = useTenants();
  const nameOf = useProvinceName();
  const [runId, setRunId] = useState<string | null>(null);
  // A fan-out already under way (started here earlier, or by another operator) is followed too.
  const lastRun = overview.data?.lastRun ?? null;
  const followed = runId ?? (lastRun && isRunning(lastRun.status) ? lastRun.id : null);
  const progress = useMigrationRun(followed);
  // Until the run just started is read, the previous one is not shown in its place.
  const run = followed ? (progress.data ?? null) : lastRun;
  useDocumentTitle(`${t('console.migrations.title')} · ${t('app.name')}`);

  const start = useMutation({
    mutationFn: () => api.post<{ runId: string }>('/api/platform/migrations/run'),
    onSuccess: (result) => setRunId(result.runId),
  });
  // When the followed run ends, the versions have changed: read them again.
  const finished = !!progress.data && !isRunning(progress.data.status);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: consoleKeys.migrations });
  }, [finished, queryClient]);

  return (
    <Stack gap="lg" maw={1100} data-testid="console-migrations">
      <Title order={1}>{t('console.migrations.title')}</Title>
      <Text size="sm">{t('console.migrations.intro')}</Text>
      <QueryState query={overview}>
        {() => {
          const data = overview.data!;
          const behind = data.provinces.filter((p) => p.pending > 0).length;
          return (
            <>
              <Group gap="md" wrap="wrap">
                <Text>
                  {t('console.migrations.latest')} <Code>{data.latestVersion ?? '—'}</Code>
                </Text>
                <Badge color={behind ? 'orange' : 'green'} variant="light" style={{ textTransform: 'none' }}>
                  {behind ? t('console.migrations.behind', { count: behind }) : t('console.migrations.allCurrent')}
                </Badge>
                <Button onClick={() => start.mutate()} loading={start.isPending} disabled={isRunning(run?.status)}>
                  {t('console.migrations.run')}
                </Button>
              </Group>
              {start.error ? (
                <Alert color="red" role="alert">
                  {errorText(start.error)}
                </Alert>
              ) : null}
              {run ? <RunCard run={run} /> : followed ? null : <Text c="dimmed">{t('console.migrations.noRun')}</Text>}
              <DataTable
                caption={t('console.migrations.provinces')}
                testId="migrations-table"
                head={[
                  t('console.provinces.name'),
                  t('console.provinces.slug'),
                  t('console.provinces.status'),
                  t('console.provinces.schemaVersion'),
                  t('console.migrations.pending'),
                ]}
              >
                {data.provinces.map((p) => (
                  <Table.Tr key={p.slug} data-slug={p.slug}>
                    <Table.Td>{nameOf(tenants.data?.find((x) => x.slug === p.slug) ?? p)}</Table.Td>
                    <Table.Td>
                      <Code>{p.slug}</Code>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>
                      <Code>{p.schemaVersion ?? '—'}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={p.pending ? 'orange' : 'green'} variant="light">
                        <Ltr>{p.pending}</Ltr>
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function RunCard({ run }: { run: MigrationRun }) {
  const { t, formatNumber } = useI18n();
  const percent = run.total ? Math.round((run.done / run.total) * 100) : isRunning(run.status) ? 0 : 100;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="migration-run-title"
      data-testid="migration-run"
      data-status={run.status}
      data-run={run.id}
    >
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="migration-run-title">
          {isRunning(run.status) ? t('console.migrations.running') : t('console.migrations.lastRun')}
        </Title>
        <StatusBadge status={run.status} />
      </Group>
      <Stack gap="xs">
        <Progress
          value={percent}
          animated={isRunning(run.status)}
          color={run.failures.length ? 'orange' : 'blue'}
          aria-label={t('console.migrations.progress')}
        />
        <Text size="sm" aria-live="polite">
          {t('console.migrations.done', { done: formatNumber(run.done), total: formatNumber(run.total) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('console.migrations.started')} <When value={run.startedAt} />
          {run.finishedAt ? (
            <>
              {' · '}
              {t('console.migrations.finished')} <When value={run.finishedAt} />
            </>
          ) : null}
        </Text>
        {run.error ? (
          <Alert color="red" role="alert" title={t('console.migrations.stopped')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{run.error}</span>
          </Alert>
        ) : null}
        {run.failures.length ? (
          <Alert color="red" title={t('console.migrations.failures', { count: run.failures.length })} role="alert">
            <List size="sm" spacing={4}>
              {run.failures.map((f) => (
                <List.Item key={f.slug}>
                  <Code>{f.slug}</Code>: <span style={{ whiteSpace: 'pre-wrap' }}>{f.error}</span>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
