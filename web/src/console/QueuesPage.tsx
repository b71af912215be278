import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';

/** Where the queues dashboard (bull-board) is mounted by the API, on the platform host only. */
export const QUEUES_DASHBOARD_PATH = '/api/platform/queues';

/*
 * /queues — the BullMQ dashboard opens in its own tab. A page the browser navigates to carries no
 * Authorization header, so the console first asks for a short-lived board cookie (httpOnly, scoped
 * to the dashboard's path) with the operator's token, then opens the board.
 */
export default function QueuesPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  useDocumentTitle(`${t('console.queues.title')} · ${t('app.name')}`);
  const open = useMutation({
    mutationFn: async () => {
      // Opened at once, while the click still counts as the user's: a window opened after an
      // await is taken for a pop-up and blocked. It is pointed at the board once the cookie is set.
      const tab = window.open('about:blank', '_blank');
      try {
        await api.post('/api/platform/queues/session');
      } catch (error) {
        tab?.close();
        throw error;
      }
      if (tab) {
        tab.opener = null;
        tab.location.href = QUEUES_DASHBOARD_PATH;
      }
      return !!tab;
    },
  });
  return (
    <Stack gap="lg" maw={760} data-testid="console-queues">
      <Title order={1}>{t('console.queues.title')}</Title>
      <Text size="sm">{t('console.queues.intro')}</Text>
      <Button onClick={() => open.mutate()} loading={open.isPending} w="fit-content">
        {t('console.queues.open')}
      </Button>
      {open.data === false ? (
        // The browser refused the new tab: the cookie is set, so a plain link works.
        <Alert color="yellow">
          <Anchor href={QUEUES_DASHBOARD_PATH} target="_blank" rel="noopener noreferrer">
            {t('console.queues.blocked')}
          </Anchor>
        </Alert>
      ) : null}
      {open.error ? (
        <Alert color="red" role="alert">
          {errorText(open.error)}
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('console.queues.audited')}
      </Text>
    </Stack>
  );
}
