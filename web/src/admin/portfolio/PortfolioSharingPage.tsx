import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';

interface PortfolioSharing {
  shared: boolean;
  changedAt: string | null;
  changedBy: string | null;
}

const SHARING_KEY = ['portfolio-sharing'] as const;

/*
 * /admin/portfolio — the province admin decides whether the host sees this province's aggregate
 * figures (GET/PUT /api/portfolio/sharing). Off until turned on; every change is in the audit log.
 */
export default function PortfolioSharingPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('portfolio.sharing.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={800} data-testid="portfolio-sharing-page">
      <Title order={1}>{t('portfolio.sharing.title')}</Title>
      {session.can('settings.manage') ? (
        <Sharing />
      ) : (
        <Alert color="gray" role="alert">
          {t('usersAdmin.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function Sharing() {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const sharing = useQuery({
    queryKey: SHARING_KEY,
    queryFn: () => api.get<PortfolioSharing>('/api/portfolio/sharing'),
    staleTime: 0,
  });
  const save = useMutation({
    mutationFn: (shared: boolean) => api.put<PortfolioSharing>('/api/portfolio/sharing', { shared }),
    onSuccess: (value) => {
      queryClient.setQueryData(SHARING_KEY, value);
      notifications.show({ color: 'green', message: t('portfolio.sharing.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  return (
    <QueryState query={sharing}>
      {() => {
        const value = sharing.data!;
        return (
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <Text size="sm">{t('portfolio.sharing.intro')}</Text>
              <Switch
                size="md"
                checked={value.shared}
                disabled={save.isPending}
                onChange={(e) => save.mutate(e.currentTarget.checked)}
                label={t('portfolio.sharing.switch')}
                data-testid="portfolio-sharing-switch"
              />
              <Alert color={value.shared ? 'green' : 'gray'} role="status" data-testid="portfolio-sharing-state">
                {t(value.shared ? 'portfolio.sharing.on' : 'portfolio.sharing.off')}
              </Alert>
              {value.changedAt ? (
                <Text size="xs" c="dimmed">
                  {t('portfolio.sharing.lastChanged', { when: formatDateTime(value.changedAt) })}
                </Text>
              ) : null}
            </Stack>
          </Card>
        );
      }}
    </QueryState>
  );
}
