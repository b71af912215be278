import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ChangeEvent, memo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { DocumentAction } from './types';

/*
 * The workflow actions the signed-in user may take now (the server lists only those). Returning,
 * deferring and rejecting, and any action that requires one, ask for a comment first.
 */

const ASKS_FOR_COMMENT = new Set(['return', 'defer', 'reject']);

export const ActionsPanel = memo(function ActionsPanel({ actions, busy, onAct }: { actions: DocumentAction[]; busy: string | null; /** Resolves to null when done, else to why not. */ onAct(action: DocumentAction, comment?: string): Promise<string | null> }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<DocumentAction | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!actions.length) return null;

  const start = (action: DocumentAction) => {
    if (action.commentRequired || ASKS_FOR_COMMENT.has(action.id)) {
      setComment('');
      setMissing(false);
      setFailure(null);
      setAsking(action);
    } else void onAct(action);
  };
  const confirm = async () => {
    if (!asking) return;
    if (asking.commentRequired && !comment.trim()) {
      setMissing(true);
      return;
    }
    const refused = await onAct(asking, comment.trim() || undefined);
    if (refused === null) setAsking(null);
    else setFailure(refused);
  };

  return (
    <>
      <Group gap="xs" className="actions-panel" role="group" aria-label={t('editor.actions')}>
        {actions.map((a) => (
          <Button key={a.id} size="sm" variant={a.id === 'submit' || a.id === 'approve' ? 'filled' : 'light'} color={a.id === 'reject' ? 'red' : undefined} data-action={a.id} loading={busy === a.id} disabled={busy !== null && busy !== a.id} onClick={() => start(a)}>
            {a.label}
          </Button>
        ))}
      </Group>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking?.label} centered classNames={{ content: 'editor-modal' }} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Textarea
            label={t('editor.comment')}
            required={asking?.commentRequired}
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            value={comment}
            error={missing ? t('editor.commentRequired') : undefined}
            onChange={(e: ChangeEvent<HTMLTextAreaElement>) => {
              setComment(e.currentTarget.value);
              setMissing(false);
            }}
          />
          {failure ? (
            <Text size="sm" c="red.9" role="alert">
              {failure}
            </Text>
          ) : null}
          {!asking?.commentRequired ? (
            <Text size="xs" c="dimmed">
              {t('editor.commentOptional')}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button data-testid="confirm-action" color={asking?.id === 'reject' ? 'red' : undefined} loading={busy !== null} onClick={() => void confirm()}>
              {asking?.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
});
