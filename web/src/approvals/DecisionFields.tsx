import { FileInput, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { useMasterList } from '../api/queries';
import type { Attachment } from '../api/types';
import { useErrorText } from '../components/QueryState';
import { documentKey } from '../editor/api';
import { Amount } from '../components/Amount';
import { useI18n } from '../i18n/i18n';
import { DecisionDraft, DecisionErrors, Outcome, today } from './decision';

/**
 * The facts of a forum decision, filled in with the action that records it: the date (default
 * today, may be in the past for a decision recorded late), the meeting, and for an approval the
 * approved cost beside the document's cost, the outcome with its conditions; the minutes and the
 * approval letter (one of the document's attachments).
 */
export function DecisionFields({
  documentId,
  value,
  errors,
  approving,
  documentCost,
  attachments,
  onChange,
}: {
  documentId: string;
  value: DecisionDraft;
  errors: DecisionErrors;
  approving: boolean;
  documentCost: string | null;
  attachments: Attachment[];
  onChange<K extends keyof DecisionDraft>(key: K, v: DecisionDraft[K]): void;
}) {
  const { t, locale } = useI18n();
  const letter = useLetterUpload(documentId, (id) => onChange('letterAttachmentId', id));
  const forums = useMasterList('approval-forums').data ?? [];
  // Only the forum's letters can be named (the server refuses any other attachment).
  const letters = attachments.filter((a) => a.kind === APPROVAL_LETTER);
  return (
    <Stack gap="xs" data-testid="decision-fields">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('approvals.field.decisionDate')}
          description={t('approvals.field.decisionDateHelp')}
          max={today()}
          required
          withAsterisk={false}
          value={value.decisionDate}
          error={errors.decisionDate}
          onChange={(e) => onChange('decisionDate', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('approvals.field.meetingDate')}
          description={t('approvals.field.optional')}
          max={today()}
          value={value.meetingDate}
          error={errors.meetingDate}
          onChange={(e) => onChange('meetingDate', e.currentTarget.value)}
        />
        <TextInput
          label={t('approvals.field.meetingNumber')}
          description={t('approvals.field.meetingNumberHelp')}
          maxLength={40}
          value={value.meetingNumber}
          error={errors.meetingNumber}
          onChange={(e) => onChange('meetingNumber', e.currentTarget.value)}
        />
        <TextInput
          label={t('approvals.field.minutesReference')}
          description={t('approvals.field.optional')}
          maxLength={300}
          value={value.minutesReference}
          error={errors.minutesReference}
          onChange={(e) => onChange('minutesReference', e.currentTarget.value)}
        />
      </SimpleGrid>
      {approving ? (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" className="decision-costs">
            <div>
              <Text size="sm" fw={500}>
                {t('approvals.field.documentCost')}
              </Text>
              <Text size="sm" mt={6} data-testid="decision-document-cost">
                <Amount value={documentCost} unit />
              </Text>
            </div>
            <TextInput
              label={t('approvals.field.approvedCost')}
              description={t('approvals.field.approvedCostHelp')}
              inputMode="decimal"
              dir="ltr"
              required
              withAsterisk={false}
              value={value.approvedCost}
              error={errors.approvedCost}
              onChange={(e) => onChange('approvedCost', e.currentTarget.value)}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('approvals.field.outcome')}
            value={value.outcome}
            onChange={(v) => onChange('outcome', v as Outcome)}
          >
            <Group gap="md" mt={4}>
              <Radio value="approved" label={t('approvals.outcome.approved')} />
              <Radio value="approved-with-changes" label={t('approvals.outcome.approvedWithChanges')} />
            </Group>
          </Radio.Group>
          {value.outcome === 'approved-with-changes' ? (
            <Textarea
              label={t('approvals.field.conditions')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={5000}
              value={value.conditions}
              error={errors.conditions}
              onChange={(e) => onChange('conditions', e.currentTarget.value)}
            />
          ) : null}
        </>
      ) : null}
      <NativeSelect
        label={t('approvals.field.letter')}
        description={letters.length ? t('approvals.field.letterHelp') : t('approvals.field.letterNone')}
        value={value.letterAttachmentId}
        error={errors.letterAttachmentId}
        onChange={(e) => onChange('letterAttachmentId', e.currentTarget.value)}
        data={[
          { value: '', label: t('approvals.field.letterNotChosen') },
          ...letters.map((a) => ({ value: a.id, label: a.fileName })),
          // Just uploaded: chosen before the document's list has been asked again.
          ...(letter.uploaded && !letters.some((a) => a.id === letter.uploaded!.id)
            ? [{ value: letter.uploaded.id, label: letter.uploaded.fileName }]
            : []),
        ]}
      />
      <FileInput
        label={t('approvals.field.letterUpload')}
        description={t('approvals.field.letterUploadHelp')}
        accept="application/pdf,image/png,image/jpeg,image/tiff"
        value={null}
        onChange={(file) => void letter.upload(file)}
        error={letter.error}
        disabled={letter.busy}
        data-testid="letter-upload"
      />
      <NativeSelect
        label={t('approvals.field.forum')}
        description={t('approvals.field.forumHelp')}
        value={value.forum}
        error={errors.forum}
        onChange={(e) => onChange('forum', e.currentTarget.value)}
        data={[
          { value: '', label: t('approvals.field.forumByRules') },
          ...forums.map((f) => ({ value: f.code, label: locale === 'ur' ? f.nameUr || f.nameEn : f.nameEn })),
        ]}
        data-testid="decision-forum"
      />
    </Stack>
  );
}

/** The attachment kind of a forum's approval letter (src/attachments). */
const APPROVAL_LETTER = 'approval-letter';

/** Files the approval letter on the document (POST /approval-letter) and chooses it. */
function useLetterUpload(documentId: string, choose: (id: string) => void) {
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<{ id: string; fileName: string } | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const saved = await api.upload<{ id: string; fileName: string }>(
        `/api/documents/${documentId}/approval-letter`,
        form,
      );
      setUploaded(saved);
      choose(saved.id);
      void queryClient.invalidateQueries({ queryKey: documentKey(documentId) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, uploaded, upload };
}
