import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { DocumentSummary } from '../../api/types';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { PERIOD_KIND, useDocumentLabels } from '../shared/documentLabels';
import { fieldErrorsOf } from '../shared/fieldErrors';
import { defaultPeriod, recentFinancialYears, recentMonths } from './periods';

/** What may follow an approved PC-I, in the order of the project's life. */
const FOLLOW_UPS = ['pc1-revised', 'pc3a', 'pc3b', 'pc4', 'pc5'] as const;

/**
 * Starts a follow-up document of an approved project, prefilled by the server from the approved
 * PC-I. A link from a reporting obligation (?start=pc3b&period=2025-09) arrives with both chosen.
 */
export function FollowUpForm({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const today = new Date();
  const asked = (FOLLOW_UPS as readonly string[]).includes(params.get('start') ?? '') ? params.get('start')! : '';
  const askedPeriod = params.get('period') ?? '';
  const [formKey, setFormKey] = useState<string>(asked || 'pc3b');
  const [period, setPeriod] = useState(askedPeriod || defaultPeriod(asked || 'pc3b', today));
  const selectRef = useRef<HTMLSelectElement>(null);

  // Arriving from an obligation's link: take its choice and bring the form into view.
  useEffect(() => {
    if (!asked) return;
    setFormKey(asked);
    setPeriod(askedPeriod || defaultPeriod(asked, today));
    selectRef.current?.scrollIntoView({ block: 'center' });
    selectRef.current?.focus();
    // today is only the reference for defaults; the link's parameters are what this follows.
  }, [asked, askedPeriod]);

  const start = useMutation({
    mutationFn: () =>
      api.post<DocumentSummary>(`/api/projects/${projectId}/documents`, {
        formKey,
        ...(PERIOD_KIND[formKey] ? { period } : {}),
      }),
    onSuccess: async (document) => {
      await queryClient.invalidateQueries({ queryKey: ['project', projectId] });
      await queryClient.invalidateQueries({ queryKey: ['obligations'] });
      navigate(`/documents/${document.id}`);
    },
  });

  const periodKind = PERIOD_KIND[formKey];
  const choices =
    periodKind === 'month' ? recentMonths(today) : periodKind === 'year' ? recentFinancialYears(today) : [];
  if (period && choices.length && !choices.includes(period)) choices.unshift(period);
  const fieldErrors = fieldErrorsOf(start.error, ['formKey', 'period']);
  const failure = start.error && !fieldErrors.formKey && !fieldErrors.period ? failureText(start.error) : null;

  function failureText(error: unknown): string {
    if (error instanceof ApiError && error.status === 409)
      return /already has/.test(error.message) ? t('projects.followUp.exists') : t('projects.followUp.notApproved');
    return errorText(error);
  }

  const changeKind = (next: string) => {
    setFormKey(next);
    setPeriod(defaultPeriod(next, today));
    start.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={4}>
        <Text size="sm" mb="xs">
          {t('projects.followUp.intro')}
        </Text>
        <NativeSelect
          ref={selectRef}
          className="field"
          label={t('projects.followUp.kind')}
          value={formKey}
          onChange={(e) => changeKind(e.currentTarget.value)}
          error={fieldErrors.formKey}
          data={FOLLOW_UPS.map((k) => ({ value: k, label: labels.kind(k) }))}
        />
        {periodKind ? (
          <NativeSelect
            className="field"
            label={periodKind === 'month' ? t('projects.followUp.month') : t('projects.followUp.year')}
            value={period}
            onChange={(e) => {
              setPeriod(e.currentTarget.value);
              start.reset();
            }}
            error={fieldErrors.period}
            data={choices.map((p) => ({ value: p, label: labels.period(formKey, p) }))}
          />
        ) : null}
        <Group mt="xs">
          <Button type="submit" loading={start.isPending}>
            {t('projects.followUp.submit')}
          </Button>
        </Group>
        {failure ? (
          <Alert color="red" role="alert" mt="sm">
            {failure}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
