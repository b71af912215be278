import { Alert, Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import {
  AdminUser,
  OneTimeLink,
  PAGE_SIZE,
  useAllDepartments,
  useDepartmentName,
  useRoleLabel,
  useRoles,
  useUsers,
} from './people-api';
import { AdminGuardExplained, BADGE_STYLE, isAdminGuard, LinkToCopy, RowAction, UserStatusBadge } from './shared';
import { EditUserDialog, InviteDialog } from './UserDialogs';

/*
 * /admin/users — the province's accounts: find (name or email, role, department, status), invite
 * (the link is mailed and also shown to copy), change roles and department, disable or enable,
 * send a password reset link. A province always keeps an active administrator: the API's refusal
 * is explained on screen with what to do instead.
 */

const STATUSES = ['active', 'invited', 'disabled'] as const;

export default function UsersPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('usersAdmin.users.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1200} data-testid="users-page">
      <Title order={1}>{t('usersAdmin.users.title')}</Title>
      {session.can('users.manage') ? (
        <UsersScreen />
      ) : (
        <Alert color="gray" role="alert">
          {t('usersAdmin.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function UsersScreen() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const users = useUsers({ q: q || undefined, role, departmentId, status, page });
  const departments = useAllDepartments();
  const roles = useRoles();
  const roleLabel = useRoleLabel();
  const departmentName = useDepartmentName();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [link, setLink] = useState<{ link: OneTimeLink; intro: string } | null>(null);
  const [guard, setGuard] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin-users'] });
  /** True when the error was the administrator guard (explained on the page, not in a toast). */
  const handle = (error: unknown): boolean => {
    if (isAdminGuard(error)) {
      setGuard(true);
      return true;
    }
    notifications.show({ color: 'red', message: errorText(error) });
    return false;
  };
  const setEnabled = useMutation({
    mutationFn: ({ user, enabled }: { user: AdminUser; enabled: boolean }) =>
      api.post<AdminUser>(`/api/users/${user.id}/${enabled ? 'enable' : 'disable'}`),
    onSuccess: (user) => {
      const words = user.status === 'disabled' ? 'usersAdmin.disabled' : 'usersAdmin.enabled';
      notifications.show({ color: 'green', message: t(words, { name: user.name }) });
      void refresh();
    },
    onError: handle,
  });
  const reset = useMutation({
    mutationFn: (user: AdminUser) => api.post<OneTimeLink>(`/api/users/${user.id}/password-reset`),
    onSuccess: (result, user) => setLink({ link: result, intro: t('usersAdmin.reset.sent', { email: user.email }) }),
    onError: handle,
  });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const departmentById = new Map((departments.data ?? []).map((d) => [d.id, d]));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" maw={720}>
          {t('usersAdmin.users.intro')}
        </Text>
        <Button onClick={() => setInviting(true)} data-testid="invite-open">
          {t('usersAdmin.invite.open')}
        </Button>
      </Group>
      {guard ? <AdminGuardExplained onClose={() => setGuard(false)} /> : null}
      {link ? <LinkToCopy link={link.link} intro={link.intro} /> : null}
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('usersAdmin.filters')}>
        <TextInput
          label={t('usersAdmin.search')}
          value={search}
          onChange={(e) => filter(setSearch)(e.currentTarget.value)}
          style={{ flex: '1 1 240px' }}
          data-testid="users-search"
        />
        <Select
          label={t('usersAdmin.field.role')}
          placeholder={t('usersAdmin.all')}
          clearable
          value={role}
          onChange={filter(setRole)}
          data={(roles.data ?? []).map((r) => ({ value: r, label: roleLabel(r) }))}
          data-testid="filter-role"
        />
        <Select
          label={t('usersAdmin.field.department')}
          placeholder={t('usersAdmin.all')}
          clearable
          searchable
          value={departmentId}
          onChange={filter(setDepartmentId)}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: departmentName(d) }))}
        />
        <Select
          label={t('usersAdmin.field.status')}
          placeholder={t('usersAdmin.all')}
          clearable
          value={status}
          onChange={filter(setStatus)}
          data={STATUSES.map((s) => ({ value: s, label: t(`usersAdmin.status.${s}`) }))}
          data-testid="filter-status"
        />
      </Group>
      <QueryState query={users}>
        {() => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" role="status">
              {t('usersAdmin.users.count', { n: users.data!.total })}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover data-testid="users-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('usersAdmin.field.name')}</Table.Th>
                    <Table.Th>{t('usersAdmin.field.email')}</Table.Th>
                    <Table.Th>{t('usersAdmin.field.roles')}</Table.Th>
                    <Table.Th>{t('usersAdmin.field.department')}</Table.Th>
                    <Table.Th>{t('usersAdmin.field.status')}</Table.Th>
                    <Table.Th>{t('usersAdmin.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data!.items.map((u) => (
                    <Table.Tr key={u.id} data-email={u.email}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {u.name}
                        </Text>
                        {u.designation ? (
                          <Text size="xs" c="dimmed">
                            {u.designation}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Ltr>{u.email}</Ltr>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {u.roles.map((r) => (
                            <Badge key={r} variant="light" color="gray" style={BADGE_STYLE}>
                              {roleLabel(r)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{departmentName(departmentById.get(u.departmentId ?? ''))}</Table.Td>
                      <Table.Td>
                        <UserStatusBadge status={u.status} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <RowAction
                            label={t('usersAdmin.edit.open')}
                            onClick={() => setEditing(u)}
                            testId="user-edit"
                          />
                          {u.status === 'disabled' ? (
                            <RowAction
                              label={t('usersAdmin.enable')}
                              onClick={() => setEnabled.mutate({ user: u, enabled: true })}
                              testId="user-enable"
                            />
                          ) : (
                            <>
                              <RowAction
                                label={t('usersAdmin.disable')}
                                color="red"
                                onClick={() => setEnabled.mutate({ user: u, enabled: false })}
                                testId="user-disable"
                              />
                              <RowAction
                                label={t('usersAdmin.reset.open')}
                                onClick={() => reset.mutate(u)}
                                testId="user-reset"
                              />
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {users.data!.total > PAGE_SIZE ? (
              <Pagination
                total={Math.ceil(users.data!.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(c) => ({ 'aria-label': t(`usersAdmin.page.${c}`) })}
              />
            ) : null}
          </Stack>
        )}
      </QueryState>
      <InviteDialog
        opened={inviting}
        onClose={() => setInviting(false)}
        departments={departments.data ?? []}
        onInvited={(invitation, email) => {
          setInviting(false);
          setLink({ link: invitation, intro: t('usersAdmin.invite.sent', { email }) });
          void refresh();
        }}
      />
      {editing ? (
        <EditUserDialog
          user={editing}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
          onGuard={() => setGuard(true)}
          onSaved={() => {
            notifications.show({ color: 'green', message: t('usersAdmin.edit.saved', { name: editing.name }) });
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </Stack>
  );
}
