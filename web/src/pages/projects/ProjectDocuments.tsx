import { Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Attachment, DocumentSummary } from '../../api/types';
import { Amount, DateText } from '../../components/Amount';
import { Ltr } from '../../components/Ltr';
import { QueryState } from '../../components/QueryState';
import { StateBadge } from '../../components/StateBadge';
import { EditionBadge } from '../../editions/EditionBadge';
import { useI18n } from '../../i18n/i18n';
import { lifecycleOrder, PERIOD_KIND, useDocumentLabels } from '../shared/documentLabels';
import { useFileSize } from '../shared/names';

const ATTACHMENT_KIND_KEYS: Record<string, string> = {
  'feasibility-study': 'projects.attachment.feasibility',
  map: 'projects.attachment.map',
  drawing: 'projects.attachment.drawing',
  other: 'projects.attachment.other',
  'approval-letter': 'approvals.field.letter',
};

/** The project's documents in the order of its life, each with its state, figures and files. */
export function ProjectDocuments({ documents }: { documents: DocumentSummary[] }) {
  return (
    <Stack
      component="ol"
      gap={0}
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      className="divided"
      data-testid="project-documents"
    >
      {lifecycleOrder(documents).map((doc) => (
        <DocumentEntry key={doc.id} document={doc} />
      ))}
    </Stack>
  );
}

function DocumentEntry({ document }: { document: DocumentSummary }) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  return (
    <Stack component="li" gap={4} py="sm" data-document-id={document.id}>
      <Group gap="sm" wrap="wrap">
        <Anchor component={Link} to={`/documents/${document.id}`} fw={700}>
          {labels.name(document)}
        </Anchor>
        <EditionBadge kind={document.kind} edition={document.edition} />
        <StateBadge state={document.state} />
      </Group>
      <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
        {document.title}
      </Text>
      <Group gap="md" wrap="wrap">
        <Text size="sm">
          {t('projects.cost')}: <Amount value={document.totalCost} unit />
        </Text>
        <Text size="sm" c="dimmed">
          {t('projects.documents.revision')}: <Ltr>{document.revision}</Ltr>
        </Text>
        <Text size="sm" c="dimmed">
          {t('projects.updated')}: <DateText value={document.updatedAt} />
        </Text>
      </Group>
      <Attachments document={document} />
    </Stack>
  );
}

/**
 * A document's attachments come with the whole document (GET /api/documents/:id). The approval
 * documents, few per project and the ones that carry feasibility studies and drawings, load
 * them at once; periodic reports (a PC-III(B) every month) only when asked.
 */
function Attachments({ document }: { document: DocumentSummary }) {
  const { t } = useI18n();
  const periodic = !!PERIOD_KIND[document.kind];
  const [asked, setAsked] = useState(false);
  const query = useQuery({
    queryKey: ['document-attachments', document.id, document.updatedAt],
    queryFn: async () =>
      (await api.get<{ attachments?: Attachment[] }>(`/api/documents/${document.id}`)).attachments ?? [],
    enabled: !periodic || asked,
  });
  if (periodic && !asked) {
    return (
      <Group>
        <Button variant="subtle" size="compact-sm" onClick={() => setAsked(true)} px={0}>
          {t('projects.attachments.show')}
        </Button>
      </Group>
    );
  }
  return (
    <div>
      <QueryState query={query}>{() => <AttachmentList attachments={query.data ?? []} />}</QueryState>
    </div>
  );
}

function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t, locale } = useI18n();
  const size = useFileSize();
  if (!attachments.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('projects.attachments.none')}
      </Text>
    );
  }
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('projects.attachments.title')}
      </Text>
      <List size="sm" spacing={2} data-testid="attachments">
        {attachments.map((a) => (
          <List.Item key={a.id}>
            <Ltr>{a.fileName}</Ltr> ({ATTACHMENT_KIND_KEYS[a.kind] ? t(ATTACHMENT_KIND_KEYS[a.kind]) : a.kind}
            {locale === 'ur' ? '، ' : ', '}
            <Ltr>{size(a.sizeBytes)}</Ltr>)
          </List.Item>
        ))}
      </List>
    </div>
  );
}
