import { Anchor, Badge, Blockquote, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useWorkflow } from '../../api/queries';
import { DocumentSummary, Obligation, Paged } from '../../api/types';
import { DateText } from '../../components/Amount';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { DocumentFacts } from '../shared/DocumentFacts';
import { NewProjectButton } from '../shared/NewProjectButton';
import { useDocumentLabels } from '../shared/documentLabels';

/** Items each block shows; the count says when there are more. */
const BLOCK_SIZE = 10;
/** "Reporting due" lists what is overdue and what falls due within this many days. */
const DUE_SOON_DAYS = 45;

type Mine = 'awaiting' | 'returned' | 'drafts';

/** The start page: what needs me now, what came back, what I am writing, what reports are due. */
export default function MyWorkPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('work.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t('work.title')}</Title>
        <NewProjectButton />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <DocumentsBlock
          mine="awaiting"
          testId="work-awaiting"
          title={t('work.awaiting.title')}
          empty={t('work.awaiting.empty')}
        />
        <DocumentsBlock
          mine="returned"
          testId="work-returned"
          title={t('work.returned.title')}
          empty={t('work.returned.empty')}
        />
        <DocumentsBlock
          mine="drafts"
          testId="work-drafts"
          title={t('work.drafts.title')}
          empty={t('work.drafts.empty')}
        />
        <ObligationsBlock />
      </SimpleGrid>
    </Stack>
  );
}

function Block({
  id,
  testId,
  title,
  count,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  count?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Group justify="space-between" align="baseline" gap="xs" mb="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {count}
      </Group>
      {children}
    </Card>
  );
}

function Count({ shown, total, exact }: { shown: number; total: number; exact: boolean }) {
  const { t } = useI18n();
  if (total === 0) return null;
  const all = exact ? String(total) : t('common.totalAtLeast', { count: total });
  return (
    <Text size="sm" c="dimmed">
      {shown < total ? t('work.showing', { shown, total: all }) : t('common.total', { count: all })}
    </Text>
  );
}

function DocumentsBlock({ mine, testId, title, empty }: { mine: Mine; testId: string; title: string; empty: string }) {
  // What waits longest comes first in a queue; one's own drafts and returns, the latest first.
  const sort = mine === 'awaiting' ? 'updatedAt' : '-updatedAt';
  const query = useQuery({
    queryKey: ['documents', { mine, sort, pageSize: BLOCK_SIZE }],
    queryFn: () => api.get<Paged<DocumentSummary>>('/api/documents', { query: { mine, sort, pageSize: BLOCK_SIZE } }),
  });
  const data = query.data;
  return (
    <Block
      id={`${testId}-title`}
      testId={testId}
      title={title}
      count={data ? <Count shown={data.items.length} total={data.total} exact={data.totalIsExact} /> : null}
    >
      <QueryState query={query}>
        {() =>
          data && data.items.length ? (
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} className="divided">
              {data.items.map((doc) => (
                <DocumentItem key={doc.id} document={doc} mine={mine} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              {empty}
            </Text>
          )
        }
      </QueryState>
    </Block>
  );
}

function DocumentItem({ document, mine }: { document: DocumentSummary; mine: Mine }) {
  const { t, locale } = useI18n();
  const workflow = useWorkflow();
  const step = document.lastTransition;
  const actor = step ? (step.actorName ?? (typeof step.actorEmail === 'string' ? step.actorEmail : null) ?? '—') : '';
  const action = step
    ? (workflow.data?.config.actions.find((a) => a.id === step.action)?.label[locale] ?? step.action)
    : '';
  return (
    <Stack component="li" gap={4} py="sm">
      <Anchor
        component={Link}
        to={`/documents/${document.id}`}
        fw={600}
        dir="auto"
        style={{ overflowWrap: 'anywhere' }}
      >
        {document.title}
      </Anchor>
      <DocumentFacts document={document} />
      {mine === 'returned' && step ? (
        <Blockquote color="orange" p="xs" mt={4} fz="sm">
          {step.comment ? (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {step.comment}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed" mt={4}>
            {t('work.returned.by', { name: actor })} <DateText value={step.at ?? step.createdAt} withTime />
          </Text>
        </Blockquote>
      ) : null}
      {mine === 'awaiting' && step ? (
        // Who handed it on, and since when it has been waiting.
        <Text size="xs" c="dimmed">
          {t('work.awaiting.lastStep', { action, name: actor })} <DateText value={step.at ?? step.createdAt} withTime />
        </Text>
      ) : null}
    </Stack>
  );
}

/** Reporting obligations that need doing: everything overdue, and what falls due soon. */
function ObligationsBlock() {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['obligations', 'open'],
    queryFn: async () => {
      const [overdue, due] = await Promise.all([
        api.get<{ on: string; items: Obligation[] }>('/api/obligations', { query: { status: 'overdue' } }),
        api.get<{ on: string; items: Obligation[] }>('/api/obligations', { query: { status: 'due' } }),
      ]);
      // "Soon" is counted from the server's own date (the province's calendar), not the browser's.
      const horizon = new Date(`${due.on}T00:00:00Z`);
      horizon.setUTCDate(horizon.getUTCDate() + DUE_SOON_DAYS);
      const limit = horizon.toISOString().slice(0, 10);
      return [...overdue.items, ...due.items.filter((o) => o.dueDate <= limit)].sort((a, b) =>
        a.dueDate.localeCompare(b.dueDate),
      );
    },
  });
  const items = query.data ?? [];
  return (
    <Block
      id="work-obligations-title"
      testId="work-obligations"
      title={t('work.obligations.title')}
      count={query.data ? <Count shown={Math.min(items.length, BLOCK_SIZE)} total={items.length} exact /> : null}
    >
      <QueryState query={query}>
        {() =>
          items.length ? (
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} className="divided">
              {items.slice(0, BLOCK_SIZE).map((o) => (
                <ObligationItem key={`${o.projectId}/${o.kind}/${o.period}`} obligation={o} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              {t('work.obligations.empty', { days: DUE_SOON_DAYS })}
            </Text>
          )
        }
      </QueryState>
    </Block>
  );
}

function ObligationItem({ obligation: o }: { obligation: Obligation }) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  // The project page opens its follow-up form on this report and period.
  const to = `/projects/${o.projectId}?${new URLSearchParams({ start: o.kind, period: o.period })}#follow-up`;
  return (
    <Stack component="li" gap={4} py="sm">
      <Anchor component={Link} to={to} fw={600} dir="auto" style={{ overflowWrap: 'anywhere' }}>
        {o.projectTitle}
      </Anchor>
      <Group gap="xs" wrap="wrap">
        <Text span size="sm" fw={600}>
          {labels.kind(o.kind)}
        </Text>
        <Text span size="sm">
          {labels.period(o.kind, o.period)}
        </Text>
        <Badge color={o.status === 'overdue' ? 'red' : 'yellow'} variant="light" style={{ textTransform: 'none' }}>
          {o.status === 'overdue' ? t('work.obligations.overdue') : t('work.obligations.due')}
        </Badge>
        <Text span size="sm" c="dimmed">
          {t('work.obligations.dueBy')} <DateText value={o.dueDate} />
        </Text>
      </Group>
    </Stack>
  );
}
