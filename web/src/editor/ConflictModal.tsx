import { Alert, Button, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { memo, useState } from 'react';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { ChangeTable } from './ChangeTable';
import type { Attachment, FieldView, FormVersionView, StaleRevisionBody } from './types';

/*
 * Someone saved the document since this copy was loaded. The dialog shows what they changed and
 * lets the user take their version, or keep their own values on top of it. Until a choice is
 * made nothing is replaced: what was typed stays in the form behind the dialog.
 */

export const ConflictModal = memo(function ConflictModal({
  conflict,
  version,
  fields,
  attachments,
  onResolve,
}: {
  conflict: StaleRevisionBody | null;
  version: FormVersionView;
  fields: Map<string, FieldView>;
  attachments: readonly Attachment[];
  onResolve(keepMine: boolean): Promise<void>;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<'mine' | 'theirs' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const resolve = async (keepMine: boolean) => {
    setBusy(keepMine ? 'mine' : 'theirs');
    setFailure(null);
    try {
      await onResolve(keepMine);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      opened={conflict !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size="xl"
      centered
      classNames={{ content: 'editor-modal' }}
      title={t('editor.conflictTitle')}
    >
      {conflict ? (
        <Stack gap="sm">
          <Text size="sm">{t('editor.conflictIntro', { revision: conflict.currentRevision })}</Text>
          {conflict.changes.length ? (
            <ScrollArea.Autosize mah="50vh" type="auto">
              <ChangeTable
                changes={conflict.changes}
                version={version}
                fields={fields}
                attachments={attachments}
                caption={t('editor.conflictChanges')}
              />
            </ScrollArea.Autosize>
          ) : (
            <Text size="sm" c="dimmed">
              {t('editor.conflictNoDetail')}
            </Text>
          )}
          <Text size="sm">{t('editor.conflictChoice')}</Text>
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs" wrap="wrap">
            <Button
              variant="default"
              loading={busy === 'theirs'}
              disabled={busy !== null}
              onClick={() => void resolve(false)}
            >
              {t('editor.reloadTheirs')}
            </Button>
            <Button
              loading={busy === 'mine'}
              disabled={busy !== null}
              onClick={() => void resolve(true)}
              data-autofocus
            >
              {t('editor.keepMine')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
});
