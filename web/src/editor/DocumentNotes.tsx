import { Text } from '@mantine/core';
import { memo } from 'react';
import { useMasterName } from '../api/queries';
import { Ltr } from '../components/Ltr';
import { useI18n } from '../i18n/i18n';
import { useRouting } from './api';
import type { DocumentDetail } from './types';
import { ROUTED_KINDS } from '../pages/shared/documentLabels';

/** Why there are no inputs: the document's state, or the user's role. */
export function ReadOnlyNote({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  return (
    <Text size="sm" c="dimmed" data-testid="read-only-note">
      {editable ? t('editor.readOnlyRole') : t('editor.readOnlyState')}
    </Text>
  );
}

/** The forum that would decide the document today, and the dated rule that says so. */
export const RoutingNote = memo(function RoutingNote({ doc, revision }: { doc: DocumentDetail; revision: number }) {
  const { t } = useI18n();
  const forumName = useMasterName('approval-forums');
  const routed = ROUTED_KINDS.has(doc.kind);
  const query = useRouting(doc.id, revision, routed);
  if (!routed || !query.data) return null;
  const { rule } = query.data;
  return (
    <Text size="sm" c="dimmed" data-testid="routing">
      {rule ? (
        <>
          {t('editor.routedTo', { forum: forumName(rule.forum) })} (<Ltr>{rule.code}</Ltr>)
        </>
      ) : (
        t('editor.notRouted')
      )}
    </Text>
  );
});
