import { Group, Stack, Text } from '@mantine/core';
import { useWorkflow, useStateLabel } from '../../api/queries';
import { DocumentSummary } from '../../api/types';
import { DateText } from '../../components/Amount';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { useDocumentLabels } from '../shared/documentLabels';
import { Step } from '../shared/transitions';

/** Every workflow step of every document of the project, newest first: who did what, when, and why. */
export function ProjectTimeline({
  documents,
  steps,
}: {
  documents: DocumentSummary[];
  steps: { steps: Step[]; isPending: boolean; error: unknown; refetch: () => void };
}) {
  const { t, locale } = useI18n();
  const labels = useDocumentLabels();
  const stateLabel = useStateLabel();
  const workflow = useWorkflow();
  const actionLabel = (id: string) => workflow.data?.config.actions.find((a) => a.id === id)?.label[locale] ?? id;
  const byId = new Map(documents.map((d) => [d.id, d]));
  return (
    <QueryState query={steps}>
      {() =>
        steps.steps.length ? (
          <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }} data-testid="timeline">
            {steps.steps.map((step, i) => {
              const doc = byId.get(step.documentId);
              return (
                <Stack
                  component="li"
                  key={`${step.documentId}-${step.at}-${i}`}
                  gap={2}
                  py="xs"
                  ps="md"
                  style={{ borderInlineStart: '3px solid var(--mantine-color-default-border)' }}
                >
                  <Group gap="xs" wrap="wrap">
                    <Text fw={700} size="sm">
                      {actionLabel(step.action)}
                    </Text>
                    {doc ? (
                      <Text size="sm" c="dimmed">
                        · {labels.name(doc)}
                      </Text>
                    ) : null}
                  </Group>
                  <Text size="sm">
                    {t('projects.timeline.byOn', { name: step.actor || '—' })} <DateText value={step.at} withTime />
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('projects.timeline.fromTo', { from: stateLabel(step.from), to: stateLabel(step.to) })}
                  </Text>
                  {step.comment ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                      {t('projects.timeline.comment')}: <bdi style={{ whiteSpace: 'pre-line' }}>{step.comment}</bdi>
                    </Text>
                  ) : null}
                </Stack>
              );
            })}
          </Stack>
        ) : (
          <Text c="dimmed" size="sm" data-testid="timeline">
            {t('projects.timeline.empty')}
          </Text>
        )
      }
    </QueryState>
  );
}
