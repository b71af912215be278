import { Alert, Anchor, Button, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { memo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { focusPointer } from './focus';
import type { DocumentWarning, FormError, SectionView } from './types';
import { UnansweredWarnings } from './WarningsPanel';

/** Errors grouped by section, each a link that takes focus to its field. */
export function ProblemList({
  sections,
  groups,
  limit = 50,
}: {
  sections: SectionView[];
  groups: ReadonlyMap<string, FormError[]>;
  limit?: number;
}) {
  const { t } = useI18n();
  const general = groups.get('') ?? [];
  return (
    <Stack gap="xs">
      {general.length ? <ErrorLinks errors={general} limit={limit} /> : null}
      {sections.map((s) => {
        const errors = groups.get(s.id);
        if (!errors?.length) return null;
        return (
          <div key={s.id}>
            <Text size="sm" fw={600}>
              <bdi dir="ltr">{s.number}</bdi>. {s.label} — {t('editor.problemCount', { n: errors.length })}
            </Text>
            <ErrorLinks errors={errors} limit={limit} />
          </div>
        );
      })}
    </Stack>
  );
}

function ErrorLinks({ errors, limit }: { errors: FormError[]; limit: number }) {
  const { t } = useI18n();
  return (
    <List size="sm" spacing={2} withPadding>
      {errors.slice(0, limit).map((e, i) => (
        <List.Item key={`${e.pointer}|${e.code}|${i}`}>
          {e.pointer ? (
            <Anchor component="button" type="button" size="sm" ta="start" onClick={() => focusPointer(e.pointer)}>
              {e.message}
            </Anchor>
          ) : (
            <Text size="sm" span>
              {e.message}
            </Text>
          )}
        </List.Item>
      ))}
      {errors.length > limit ? <List.Item>{t('editor.moreProblems', { n: errors.length - limit })}</List.Item> : null}
    </List>
  );
}

/** The form's problems, folded: how many, and where, on request. */
export const ErrorSummary = memo(function ErrorSummary({
  sections,
  groups,
  count,
}: {
  sections: SectionView[];
  groups: ReadonlyMap<string, FormError[]>;
  count: number;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!count) {
    return (
      <Text size="sm" c="green.8" role="status" className="error-summary">
        {t('editor.noProblems')}
      </Text>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" className="error-summary">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" role="status">
          {t('editor.problemsToFix', { n: count })}
        </Text>
        <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('editor.hideProblems') : t('editor.showProblems')}
        </Button>
      </Group>
      <Collapse expanded={open}>
        <div className="error-summary-body">{open ? <ProblemList sections={sections} groups={groups} /> : null}</div>
      </Collapse>
    </Paper>
  );
});

export interface ActionProblem {
  /** The action that was refused, in the user's words. */
  action: string;
  message: string;
  errors: FormError[];
  /** A feasibility study must be attached first (Rs 300 million and above). */
  needsFeasibility: boolean;
  /** Warnings still without an answer (a submission's 422). */
  warnings?: DocumentWarning[];
}

/** Why an action (usually Submit) was refused: the server's message and what is missing, with links. */
export function SubmitProblems({
  problem,
  sections,
  groups,
  onClose,
  onAttach,
}: {
  problem: ActionProblem;
  sections: SectionView[];
  groups: ReadonlyMap<string, FormError[]>;
  onClose(): void;
  onAttach(): void;
}) {
  const { t } = useI18n();
  return (
    <Alert
      color="red"
      title={t('editor.actionRefused', { action: problem.action })}
      data-testid="submit-problems"
      role="alert"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
    >
      <Stack gap="xs">
        {problem.message ? <Text size="sm">{problem.message}</Text> : null}
        {problem.needsFeasibility ? (
          <Group gap="xs">
            <Text size="sm">{t('editor.feasibilityNeeded')}</Text>
            <Button size="xs" variant="light" color="red" onClick={onAttach}>
              {t('editor.goToAttachments')}
            </Button>
          </Group>
        ) : null}
        {problem.errors.length ? <ProblemList sections={sections} groups={groups} /> : null}
        {problem.warnings?.length ? <UnansweredWarnings warnings={problem.warnings} /> : null}
      </Stack>
    </Alert>
  );
}
