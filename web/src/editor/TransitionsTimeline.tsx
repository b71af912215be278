import { Alert, Blockquote, Group, Paper, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import { useMasterName, useWorkflow } from '../api/queries';
import { DateText } from '../components/Amount';
import { Ltr } from '../components/Ltr';
import { QueryState } from '../components/QueryState';
import { StateBadge } from '../components/StateBadge';
import { useI18n } from '../i18n/i18n';
import { useTransitions } from './api';
import type { TransitionEntry } from './types';

/** The document's workflow so far: who did what, when, from which state to which, and why. */
export const HISTORY_ANCHOR = 'workflow-history';

export const TransitionsTimeline = memo(function TransitionsTimeline({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const query = useTransitions(documentId);
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'md' }} radius="md" aria-labelledby={HISTORY_ANCHOR}>
      <Title order={2} size="h4" id={HISTORY_ANCHOR} tabIndex={-1} mb="sm">
        {t('editor.workflowHistory')}
      </Title>
      <QueryState query={query}>
        {() =>
          query.data?.length ? (
            <Timeline bulletSize={14} lineWidth={2} active={query.data.length - 1}>
              {query.data.map((step, i) => (
                <Timeline.Item key={`${step.at ?? step.createdAt ?? ''}-${i}`} title={<StepTitle step={step} />}>
                  <StepBody step={step} />
                </Timeline.Item>
              ))}
            </Timeline>
          ) : (
            <Text size="sm" c="dimmed">
              {t('editor.noSteps')}
            </Text>
          )
        }
      </QueryState>
    </Paper>
  );
});

/** The action of a step in the province's own words. */
function useActionLabel() {
  const { locale } = useI18n();
  const workflow = useWorkflow();
  return (action: string) => workflow.data?.config.actions.find((a) => a.id === action)?.label[locale] ?? action;
}

/**
 * The last step's comment, above the form: a preparer opening a returned document reads first
 * why it came back (the whole history is at the end of the page).
 */
export const LastStepNote = memo(function LastStepNote({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const actionLabel = useActionLabel();
  const query = useTransitions(documentId);
  const last = query.data?.at(-1);
  if (!last?.comment) return null;
  const who = last.actorName || last.actorEmail;
  const warning = ['return', 'defer', 'reject'].includes(last.action);
  return (
    <Alert
      color={warning ? 'orange' : 'blue'}
      variant="light"
      role="note"
      title={actionLabel(last.action)}
      data-testid="last-step"
    >
      <Text size="sm" className="step-comment">
        {last.comment}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {who ? `${t('editor.stepBy', { name: `\u2068${who}\u2069` })} · ` : null}
        <DateText value={last.at ?? last.createdAt} withTime />
      </Text>
    </Alert>
  );
});

function StepTitle({ step }: { step: TransitionEntry }) {
  const actionLabel = useActionLabel();
  const label = actionLabel(step.action);
  return (
    <Text fw={600} size="sm" component="span">
      {label}
    </Text>
  );
}

function StepBody({ step }: { step: TransitionEntry }) {
  const { t, dir } = useI18n();
  const forumName = useMasterName('approval-forums');
  const from = step.fromState ?? step.from;
  const to = step.toState ?? step.to;
  const who = step.actorName || step.actorEmail;
  return (
    <>
      <Group gap={6} wrap="wrap" mt={2}>
        {from ? <StateBadge state={from} /> : null}
        {/* The arrow follows the reading direction; the words are for screen readers. */}
        <span aria-hidden>{dir === 'rtl' ? '←' : '→'}</span>
        <VisuallyHidden>{t('editor.movedTo')}</VisuallyHidden>
        {to ? <StateBadge state={to} /> : null}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {/* U+2068…U+2069 isolate the name (often an e-mail address) inside Urdu text. */}
        {who ? `${t('editor.stepBy', { name: `\u2068${who}\u2069` })} · ` : null}
        <DateText value={step.at ?? step.createdAt} withTime />
      </Text>
      {step.forum ? (
        <Text size="xs" mt={2}>
          {t('editor.forum')}: {forumName(step.forum)}
          {step.forumRule ? (
            <>
              {' '}
              (<Ltr>{step.forumRule}</Ltr>)
            </>
          ) : null}
        </Text>
      ) : null}
      {step.comment ? (
        <Blockquote p="xs" mt={6} className="step-comment">
          {step.comment}
        </Blockquote>
      ) : null}
    </>
  );
}
