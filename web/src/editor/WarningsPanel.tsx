import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useMemo, useRef, useState } from 'react';
import { warningKey } from '../../../src/forms/form-validator';
import { api } from '../api/client';
import { DateText } from '../components/Amount';
import { Ltr } from '../components/Ltr';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { documentKey } from './api';
import { focusPointer } from './focus';
import type { DocumentWarning, FormError } from './types';

/*
 * Warnings apart from errors: a check of severity 'warning' never blocks a save, but before
 * submission each open warning needs an answer (the way a scrutiny officer's observation is
 * answered). The preparer answers here; reviewers see the warnings with their answers.
 */

export const WARNINGS_ANCHOR = 'warnings';
/** The server's limit on an answer (POST /warning-answers). */
export const MAX_WARNING_ANSWER_LENGTH = 2000;

/**
 * The warnings to show: while editing with live checks, those of the data on screen (each with
 * the answer the server has for it); otherwise the saved document's.
 */
export function useShownWarnings(live: FormError[] | null, saved: DocumentWarning[] | undefined): DocumentWarning[] {
  const previous = useRef<DocumentWarning[]>([]);
  return useMemo(() => {
    const answers = new Map((saved ?? []).map((w) => [w.key, w]));
    const next: DocumentWarning[] = live
      ? live.map((e) => {
          const key = warningKey(e);
          const known = answers.get(key);
          return {
            key,
            pointer: e.pointer,
            item: e.item ?? known?.item ?? null,
            check: (e.params?.check as string | undefined) ?? known?.check ?? null,
            message: e.message,
            params: e.params,
            answer: known?.answer ?? null,
          };
        })
      : (saved ?? []);
    // Unchanged while typing elsewhere: keep the same list so the memoised panel is not drawn again.
    const same =
      next.length === previous.current.length &&
      next.every(
        (w, i) =>
          w.key === previous.current[i].key &&
          w.message === previous.current[i].message &&
          w.answer?.text === previous.current[i].answer?.text,
      );
    if (!same) previous.current = next;
    return previous.current;
  }, [live, saved]);
}

export const WarningsPanel = memo(function WarningsPanel({
  documentId,
  warnings,
  canAnswer,
  beforeAnswer,
}: {
  documentId: string;
  warnings: DocumentWarning[];
  canAnswer: boolean;
  /** Saves what is unsaved, so the server knows the warning answered. */ beforeAnswer(): Promise<boolean>;
}) {
  const { t } = useI18n();
  if (!warnings.length) return null;
  const open = warnings.filter((w) => !w.answer).length;
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby={WARNINGS_ANCHOR}
      data-testid="warnings"
      style={{ borderColor: 'var(--mantine-color-yellow-5)', borderInlineStartWidth: 4 }}
    >
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id={WARNINGS_ANCHOR} tabIndex={-1}>
          {t('warnings.title', { n: warnings.length })}
        </Title>
        <Text size="sm" c={open ? 'yellow.9' : 'green.8'} role="status">
          {open ? t('warnings.openCount', { n: open }) : t('warnings.allAnswered')}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {canAnswer ? t('warnings.introPreparer') : t('warnings.introReader')}
      </Text>
      <Stack gap="sm">
        {warnings.map((w) => (
          <WarningItem
            key={w.key}
            documentId={documentId}
            warning={w}
            canAnswer={canAnswer}
            beforeAnswer={beforeAnswer}
          />
        ))}
      </Stack>
    </Paper>
  );
});

function WarningItem({
  documentId,
  warning,
  canAnswer,
  beforeAnswer,
}: {
  documentId: string;
  warning: DocumentWarning;
  canAnswer: boolean;
  beforeAnswer(): Promise<boolean>;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answer = warning.answer;
  const asking = canAnswer && (!answer || editing);

  const send = async () => {
    const trimmed = text.trim();
    if (!trimmed) {
      setProblem(t('warnings.answerRequired'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      if (!(await beforeAnswer())) {
        setProblem(t('editor.saveFirst'));
        return;
      }
      await api.post(`/api/documents/${documentId}/warning-answers`, { key: warning.key, answer: trimmed });
      await queryClient.invalidateQueries({ queryKey: documentKey(documentId) });
      setEditing(false);
      setText('');
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="warning-item"
      data-testid="warning"
      data-warning-key={warning.key}
      data-answered={answer ? 'true' : 'false'}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color="yellow" variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
          {warning.item ? (
            <>
              {t('warnings.item')} <Ltr>{warning.item}</Ltr>
            </>
          ) : (
            t('warnings.badge')
          )}
        </Badge>
        {warning.pointer ? (
          <Anchor component="button" type="button" size="sm" ta="start" onClick={() => focusPointer(warning.pointer)}>
            {warning.message}
          </Anchor>
        ) : (
          <Text size="sm">{warning.message}</Text>
        )}
      </Group>
      {answer && !editing ? (
        <Stack gap={2} ms="md" mt={4}>
          <Text size="sm" data-testid="warning-answer">
            <Text span fw={600}>
              {t('warnings.answer')}:
            </Text>{' '}
            <bdi>{answer.text}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {answer.byName || answer.by ? `${answer.byName || answer.by} · ` : ''}
            <DateText value={answer.at} withTime />
            {canAnswer ? (
              <>
                {' '}
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => {
                    setText(answer.text);
                    setEditing(true);
                  }}
                >
                  {t('warnings.changeAnswer')}
                </Anchor>
              </>
            ) : null}
          </Text>
        </Stack>
      ) : null}
      {!answer && !canAnswer ? (
        <Text size="xs" c="yellow.9" ms="md" mt={4}>
          {t('warnings.notAnswered')}
        </Text>
      ) : null}
      {asking ? (
        <Stack gap={4} ms="md" mt={6}>
          <Textarea
            label={t('warnings.answerLabel')}
            description={t('warnings.answerHelp')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={MAX_WARNING_ANSWER_LENGTH}
            value={text}
            error={problem}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setProblem(null);
            }}
          />
          <Group gap="xs">
            <Button
              size="xs"
              color="yellow.9"
              loading={busy}
              onClick={() => void send()}
              data-testid="save-warning-answer"
            >
              {t('warnings.saveAnswer')}
            </Button>
            {editing ? (
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </div>
  );
}

/** Warnings a submission was refused for (the 422 body), each linked to its place. */
export function UnansweredWarnings({ warnings }: { warnings: DocumentWarning[] }) {
  const { t } = useI18n();
  const goToWarnings = () => {
    const target = document.getElementById(WARNINGS_ANCHOR);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.focus({ preventScroll: true });
  };
  return (
    <Stack gap={4} data-testid="unanswered-warnings">
      <Text size="sm" fw={600}>
        {t('warnings.answerBeforeSubmit', { n: warnings.length })}
      </Text>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {warnings.map((w) => (
          <li key={w.key}>
            <Text size="sm" span>
              {w.item ? (
                <>
                  {t('warnings.item')} <Ltr>{w.item}</Ltr>:{' '}
                </>
              ) : null}
              {w.message}
            </Text>
          </li>
        ))}
      </ul>
      <Group>
        <Button size="xs" variant="light" color="yellow" onClick={goToWarnings}>
          {t('warnings.goToWarnings')}
        </Button>
      </Group>
    </Stack>
  );
}
