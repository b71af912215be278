import { Group, Text } from '@mantine/core';
import { DocumentSummary } from '../../api/types';
import { Amount, DateText } from '../../components/Amount';
import { StateBadge } from '../../components/StateBadge';
import { useI18n } from '../../i18n/i18n';
import { useDocumentLabels } from './documentLabels';

/** One line of what matters about a document at a glance: form, state, cost, last change. */
export function DocumentFacts({ document, withKind = true }: { document: DocumentSummary; withKind?: boolean }) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  return (
    <Group gap="xs" wrap="wrap" fz="sm" c="dimmed">
      {withKind ? (
        <Text span fz="sm" fw={600} c="var(--mantine-color-text)">
          {labels.name(document)}
        </Text>
      ) : null}
      <StateBadge state={document.state} />
      <Text span fz="sm">
        {t('projects.cost')}: <Amount value={document.totalCost} unit />
      </Text>
      <Text span fz="sm">
        {t('projects.updated')}: <DateText value={document.updatedAt} />
      </Text>
    </Group>
  );
}
