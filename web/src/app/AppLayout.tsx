import { Anchor, AppShell, Burger, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useFocusOnNavigation } from './focus-on-navigation';
import { TrainingBand } from './TrainingBand';
import { useSession } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { NotificationBell } from '../notifications/NotificationBell';
import { useWorkflow } from '../api/queries';
import { canImport } from '../imports/import-api';
import type { Permission } from '../../../src/tenancy/permissions';

const ADMIN_SCREENS: { to: string; label: string; permission: Permission }[] = [
  { to: '/admin/users', label: 'admin.nav.users', permission: 'users.manage' },
  { to: '/admin/departments', label: 'admin.nav.departments', permission: 'departments.manage' },
  { to: '/admin/master-data', label: 'admin.nav.masterData', permission: 'master-data.manage' },
  { to: '/admin/forms', label: 'admin.nav.forms', permission: 'forms.customise' },
  { to: '/admin/workflow', label: 'admin.nav.workflow', permission: 'settings.manage' },
  { to: '/admin/forum-rules', label: 'admin.nav.forumRules', permission: 'settings.manage' },
  { to: '/admin/portfolio', label: 'admin.nav.portfolio', permission: 'settings.manage' },
  { to: '/admin/audit', label: 'admin.nav.audit', permission: 'audit.read' },
  { to: '/admin/training', label: 'training.nav', permission: 'settings.manage' },
];

/** The frame of every signed-in screen: the province, navigation, language and account. */
export function AppLayout() {
  useFocusOnNavigation();
  const { t } = useI18n();
  const session = useSession();
  const workflow = useWorkflow().data;
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const links = [
    { to: '/', label: t('nav.myWork'), active: location.pathname === '/' },
    {
      to: '/projects',
      label: t('nav.projects'),
      active: location.pathname.startsWith('/projects') || location.pathname.startsWith('/documents'),
    },
    { to: '/profile', label: t('nav.profile'), active: location.pathname === '/profile' },
    // Province administrators and forum approvers: bringing the province's existing projects in.
    ...(canImport(session, workflow)
      ? [{ to: '/admin/import', label: t('imports.nav'), active: location.pathname === '/admin/import' }]
      : []),
    // Which proforma edition new projects start on.
    ...(session.can('forms.customise')
      ? [{ to: '/admin/editions', label: t('editions.nav'), active: location.pathname === '/admin/editions' }]
      : []),
  ];
  // The province administration: each screen shown to the roles whose permission it needs
  // (the server refuses the rest anyway).
  const adminLinks = ADMIN_SCREENS.filter((s) => session.can(s.permission)).map((s) => ({
    to: s.to,
    label: t(s.label),
    active: location.pathname === s.to || location.pathname.startsWith(`${s.to}/`),
  }));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <TrainingBand />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit" style={{ minWidth: 0 }}>
              <Text fw={700} truncate data-testid="province-name">
                {t('app.name')} · {session.tenant?.name}
              </Text>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={session.me?.name} visibleFrom="xs" className="user-button">
                  <Text size="sm" truncate maw={160}>
                    {session.me?.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component={Link} to="/profile">
                  {t('nav.profile')}
                </Menu.Item>
                <Menu.Item onClick={() => void session.signOut()}>{t('nav.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        <Stack gap={4} component="nav">
          {links.map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              active={l.active}
              onClick={close}
              aria-current={l.active ? 'page' : undefined}
            />
          ))}
          {adminLinks.length > 0 && (
            <Text size="xs" fw={700} c="dimmed" mt="sm" px="sm" component="h2">
              {t('admin.nav.section')}
            </Text>
          )}
          {adminLinks.map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              active={l.active}
              onClick={close}
              aria-current={l.active ? 'page' : undefined}
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
