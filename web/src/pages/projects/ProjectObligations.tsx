import { Anchor, Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Obligation } from '../../api/types';
import { DateText } from '../../components/Amount';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { useDocumentLabels } from '../shared/documentLabels';

/** Open reports shown at most; the rest are counted. */
const SHOWN = 8;

const STATUS_COLOUR: Record<Obligation['status'], string> = { overdue: 'red', due: 'yellow', fulfilled: 'green' };

/** The project's reporting obligations: what is overdue, what comes next, how many are done. */
export function ProjectObligations({ projectId, canStart }: { projectId: string; canStart: boolean }) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  const query = useQuery({
    queryKey: ['obligations', 'project', projectId],
    queryFn: async () => {
      const answer = await api.get<{ on: string; items: Obligation[] }>('/api/obligations', {
        query: { status: 'all', projectId },
      });
      // Filtered here as well, in case the server lists every project's obligations.
      return answer.items.filter((o) => o.projectId === projectId);
    },
  });
  const statusText: Record<Obligation['status'], string> = {
    overdue: t('work.obligations.overdue'),
    due: t('work.obligations.due'),
    fulfilled: t('projects.obligations.fulfilled'),
  };
  return (
    <QueryState query={query}>
      {() => {
        const items = query.data ?? [];
        const open = items.filter((o) => o.status !== 'fulfilled');
        const done = items.length - open.length;
        if (!items.length)
          return (
            <Text size="sm" c="dimmed">
              {t('projects.obligations.none')}
            </Text>
          );
        return (
          <Stack gap="xs">
            {open.length ? (
              <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} data-testid="project-obligations">
                {open.slice(0, SHOWN).map((o) => (
                  <Group component="li" key={`${o.kind}/${o.period}`} gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {labels.kind(o.kind)} · {labels.period(o.kind, o.period)}
                    </Text>
                    <Badge color={STATUS_COLOUR[o.status]} variant="light" style={{ textTransform: 'none' }}>
                      {statusText[o.status]}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('work.obligations.dueBy')} <DateText value={o.dueDate} />
                    </Text>
                    {canStart ? (
                      <Anchor
                        component={Link}
                        to={`?${new URLSearchParams({ start: o.kind, period: o.period })}#follow-up`}
                        size="sm"
                        replace
                      >
                        {t('projects.obligations.start')}
                        <VisuallyHidden>
                          {' '}
                          ({labels.kind(o.kind)} · {labels.period(o.kind, o.period)})
                        </VisuallyHidden>
                      </Anchor>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text size="sm">{t('projects.obligations.allDone')}</Text>
            )}
            {open.length > SHOWN ? (
              <Text size="sm" c="dimmed">
                {t('projects.obligations.more', { count: open.length - SHOWN })}
              </Text>
            ) : null}
            {done ? (
              <Text size="sm" c="dimmed">
                {t('projects.obligations.done', { count: done })}
              </Text>
            ) : null}
          </Stack>
        );
      }}
    </QueryState>
  );
}
