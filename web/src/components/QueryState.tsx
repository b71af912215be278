import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** The user-facing words for an API failure: the server's own message where it gave one. */
export function useErrorText() {
  const { t } = useI18n();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('error.network');
      if (error.status === 404) return t('error.notFound');
      if (error.status === 403) return t('error.forbidden');
      if (error.provinceRateLimited) return t('error.provinceBusy', { seconds: String(error.retryAfterSeconds ?? 60) });
      return error.messages.join(' ');
    }
    return error instanceof Error ? error.message : String(error);
  };
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  return (
    <Alert color="red" title={t('error.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <span>{text(error)}</span>
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    // The label sits on the status region: a bare Loader (a span) may not carry one.
    <Center p="xl" role="status" aria-live="polite" aria-label={t('common.loading')}>
      <Loader size="sm" aria-hidden />
    </Center>
  );
}

/** Loading, error or the content of one query. */
export function QueryState({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  children: () => ReactNode;
}) {
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  if (query.isPending) return <Loading />;
  return <>{children()}</>;
}
