import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client';
import { QueryState, useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { SecretInput } from '../pages/auth/SecretInput';
import { consoleKeys, Operator, useOperators } from './api';
import { Code, DataTable, StatusBadge, useNotify, When } from './format';
import { useConsoleSession } from './session';

/*
 * /operators — the platform's operators: add one, disable or enable. The server refuses to
 * disable yourself or the last active operator; its reason is shown as it gives it.
 */
export default function OperatorsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useConsoleSession();
  const notify = useNotify();
  const operators = useOperators();
  const [adding, { open, close }] = useDisclosure(false);
  useDocumentTitle(`${t('console.operators.title')} · ${t('app.name')}`);
  // The guard's refusals come with a reason code, so they can be said in the reader's language.
  const refusalText = (error: unknown, target: Operator | undefined) => {
    const reason = error instanceof ApiError ? (error.body as { reason?: unknown } | null)?.reason : undefined;
    if (reason === 'own-account') return t('console.operators.refusal.ownAccount');
    if (reason === 'last-active') return t('console.operators.refusal.lastActive', { email: target?.email ?? '' });
    return errorText(error);
  };
  const toggle = useMutation({
    mutationFn: (o: Operator) =>
      api.post<Operator>(`/api/platform/operators/${o.id}/${o.status === 'active' ? 'disable' : 'enable'}`),
    onSuccess: async (o) => {
      const message =
        o.status === 'active'
          ? t('console.operators.enabled', { name: o.name })
          : t('console.operators.disabled', { name: o.name });
      notify('green', message);
      await queryClient.invalidateQueries({ queryKey: consoleKeys.operators });
    },
  });
  return (
    <Stack gap="lg" maw={1100} data-testid="console-operators">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('console.operators.title')}</Title>
        <Button onClick={open}>{t('console.operators.add')}</Button>
      </Group>
      <Text size="sm">{t('console.operators.intro')}</Text>
      {toggle.error ? (
        <Alert color="red" role="alert" title={t('console.operators.refused')} data-testid="operator-refusal">
          {refusalText(toggle.error, toggle.variables)}
        </Alert>
      ) : null}
      <QueryState query={operators}>
        {() => (
          <DataTable
            caption={t('console.operators.title')}
            testId="operators-table"
            head={[
              t('console.operators.name'),
              t('console.operators.email'),
              t('console.operators.status'),
              t('console.operators.lastLogin'),
              t('console.operators.created'),
              t('console.operators.actions'),
            ]}
          >
            {operators.data!.map((o) => (
              <Table.Tr key={o.id} data-email={o.email}>
                <Table.Td>
                  {o.name}
                  {o.id === session.operator?.id ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('console.operators.you')})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Code>{o.email}</Code>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={o.status} />
                </Table.Td>
                <Table.Td>
                  <When value={o.lastLoginAt} />
                </Table.Td>
                <Table.Td>
                  <When value={o.createdAt} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    color={o.status === 'active' ? 'red' : 'green'}
                    loading={toggle.isPending && toggle.variables?.id === o.id}
                    onClick={() => toggle.mutate(o)}
                    aria-label={
                      o.status === 'active'
                        ? t('console.operators.disableNamed', { name: o.name })
                        : t('console.operators.enableNamed', { name: o.name })
                    }
                  >
                    {o.status === 'active' ? t('console.operators.disable') : t('console.operators.enable')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      <Modal
        opened={adding}
        onClose={close}
        title={t('console.operators.add')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <AddOperatorForm onDone={close} />
      </Modal>
    </Stack>
  );
}

function AddOperatorForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState({ email: '', name: '', password: '' });
  const add = useMutation({
    mutationFn: () =>
      api.post<Operator>('/api/platform/operators', { ...form, email: form.email.trim(), name: form.name.trim() }),
    onSuccess: async (o) => {
      notify('green', t('console.operators.added', { name: o.name }));
      await queryClient.invalidateQueries({ queryKey: consoleKeys.operators });
      onDone();
    },
  });
  const fields = add.error instanceof ApiError ? add.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('console.operators.name')}
          required
          value={form.name}
          data-autofocus
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={fields.name?.join(' ')}
        />
        <TextInput
          label={t('console.operators.email')}
          type="email"
          dir="ltr"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={fields.email?.join(' ')}
        />
        <SecretInput
          label={t('console.operators.password')}
          description={t('console.provision.passwordHelp')}
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          error={fields.password?.join(' ')}
        />
        {add.error && !Object.keys(fields).length ? (
          <Alert color="red" role="alert">
            {errorText(add.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('console.operators.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
