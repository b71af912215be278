import { Alert, Button, Group, Modal, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { AdminDepartment, useAllDepartments } from './people-api';
import { ActiveBadge, RowAction } from './shared';

/*
 * /admin/departments — the province's departments in English and Urdu: add, rename, deactivate
 * (kept on the users and documents that name it, no longer offered for new ones) and reactivate.
 * The code is a department's identity in forms and reports, so it is set once.
 */

export default function DepartmentsPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('usersAdmin.departments.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1000} data-testid="departments-page">
      <Title order={1}>{t('usersAdmin.departments.title')}</Title>
      {session.can('departments.manage') ? (
        <Departments />
      ) : (
        <Alert color="gray" role="alert">
          {t('usersAdmin.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function Departments() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const departments = useAllDepartments();
  const [editing, setEditing] = useState<AdminDepartment | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['departments'] });
  const toggle = useMutation({
    mutationFn: (d: AdminDepartment) => api.patch<AdminDepartment>(`/api/departments/${d.id}`, { active: !d.active }),
    onSuccess: (d) => {
      const words = d.active ? 'usersAdmin.departments.reactivated' : 'usersAdmin.departments.deactivated';
      notifications.show({ color: 'green', message: t(words, { code: d.code }) });
      void refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" maw={700}>
          {t('usersAdmin.departments.intro')}
        </Text>
        <Button onClick={() => setEditing('new')} data-testid="department-add">
          {t('usersAdmin.departments.add')}
        </Button>
      </Group>
      <QueryState query={departments}>
        {() => (
          <Table striped highlightOnHover data-testid="departments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('usersAdmin.field.code')}</Table.Th>
                <Table.Th>{t('usersAdmin.field.nameEn')}</Table.Th>
                <Table.Th>{t('usersAdmin.field.nameUr')}</Table.Th>
                <Table.Th>{t('usersAdmin.field.status')}</Table.Th>
                <Table.Th>{t('usersAdmin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {departments.data!.map((d) => (
                <Table.Tr key={d.id} data-code={d.code}>
                  <Table.Td>
                    <Ltr>{d.code}</Ltr>
                  </Table.Td>
                  <Table.Td>
                    <bdi lang="en">{d.name}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi lang="ur" dir="rtl">
                      {d.nameUr ?? ''}
                    </bdi>
                  </Table.Td>
                  <Table.Td>
                    <ActiveBadge active={d.active} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <RowAction
                        label={t('usersAdmin.edit.open')}
                        onClick={() => setEditing(d)}
                        testId="department-edit"
                      />
                      <RowAction
                        label={d.active ? t('usersAdmin.deactivate') : t('usersAdmin.reactivate')}
                        color={d.active ? 'red' : undefined}
                        onClick={() => toggle.mutate(d)}
                        testId="department-toggle"
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {editing ? (
        <DepartmentDialog
          department={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </Stack>
  );
}

function DepartmentDialog({
  department,
  onClose,
  onSaved,
}: {
  department: AdminDepartment | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [code, setCode] = useState(department?.code ?? '');
  const [name, setName] = useState(department?.name ?? '');
  const [nameUr, setNameUr] = useState(department?.nameUr ?? '');
  const [active, setActive] = useState(department?.active ?? true);
  const save = useMutation({
    mutationFn: async () => {
      const names = { name: name.trim(), ...(nameUr.trim() ? { nameUr: nameUr.trim() } : {}) };
      if (!department) {
        const created = await api.post<AdminDepartment>('/api/departments', { code: code.trim(), ...names });
        return active ? created : api.patch<AdminDepartment>(`/api/departments/${created.id}`, { active });
      }
      return api.patch<AdminDepartment>(`/api/departments/${department.id}`, { ...names, active });
    },
    onSuccess: (d) => {
      notifications.show({ color: 'green', message: t('usersAdmin.departments.saved', { code: d.code }) });
      onSaved();
    },
  });
  const field = (f: string) => (save.error instanceof ApiError ? save.error.fields[f]?.join(' ') : undefined);
  const general = save.error && !(save.error instanceof ApiError && Object.keys(save.error.fields).length);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = department
    ? t('usersAdmin.departments.editTitle', { code: department.code })
    : t('usersAdmin.departments.add');
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('usersAdmin.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('usersAdmin.field.code')}
            description={t('usersAdmin.departments.codeHelp')}
            required
            dir="ltr"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            disabled={!!department}
            error={field('code')}
            data-testid="department-code"
          />
          <TextInput
            label={t('usersAdmin.field.nameEn')}
            required
            lang="en"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={field('name')}
            data-testid="department-name"
          />
          <TextInput
            label={t('usersAdmin.field.nameUr')}
            lang="ur"
            dir="rtl"
            value={nameUr}
            onChange={(e) => setNameUr(e.currentTarget.value)}
            error={field('nameUr')}
            data-testid="department-name-ur"
          />
          <Switch
            label={t('usersAdmin.field.active')}
            description={t('usersAdmin.departments.activeHelp')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          {general ? (
            <Text c="red" size="sm" role="alert">
              {errorText(save.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('usersAdmin.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="department-save">
              {t('usersAdmin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
