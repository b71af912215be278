import { Button, Group, Stack, TagsInput, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { consoleKeys, Tenant } from '../api';
import { ConsoleCard, useNotify } from '../format';

/** The province's own domain names besides <slug>.<base domain> (PUT :slug/domains replaces the list). */
export function DomainsCard({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [domains, setDomains] = useState<string[]>(tenant.domains);
  // A refetch (after saving, or while polling) brings the server's list back in.
  useEffect(() => setDomains(tenant.domains), [tenant.domains]);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/platform/tenants/${encodeURIComponent(tenant.slug)}/domains`, {
        domains: domains.map((d) => d.trim().toLowerCase()).filter(Boolean),
      }),
    onSuccess: async () => {
      notify('green', t('console.domains.saved'));
      await queryClient.invalidateQueries({ queryKey: consoleKeys.tenant(tenant.slug) });
    },
  });
  const domainsError = save.error instanceof ApiError ? save.error.fields.domains?.join(' ') : undefined;
  const error = domainsError ?? save.error;
  const unchanged = domains.join(',') === tenant.domains.join(',');
  return (
    <ConsoleCard id="domains" title={t('console.domains.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('console.domains.intro')}</Text>
        <TagsInput
          label={t('console.domains.label')}
          description={t('console.provision.domainsHelp')}
          dir="ltr"
          value={domains}
          onChange={setDomains}
          splitChars={[',', ' ']}
          error={error ? (typeof error === 'string' ? error : errorText(error)) : undefined}
        />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={unchanged}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </ConsoleCard>
  );
}
