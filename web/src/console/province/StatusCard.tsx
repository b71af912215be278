import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { Tenant } from '../api';
import { ConsoleCard, useNotify } from '../format';

/**
 * Suspend (with the reason kept on the province) or resume. While suspended, the province's hosts
 * answer 403 and its users' tokens stop working.
 */
export function StatusCard({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const base = `/api/platform/tenants/${encodeURIComponent(tenant.slug)}`;
  const change = useMutation({
    mutationFn: (to: 'suspend' | 'resume') =>
      api.post(`${base}/${to}`, to === 'suspend' ? { reason: reason.trim() || undefined } : {}),
    onSuccess: async (_result, to) => {
      close();
      setReason('');
      const message = to === 'suspend' ? t('console.status.suspendDone') : t('console.status.resumeDone');
      notify(to === 'suspend' ? 'orange' : 'green', message);
      await queryClient.invalidateQueries({ queryKey: ['console'] });
    },
  });
  const reasonError = change.error instanceof ApiError ? change.error.fields.reason?.join(' ') : undefined;
  const suspended = tenant.status === 'suspended';
  return (
    <ConsoleCard id="status" title={t('console.status.title')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{suspended ? t('console.status.suspendedText') : t('console.status.activeText')}</Text>
        {suspended && tenant.statusReason ? (
          <Alert color="orange" title={t('console.status.reason')} data-testid="suspension-reason">
            {tenant.statusReason}
          </Alert>
        ) : null}
        {suspended ? (
          <Button color="green" onClick={() => change.mutate('resume')} loading={change.isPending}>
            {t('console.status.resume')}
          </Button>
        ) : (
          <Button color="orange" variant="light" onClick={open}>
            {t('console.status.suspend')}
          </Button>
        )}
        {change.error && !opened ? (
          <Text size="sm" c="red" role="alert">
            {errorText(change.error)}
          </Text>
        ) : null}
      </Stack>
      <Modal
        opened={opened}
        onClose={close}
        title={t('console.status.suspendTitle', { name: tenant.name })}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('console.status.suspendWarning')}</Text>
          <Textarea
            label={t('console.status.reason')}
            description={t('console.optional')}
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError ?? (change.error ? errorText(change.error) : undefined)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => change.mutate('suspend')} loading={change.isPending}>
              {t('console.status.suspendConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ConsoleCard>
  );
}
