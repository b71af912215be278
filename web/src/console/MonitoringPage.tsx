import {
  Alert,
  Badge,
  Button,
  Card,
  Code as MantineCode,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { Ltr } from '../components/Ltr';
import { QueryState, useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { useMetricsSummary } from './api';
import { Code, Count, DataTable } from './format';

/** Prometheus scrapes this (operator token on the platform host, or from a configured network). */
const METRICS_PATH = '/metrics';
const MS_PER_SECOND = 1000;
/** Above this share of failed requests a province's error figure is shown in red. */
const ERROR_RATE_ALERT = 0.01;

type Readiness = { status: string; details?: Record<string, { status: string }> };

/** /ready answers 503 with the same body when something is down: both are worth showing. */
function useReadiness() {
  return useQuery({
    queryKey: ['console', 'readiness'],
    queryFn: () =>
      api.get<Readiness>('/ready', { anonymous: true }).catch((error) => {
        if (error instanceof ApiError && error.status === 503 && error.body) return error.body as Readiness;
        throw error;
      }),
  });
}

/*
 * /monitoring — health of the services the platform needs, headline figures per province since
 * this API process started (GET /api/platform/metrics/summary), and the raw /metrics text.
 */
export default function MonitoringPage() {
  const { t, formatNumber } = useI18n();
  const summary = useMetricsSummary();
  const readiness = useReadiness();
  const errorText = useErrorText();
  const [opened, { open, close }] = useDisclosure(false);
  useDocumentTitle(`${t('console.monitoring.title')} · ${t('app.name')}`);
  const raw = useMutation({ mutationFn: () => api.get<string>(METRICS_PATH), onSuccess: open });
  const rows = [...(summary.data ?? [])].sort((a, b) => b.requests - a.requests);
  return (
    <Stack gap="lg" maw={1100} data-testid="console-monitoring">
      <Title order={1}>{t('console.monitoring.title')}</Title>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="health-title">
        <Title order={2} size="h4" id="health-title" mb="sm">
          {t('console.monitoring.health')}
        </Title>
        <QueryState query={readiness}>
          {() => (
            <Group gap="sm" data-testid="readiness">
              {Object.entries(readiness.data!.details ?? {}).map(([name, d]) => (
                <Badge
                  key={name}
                  color={d.status === 'up' ? 'green' : 'red'}
                  variant="light"
                  style={{ textTransform: 'none' }}
                >
                  <Ltr>{name}</Ltr>: {d.status === 'up' ? t('console.monitoring.up') : t('console.monitoring.down')}
                </Badge>
              ))}
            </Group>
          )}
        </QueryState>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="figures-title">
        <Title order={2} size="h4" id="figures-title" mb="xs">
          {t('console.monitoring.figures')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('console.monitoring.since')}
        </Text>
        <QueryState query={summary}>
          {() =>
            rows.length === 0 ? (
              <Text c="dimmed">{t('console.monitoring.noTraffic')}</Text>
            ) : (
              <DataTable
                caption={t('console.monitoring.figures')}
                testId="metrics-summary"
                head={[
                  t('console.monitoring.province'),
                  t('console.monitoring.requests'),
                  t('console.monitoring.errors'),
                  t('console.monitoring.errorRate'),
                  t('console.monitoring.rateLimited'),
                  t('console.monitoring.p95'),
                ]}
              >
                {rows.map((r) => {
                  const rate = r.requests ? r.errors / r.requests : 0;
                  return (
                    <Table.Tr key={r.province} data-province={r.province}>
                      <Table.Td>
                        <Code>{r.province}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Count value={r.requests} />
                      </Table.Td>
                      <Table.Td>
                        <Count value={r.errors} />
                      </Table.Td>
                      <Table.Td>
                        <Text span size="sm" c={rate > ERROR_RATE_ALERT ? 'red' : undefined}>
                          <Ltr>{formatNumber(rate * 100, 2)} %</Ltr>
                        </Text>
                      </Table.Td>
                      <Table.Td data-testid="rate-limited">
                        <Count value={r.rateLimited} />
                      </Table.Td>
                      <Table.Td>
                        {r.p95Seconds === null ? '—' : <Ltr>{formatNumber(r.p95Seconds * MS_PER_SECOND, 0)} ms</Ltr>}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </DataTable>
            )
          }
        </QueryState>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="prometheus-title">
        <Title order={2} size="h4" id="prometheus-title" mb="xs">
          {t('console.monitoring.prometheus')}
        </Title>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            {t('console.monitoring.scrape')} <Code>{`${window.location.origin}${METRICS_PATH}`}</Code>
          </Text>
          <Button variant="light" onClick={() => raw.mutate()} loading={raw.isPending}>
            {t('console.monitoring.viewRaw')}
          </Button>
          {raw.error ? (
            <Alert color="red" role="alert">
              {errorText(raw.error)}
            </Alert>
          ) : null}
        </Stack>
      </Card>
      <Modal
        opened={opened}
        onClose={close}
        title={t('console.monitoring.rawTitle')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <ScrollArea h={480} type="auto">
          <MantineCode block dir="ltr" data-testid="raw-metrics">
            {raw.data}
          </MantineCode>
        </ScrollArea>
      </Modal>
    </Stack>
  );
}
