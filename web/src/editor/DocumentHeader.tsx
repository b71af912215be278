import { Anchor, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { memo, useMemo } from 'react';
import { Link } from 'react-router';
import { Amount } from '../components/Amount';
import { Ltr } from '../components/Ltr';
import { StateBadge } from '../components/StateBadge';
import { ExportMenu } from '../exports/ExportMenu';
import { useI18n } from '../i18n/i18n';
import { PrintMenu } from '../printing/PrintMenu';
import { EditionBadge } from '../editions/EditionBadge';
import type { DocumentDetail, FormVersionView, SaveStatus } from './types';

/** Title, form and version, state, total cost, and the way back to the project and to the revisions. */
export const DocumentHeader = memo(function DocumentHeader({
  doc,
  version,
  totalCost,
}: {
  doc: DocumentDetail;
  version: FormVersionView;
  totalCost: string | null;
}) {
  const { t } = useI18n();
  // The form version's tables (cost, phasing, financing, manpower …), for the export menu.
  const tables = useMemo(
    () =>
      version.ui.sections.flatMap((s) =>
        s.fields
          .filter((f) => f.type === 'table' && !f.hidden)
          .map((f) => ({ pointer: f.pointer, label: `${s.number} ${f.label}` })),
      ),
    [version],
  );
  return (
    <Stack gap={6} component="header" className="document-header">
      <Group gap="sm" wrap="wrap">
        <Anchor component={Link} to={`/projects/${doc.projectId}`} size="sm">
          {t('editor.backToProject')}
        </Anchor>
        <Text size="sm" c="dimmed" aria-hidden="true">
          ·
        </Text>
        <Anchor component={Link} to={`/documents/${doc.id}/history`} size="sm">
          {t('editor.revisionHistory')}
        </Anchor>
        <PrintMenu
          documentId={doc.id}
          title={doc.title}
          formKey={doc.formKey}
          formTitle={version.title}
          versionNumber={version.number}
        />
        {tables.length ? (
          <ExportMenu
            path={`/api/documents/${doc.id}/export`}
            baseName={`${doc.title || doc.formKey}-${doc.formKey}`}
            tables={tables}
          />
        ) : null}
      </Group>
      <Title order={1} size="h2" className="document-title" dir="auto">
        {doc.title || t('editor.untitled')}
      </Title>
      <Group gap="sm" wrap="wrap" align="center">
        <Text size="sm">
          {version.title} · {t('editor.version')} <Ltr>{version.number}</Ltr>
        </Text>
        <EditionBadge kind={doc.kind} edition={doc.edition} />
        <StateBadge state={doc.state} />
        <Text size="sm">
          {t('editor.totalCost')}: <Amount value={totalCost} unit />
        </Text>
      </Group>
    </Stack>
  );
});

const STATUS_COLOUR: Record<SaveStatus, string> = {
  saved: 'green.8',
  dirty: 'orange.8',
  saving: 'blue.8',
  error: 'red.8',
};

/** "Saved", "Unsaved changes", "Saving…", "Save failed", and the Save button. */
export const SaveBar = memo(function SaveBar({
  status,
  error,
  onSave,
}: {
  status: SaveStatus;
  error: string | null;
  onSave(): void;
}) {
  const { t } = useI18n();
  const words: Record<SaveStatus, string> = {
    saved: t('editor.status.saved'),
    dirty: t('editor.status.dirty'),
    saving: t('editor.status.saving'),
    error: t('editor.status.error'),
  };
  return (
    <Group gap="sm" wrap="nowrap" className="save-bar">
      <Button
        size="sm"
        onClick={onSave}
        disabled={status === 'saved' || status === 'saving'}
        variant={status === 'saved' ? 'default' : 'filled'}
      >
        {t('common.save')}
      </Button>
      <Text
        size="sm"
        c={STATUS_COLOUR[status]}
        data-testid="save-status"
        data-status={status}
        className="save-status"
        title={error ?? undefined}
      >
        {words[status]}
        {status === 'error' && error ? `: ${error}` : ''}
      </Text>
      {/* Announced: only a save that finished or failed, not every keystroke's "unsaved changes". */}
      <VisuallyHidden role="status" aria-live="polite">
        {status === 'saved' || status === 'error'
          ? `${words[status]}${status === 'error' && error ? `: ${error}` : ''}`
          : ''}
      </VisuallyHidden>
    </Group>
  );
});
