import {
  AppShell,
  Box,
  Burger,
  Container,
  Group,
  Menu,
  NavLink,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ReactNode, Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { PlatformProfile } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Ltr } from '../components/Ltr';
import { Loading } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { useConsoleSession } from './session';
import { useFocusOnNavigation } from '../app/focus-on-navigation';

const SCREENS = [
  { to: '/provinces', label: 'console.nav.provinces' },
  { to: '/portfolio', label: 'console.nav.portfolio' },
  { to: '/migrations', label: 'console.nav.migrations' },
  { to: '/queues', label: 'console.nav.queues' },
  { to: '/monitoring', label: 'console.nav.monitoring' },
  { to: '/operators', label: 'console.nav.operators' },
  { to: '/audit', label: 'console.nav.audit' },
];

/** Screens behind the operator's sign-in: anyone else goes to the sign-in page and comes back. */
export function RequireOperator({ children }: { children: ReactNode }) {
  const session = useConsoleSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status !== 'signed-in') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** The frame of every signed-in console screen: navigation, language and the operator's account. */
export function ConsoleLayout({ profile }: { profile: PlatformProfile }) {
  useFocusOnNavigation();
  const { t } = useI18n();
  const session = useConsoleSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const active = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);
  return (
    <AppShell
      header={{ height: 60 }}
      padding="md"
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
    >
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700} truncate data-testid="console-name">
              {t('app.name')} · {t('console.title')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              <Ltr>{profile.domain}</Ltr>
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={session.operator?.name} visibleFrom="xs" className="user-button">
                  <Text size="sm" truncate maw={200}>
                    {session.operator?.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Ltr>{session.operator?.email}</Ltr>
                </Menu.Label>
                <Menu.Item onClick={() => void session.signOut()}>{t('nav.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        <Stack gap={4} component="nav">
          {SCREENS.map((s) => (
            <NavLink
              key={s.to}
              component={Link}
              to={s.to}
              label={t(s.label)}
              active={active(s.to)}
              onClick={close}
              aria-current={active(s.to) ? 'page' : undefined}
            />
          ))}
          <NavLink component="button" label={t('nav.signOut')} onClick={() => void session.signOut()} />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

/** The sign-in page's frame: the console's name and the language switch. */
export function ConsolePublicLayout({ profile }: { profile: PlatformProfile }) {
  const { t } = useI18n();
  const session = useConsoleSession();
  return (
    <Box mih="100vh" className="public-background">
      <Container size={460} py={40} px="md">
        <Stack gap="lg">
          <Group component="header" justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={1} size="h2" data-testid="console-name">
                {t('console.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('app.name')} — <Ltr>{profile.domain}</Ltr>
              </Text>
            </div>
            <Box style={{ flexShrink: 0 }}>
              <LanguageSwitch />
            </Box>
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md" component="main" id="main">
            {session.status === 'loading' ? <Loading /> : <Outlet />}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
