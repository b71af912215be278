import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { NoProvince } from './guards';
import { TrainingBand } from './TrainingBand';

/** Sign-in, invitation and reset pages: the province's name and branding, and the language switch. */
export function PublicLayout() {
  const { t } = useI18n();
  const session = useSession();
  if (session.status === 'no-province') return <NoProvince />;
  const title = session.tenant?.branding?.title ?? session.tenant?.name;
  return (
    <Box mih="100vh" className="public-background">
      <TrainingBand />
      <Container size={460} py={40} px="md">
        <Stack gap="lg">
          <Group component="header" justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={1} size="h2" data-testid="province-name">
                {title ?? t('app.name')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('app.name')} — {t('app.tagline')}
              </Text>
            </div>
            <Box style={{ flexShrink: 0 }}>
              <LanguageSwitch />
            </Box>
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md" component="main" id="main">
            <Suspense fallback={<Loading />}>{session.status === 'loading' ? <Loading /> : <Outlet />}</Suspense>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
