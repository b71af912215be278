import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { AdminDepartment, AdminUser, OneTimeLink, useDepartmentName, useRoleLabel, useRoles } from './people-api';
import { isAdminGuard } from './shared';

/* The invite and edit dialogs of the Users screen. */

interface UserForm {
  email: string;
  name: string;
  designation: string;
  roles: string[];
  departmentId: string | null;
}

function useChoices(departments: AdminDepartment[], current: string | null) {
  const roles = useRoles();
  const roleLabel = useRoleLabel();
  const departmentName = useDepartmentName();
  return {
    roles: (roles.data ?? []).map((r) => ({ value: r, label: roleLabel(r) })),
    // A deactivated department is offered only to the user already in it.
    departments: departments
      .filter((d) => d.active || d.id === current)
      .map((d) => ({ value: d.id, label: departmentName(d) })),
  };
}

/** The server's 400 by field, for the inputs (other errors under the form). */
function fieldErrors(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field]?.join(' ') : undefined;
}

function UserFields({
  form,
  set,
  error,
  departments,
  withEmail,
}: {
  form: UserForm;
  set: (f: Partial<UserForm>) => void;
  error: unknown;
  departments: AdminDepartment[];
  withEmail: boolean;
}) {
  const { t } = useI18n();
  const choices = useChoices(departments, form.departmentId);
  return (
    <>
      {withEmail ? (
        <TextInput
          label={t('usersAdmin.field.email')}
          type="email"
          required
          dir="ltr"
          value={form.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
          error={fieldErrors(error, 'email')}
          data-testid="user-email"
        />
      ) : null}
      <TextInput
        label={t('usersAdmin.field.name')}
        required
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={fieldErrors(error, 'name')}
        data-testid="user-name"
      />
      <TextInput
        label={t('usersAdmin.field.designation')}
        value={form.designation}
        onChange={(e) => set({ designation: e.currentTarget.value })}
        error={fieldErrors(error, 'designation')}
      />
      <MultiSelect
        label={t('usersAdmin.field.roles')}
        data={choices.roles}
        value={form.roles}
        onChange={(roles) => set({ roles })}
        error={fieldErrors(error, 'roles')}
        data-testid="user-roles"
      />
      <Select
        label={t('usersAdmin.field.department')}
        data={choices.departments}
        value={form.departmentId}
        clearable
        searchable
        placeholder={t('usersAdmin.noDepartment')}
        onChange={(departmentId) => set({ departmentId })}
        error={fieldErrors(error, 'departmentId')}
        data-testid="user-department"
      />
    </>
  );
}

export function InviteDialog({
  opened,
  onClose,
  onInvited,
  departments,
}: {
  opened: boolean;
  onClose: () => void;
  onInvited: (link: OneTimeLink, email: string) => void;
  departments: AdminDepartment[];
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const empty: UserForm = { email: '', name: '', designation: '', roles: ['viewer'], departmentId: null };
  const [form, setForm] = useState<UserForm>(empty);
  const invite = useMutation({
    mutationFn: () =>
      api.post<{ user: AdminUser; invitation: OneTimeLink }>('/api/users', {
        email: form.email.trim(),
        name: form.name.trim(),
        roles: form.roles,
        ...(form.designation.trim() ? { designation: form.designation.trim() } : {}),
        ...(form.departmentId ? { departmentId: form.departmentId } : {}),
      }),
    onSuccess: (result) => {
      onInvited(result.invitation, result.user.email);
      setForm(empty);
      invite.reset();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  const generalError = invite.error && !(invite.error instanceof ApiError && Object.keys(invite.error.fields).length);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('usersAdmin.invite.title')}
      closeButtonProps={{ 'aria-label': t('usersAdmin.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <UserFields
            form={form}
            set={(f) => setForm({ ...form, ...f })}
            error={invite.error}
            departments={departments}
            withEmail
          />
          {generalError ? (
            <Text c="red" size="sm" role="alert">
              {errorText(invite.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('usersAdmin.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending} data-testid="invite-send">
              {t('usersAdmin.invite.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Edits a user; the administrator guard's refusal closes the dialog and is explained on the page (onGuard). */
export function EditUserDialog({
  user,
  onClose,
  onSaved,
  onGuard,
  departments,
}: {
  user: AdminUser;
  onClose: () => void;
  onSaved: () => void;
  onGuard: () => void;
  departments: AdminDepartment[];
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form, setForm] = useState<UserForm>({
    email: user.email,
    name: user.name,
    designation: user.designation ?? '',
    roles: user.roles,
    departmentId: user.departmentId,
  });
  const save = useMutation({
    mutationFn: () => {
      // Only what changed: an unchanged department that has since been deactivated stays valid.
      const changes: Record<string, unknown> = {};
      if (form.name.trim() !== user.name) changes.name = form.name.trim();
      if (form.designation.trim() !== (user.designation ?? '')) changes.designation = form.designation.trim() || null;
      if (form.roles.join() !== user.roles.join()) changes.roles = form.roles;
      if (form.departmentId !== user.departmentId) changes.departmentId = form.departmentId;
      return api.patch<AdminUser>(`/api/users/${user.id}`, changes);
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (!isAdminGuard(error)) return;
      onGuard();
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const generalError = save.error && !(save.error instanceof ApiError && Object.keys(save.error.fields).length);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('usersAdmin.edit.title', { name: user.name })}
      closeButtonProps={{ 'aria-label': t('usersAdmin.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <UserFields
            form={form}
            set={(f) => setForm({ ...form, ...f })}
            error={save.error}
            departments={departments}
            withEmail={false}
          />
          {generalError ? (
            <Text c="red" size="sm" role="alert">
              {errorText(save.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('usersAdmin.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="user-save">
              {t('usersAdmin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
