import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ChangeEvent, memo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { DecisionContext } from '../approvals/useDecisionContext';
import {
  APPROVING_ACTIONS,
  checkDecision,
  DecisionDraft,
  DecisionErrors,
  DecisionInput,
  decisionInput,
  newDecisionDraft,
} from '../approvals/decision';
import { DecisionFields } from '../approvals/DecisionFields';
import type { DocumentAction } from './types';

/*
 * The workflow actions the signed-in user may take now (the server lists only those). Returning,
 * deferring and rejecting, and any action that requires one, ask for a comment first. A forum's
 * decision (a document before the forum) also asks for the decision's facts (approvals/).
 */

const ASKS_FOR_COMMENT = new Set(['return', 'defer', 'reject']);

export const ActionsPanel = memo(function ActionsPanel({
  actions,
  busy,
  onAct,
  decision = null,
}: {
  actions: DocumentAction[];
  busy: string | null;
  /** Resolves to null when done, else to why not. */
  onAct(action: DocumentAction, comment?: string, decision?: DecisionInput): Promise<string | null>;
  /** Set while the document is before its forum: its decisions ask for their facts. */
  decision?: DecisionContext | null;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<DocumentAction | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [facts, setFacts] = useState<DecisionDraft>(() => newDecisionDraft(null));
  const [factErrors, setFactErrors] = useState<DecisionErrors>({});
  if (!actions.length) return null;

  const isDecision = (action: DocumentAction | null) => !!action && !!decision?.actions.has(action.id);
  const asksFirst = (action: DocumentAction) =>
    action.commentRequired || ASKS_FOR_COMMENT.has(action.id) || isDecision(action);
  const deciding = isDecision(asking);
  const approving = deciding && !!asking && APPROVING_ACTIONS.has(asking.id);
  const start = (action: DocumentAction) => {
    if (asksFirst(action)) {
      setComment('');
      setMissing(false);
      setFailure(null);
      setFacts(newDecisionDraft(decision?.documentCost ?? null));
      setFactErrors({});
      setAsking(action);
    } else void onAct(action);
  };
  const setFact = <K extends keyof DecisionDraft>(key: K, value: DecisionDraft[K]) => {
    setFacts((f) => ({ ...f, [key]: value }));
    setFactErrors((e) => ({ ...e, [key]: undefined }));
  };
  const confirm = async () => {
    if (!asking) return;
    const found = deciding ? checkDecision(facts, approving, t) : {};
    setFactErrors(found);
    const commentMissing = asking.commentRequired && !comment.trim();
    setMissing(commentMissing);
    if (commentMissing || Object.values(found).some(Boolean)) return;
    const refused = await onAct(
      asking,
      comment.trim() || undefined,
      deciding ? decisionInput(facts, approving) : undefined,
    );
    if (refused === null) setAsking(null);
    else setFailure(refused);
  };

  return (
    <>
      <Group gap="xs" className="actions-panel" role="group" aria-label={t('editor.actions')}>
        {actions.map((a) => (
          <Button
            key={a.id}
            size="sm"
            variant={a.id === 'submit' || a.id === 'approve' ? 'filled' : 'light'}
            color={a.id === 'reject' ? 'red' : undefined}
            data-action={a.id}
            data-dialog={asksFirst(a) ? 'true' : undefined}
            loading={busy === a.id}
            disabled={busy !== null && busy !== a.id}
            onClick={() => start(a)}
          >
            {a.label}
          </Button>
        ))}
      </Group>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking?.label}
        centered
        size={deciding ? 'lg' : 'md'}
        classNames={{ content: 'editor-modal' }}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          {deciding && decision ? (
            <DecisionFields
              documentId={decision.documentId}
              value={facts}
              errors={factErrors}
              approving={approving}
              documentCost={decision.documentCost}
              attachments={decision.attachments}
              onChange={setFact}
            />
          ) : null}
          <Textarea
            label={t('editor.comment')}
            required={asking?.commentRequired}
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus={deciding ? undefined : true}
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
            <Button
              data-testid="confirm-action"
              color={asking?.id === 'reject' ? 'red' : undefined}
              loading={busy !== null}
              onClick={() => void confirm()}
            >
              {asking?.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
});
