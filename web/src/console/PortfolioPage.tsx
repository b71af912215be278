import { Alert, Box, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ReactNode, useMemo, useState } from 'react';
import { api } from '../api/client';
import { downloadFile } from '../api/download';
import { Ltr } from '../components/Ltr';
import { QueryState, useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { useTenants } from './api';
import { Code, Count, DataTable, useNotify, useProvinceName, When } from './format';

/** One stored figure (GET /api/platform/portfolio): aggregates only, never a project or a person. */
export interface PortfolioFigure {
  provinceSlug: string;
  metric: string;
  stage: string | null;
  state: string | null;
  forum: string | null;
  sector: string | null;
  financialYear: string | null;
  count: number;
  amount: string | null;
  computedAt: string;
}

interface PortfolioView {
  provinces: { slug: string; computedAt: string }[];
  figures: PortfolioFigure[];
}

const ALL = '';
/** The dimension each project chart groups by. */
const PROJECT_CHARTS = [
  { metric: 'projects.by_stage', dimension: 'stage', title: 'portfolio.chart.byStage' },
  { metric: 'projects.by_status', dimension: 'state', title: 'portfolio.chart.byStatus' },
  { metric: 'projects.by_state', dimension: 'state', title: 'portfolio.chart.byState' },
  { metric: 'projects.by_forum', dimension: 'forum', title: 'portfolio.chart.byForum' },
  { metric: 'projects.by_sector', dimension: 'sector', title: 'portfolio.chart.bySector' },
] as const;
/** i18n keys of the form kinds (projects.kind.*). */
const KIND_KEYS: Record<string, string> = {
  pc1: 'pc1',
  'pc1-revised': 'pc1Revised',
  pc2: 'pc2',
  pc3a: 'pc3a',
  pc3b: 'pc3b',
  pc4: 'pc4',
  pc5: 'pc5',
};

type Dimension = 'stage' | 'state' | 'forum' | 'sector' | 'financialYear';

/** Adds up the figures of one metric over the chosen provinces, by one dimension. */
function sumBy(figures: PortfolioFigure[], metric: string, dimension: Dimension) {
  const groups = new Map<string | null, { count: number; amount: number }>();
  for (const f of figures.filter((x) => x.metric === metric)) {
    const key = f[dimension];
    const g = groups.get(key) ?? { count: 0, amount: 0 };
    g.count += f.count;
    // Display only: the exact decimals are in the CSV.
    g.amount += f.amount === null ? 0 : Number(f.amount);
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => ({ key, ...g }));
}

/*
 * /portfolio — the host's view across provinces (issue 17): aggregate figures of every province
 * whose admin opted in, computed daily in the province's own schema (GET /api/platform/portfolio),
 * drawn as bar charts, exported as CSV. Bars are plain boxes: they grow from the start side, so they
 * read right to left in Urdu without a chart library.
 */
export default function PortfolioPage() {
  const { t } = useI18n();
  const notify = useNotify();
  const errorText = useErrorText();
  const tenants = useTenants();
  const nameOf = useProvinceName();
  const [province, setProvince] = useState<string>(ALL);
  useDocumentTitle(`${t('portfolio.title')} · ${t('app.name')}`);
  const view = useQuery({
    queryKey: ['console', 'portfolio'],
    queryFn: () => api.get<PortfolioView>('/api/platform/portfolio'),
    staleTime: 0,
  });
  const refresh = useMutation({
    mutationFn: () => api.post<{ jobId: string }>('/api/platform/portfolio/refresh'),
    onSuccess: () => notify('green', t('portfolio.refreshQueued')),
    onError: (error) => notify('red', errorText(error)),
  });
  const exportCsv = useMutation({
    mutationFn: () =>
      downloadFile('/api/platform/portfolio.csv', `portfolio-${new Date().toISOString().slice(0, 10)}.csv`),
    onError: (error) => notify('red', errorText(error)),
  });
  const label = (slug: string) => {
    const tenant = tenants.data?.find((x) => x.slug === slug);
    return tenant ? nameOf(tenant) : slug;
  };
  const figures = useMemo(
    () => (view.data?.figures ?? []).filter((f) => province === ALL || f.provinceSlug === province),
    [view.data, province],
  );
  return (
    <Stack gap="lg" maw={1200} data-testid="console-portfolio">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('portfolio.title')}</Title>
        <Group gap="sm">
          <Button variant="light" onClick={() => refresh.mutate()} loading={refresh.isPending}>
            {t('portfolio.refresh')}
          </Button>
          <Button onClick={() => exportCsv.mutate()} loading={exportCsv.isPending} data-testid="portfolio-csv">
            {t('portfolio.exportCsv')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" maw={900}>
        {t('portfolio.intro')}
      </Text>
      <QueryState query={view}>
        {() =>
          view.data!.provinces.length === 0 ? (
            <Alert color="gray" role="status" data-testid="portfolio-empty">
              {t('portfolio.noneShared')}
            </Alert>
          ) : (
            <>
              <DataTable
                caption={t('portfolio.title')}
                testId="portfolio-provinces"
                head={[
                  t('portfolio.province'),
                  t('portfolio.projects'),
                  t('portfolio.totalCost'),
                  t('portfolio.computedAt'),
                ]}
              >
                {view.data!.provinces.map((p) => {
                  const total = view.data!.figures.find(
                    (f) => f.provinceSlug === p.slug && f.metric === 'projects.total',
                  );
                  return (
                    <Table.Tr key={p.slug} data-slug={p.slug}>
                      <Table.Td>
                        {label(p.slug)} <Code>{p.slug}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Count value={total?.count} />
                      </Table.Td>
                      <Table.Td>
                        <Amount value={total?.amount ?? null} />
                      </Table.Td>
                      <Table.Td>
                        <When value={p.computedAt} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </DataTable>
              <Select
                label={t('portfolio.province')}
                maw={360}
                data={[
                  { value: ALL, label: t('portfolio.allProvinces') },
                  ...view.data!.provinces.map((p) => ({ value: p.slug, label: label(p.slug) })),
                ]}
                value={province}
                onChange={(v) => setProvince(v ?? ALL)}
                allowDeselect={false}
                data-testid="portfolio-province"
              />
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {PROJECT_CHARTS.map((c) => (
                  <BarChart
                    key={c.metric}
                    testId={`chart-${c.metric}`}
                    title={t(c.title)}
                    rows={sumBy(figures, c.metric, c.dimension).map((g) => ({
                      key: g.key ?? '',
                      label: <DimensionLabel metric={c.metric} value={g.key} />,
                      values: [g.count],
                    }))}
                  />
                ))}
                <BarChart
                  testId="chart-documents.waiting"
                  title={t('portfolio.chart.waiting')}
                  rows={sumBy(figures, 'documents.waiting', 'stage').map((g) => ({
                    key: g.key ?? '',
                    label: <DimensionLabel metric="documents.waiting" value={g.key} />,
                    values: [g.count],
                  }))}
                />
                <BarChart
                  testId="chart-obligations.overdue"
                  title={t('portfolio.chart.overdue')}
                  rows={sumBy(figures, 'obligations.overdue', 'stage').map((g) => ({
                    key: g.key ?? '',
                    label: <DimensionLabel metric="obligations.overdue" value={g.key} />,
                    values: [g.count],
                  }))}
                />
              </SimpleGrid>
              <CostChart figures={figures} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Amount({ value }: { value: string | number | null }) {
  const { formatNumber } = useI18n();
  return value === null ? (
    <Text span c="dimmed">
      —
    </Text>
  ) : (
    <Ltr>{formatNumber(Number(value), 1)}</Ltr>
  );
}

/** A dimension's value in the reader's language where the app has words for it; province data as written. */
function DimensionLabel({ metric, value }: { metric: string; value: string | null }) {
  const { t } = useI18n();
  if (value === null) return <>{t('portfolio.none')}</>;
  if (metric === 'projects.by_stage' || metric === 'documents.waiting' || metric === 'obligations.overdue')
    return <>{KIND_KEYS[value] ? t(`projects.kind.${KIND_KEYS[value]}`) : value}</>;
  if (metric === 'projects.by_status') return <>{t(`projects.status.${value}`)}</>;
  if (metric === 'projects.by_state') return <Code>{value}</Code>;
  return <bdi>{value}</bdi>;
}

const SERIES_COLOURS = ['var(--mantine-color-blue-6)', 'var(--mantine-color-teal-6)'];

/** Horizontal bars, one row per group and one bar per series, scaled to the largest value shown. */
function BarChart({
  title,
  rows,
  testId,
  series,
  format,
}: {
  title: string;
  rows: { key: string; label: ReactNode; values: number[] }[];
  testId: string;
  series?: string[];
  format?: (n: number) => string;
}) {
  const { t, formatNumber } = useI18n();
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const titleId = `${testId}-title`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={titleId} data-testid={testId}>
      <Title order={2} size="h5" id={titleId} mb="sm">
        {title}
      </Title>
      {series ? (
        <Group gap="md" mb="xs">
          {series.map((s, i) => (
            <Group key={s} gap={6}>
              <Box w={12} h={12} style={{ background: SERIES_COLOURS[i], borderRadius: 2 }} />
              <Text size="xs">{s}</Text>
            </Group>
          ))}
        </Group>
      ) : null}
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('portfolio.empty')}
        </Text>
      ) : (
        <Stack gap={6} role="list">
          {rows.map((r) => (
            <Box key={r.key} role="listitem" data-key={r.key}>
              <Text size="sm">{r.label}</Text>
              {r.values.map((v, i) => (
                <Group key={i} gap="xs" wrap="nowrap">
                  <Box style={{ flex: 1 }}>
                    <Box
                      h={12}
                      data-value={v}
                      style={{
                        width: `${(v / max) * 100}%`,
                        minWidth: v > 0 ? 2 : 0,
                        background: SERIES_COLOURS[i],
                        borderRadius: 2,
                      }}
                    />
                  </Box>
                  <Text size="xs" w={90} ta="end">
                    <Ltr>{format ? format(v) : formatNumber(v)}</Ltr>
                  </Text>
                </Group>
              ))}
            </Box>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Costs submitted and approved per financial year: two bars a year, in Rs million. */
function CostChart({ figures }: { figures: PortfolioFigure[] }) {
  const { t, formatNumber } = useI18n();
  const submitted = sumBy(figures, 'cost.submitted', 'financialYear');
  const approved = sumBy(figures, 'cost.approved', 'financialYear');
  const years = [...new Set([...submitted, ...approved].map((g) => g.key ?? ''))].sort();
  const amountIn = (groups: typeof submitted, year: string) => groups.find((g) => g.key === year)?.amount ?? 0;
  return (
    <BarChart
      testId="chart-costs"
      title={t('portfolio.chart.costs')}
      series={[t('portfolio.submitted'), t('portfolio.approved')]}
      format={(n) => formatNumber(n, 1)}
      rows={years.map((year) => ({
        key: year,
        // Isolated left to right (LRI … PDI): in Urdu 2025-26 would otherwise read 26-2025.
        label: t('portfolio.fy', { year: `\u2066${year}\u2069` }),
        values: [amountIn(submitted, year), amountIn(approved, year)],
      }))}
    />
  );
}
