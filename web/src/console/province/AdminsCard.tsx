import { Alert, Button, CopyButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { consoleKeys, OneTimeLink, useProvinceAdmins } from '../api';
import { Code, ConsoleCard, DataTable, StatusBadge, When } from '../format';

/**
 * The province's administrators, and giving it one again when it has lost access: a new address
 * is invited, an existing account is made an administrator (and enabled); either way the operator
 * gets a one-time link to hand over (POST :slug/admins).
 */
export function AdminsCard({ slug }: { slug: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const admins = useProvinceAdmins(slug, true);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const restore = useMutation({
    mutationFn: () =>
      api.post<{ link: OneTimeLink }>(`/api/platform/tenants/${encodeURIComponent(slug)}/admins`, {
        email: email.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consoleKeys.provinceAdmins(slug) });
    },
  });
  const fields = restore.error instanceof ApiError ? restore.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    restore.mutate();
  };
  return (
    <ConsoleCard id="admins" title={t('console.admins.title')}>
      <Stack gap="md">
        <QueryState query={admins}>
          {() =>
            admins.data!.length === 0 ? (
              <Alert color="yellow">{t('console.admins.none')}</Alert>
            ) : (
              <DataTable
                caption={t('console.admins.title')}
                testId="province-admins"
                head={[t('console.admins.name'), t('console.admins.email'), t('console.admins.status')]}
              >
                {admins.data!.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>{u.name}</Table.Td>
                    <Table.Td>
                      <Code>{u.email}</Code>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={u.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )
          }
        </QueryState>
        <form onSubmit={submit} noValidate aria-labelledby="restore-title">
          <Stack gap="xs">
            <Title order={3} size="h5" id="restore-title">
              {t('console.admins.restoreTitle')}
            </Title>
            <Text size="sm">{t('console.admins.restoreIntro')}</Text>
            <Group align="flex-start" wrap="wrap">
              <TextInput
                label={t('console.admins.email')}
                type="email"
                dir="ltr"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fields.email?.join(' ')}
                miw={260}
              />
              <TextInput
                label={t('console.admins.name')}
                description={t('console.optional')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={fields.name?.join(' ')}
                miw={220}
              />
            </Group>
            <Group>
              <Button type="submit" loading={restore.isPending}>
                {t('console.admins.restore')}
              </Button>
            </Group>
            {restore.error && !Object.keys(fields).length ? (
              <Alert color="red" role="alert">
                {errorText(restore.error)}
              </Alert>
            ) : null}
            {restore.data ? <LinkShown link={restore.data.link} /> : null}
          </Stack>
        </form>
      </Stack>
    </ConsoleCard>
  );
}

/** The one-time link, shown once here: the operator copies it to the person it is for. */
function LinkShown({ link }: { link: OneTimeLink }) {
  const { t } = useI18n();
  return (
    <Alert color="green" title={t('console.admins.linkTitle')} data-testid="one-time-link">
      <Stack gap="xs">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          <Ltr>{link.link}</Ltr>
        </Text>
        <Text size="xs" c="dimmed">
          {t('console.admins.linkExpires')} <When value={link.expiresAt} />
        </Text>
        <CopyButton value={link.link}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} w="fit-content">
              {copied ? t('console.admins.copied') : t('console.admins.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}
