import { Anchor, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Ltr } from '../../components/Ltr';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { isRunning, PROGRESS_POLL_MS } from '../api';
import { ConsoleCard, useNotify } from '../format';

interface ConsoleSandbox {
  slug: string;
  status: string;
  host: string;
  expiresAt: string | null;
  counts: Record<string, number> | null;
  lastReset: { at: string | null; durationMs: number | null } | null;
  runs: { id: string; kind: string; status: string }[];
}

/**
 * A live province's training sandbox (issue 17): its state, figures and last reset, with reset
 * and extension; or, when it has none, its creation with the trainer as first administrator.
 */
export function SandboxCard({ slug }: { slug: string }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const errorText = useErrorText();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const path = `/api/platform/tenants/${encodeURIComponent(slug)}/sandbox`;
  const key = ['console', 'tenant', slug, 'sandbox'];
  const sandbox = useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        return await api.get<ConsoleSandbox>(path);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: (q) => (isRunning(q.state.data?.runs[0]?.status) ? PROGRESS_POLL_MS : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const act = useMutation({
    mutationFn: (what: 'reset' | 'extend') =>
      api.post(`${path}/${what}`, what === 'reset' ? { keepTrainees: true } : {}),
    onSuccess: () => refresh(),
    onError: (error) => notify('red', errorText(error)),
  });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () => api.post(path, { adminEmail: email, adminPassword: password }),
    onSuccess: () => {
      notify('green', t('console.sandbox.created'));
      void refresh();
    },
    onError: (error) => notify('red', errorText(error)),
  });
  const s = sandbox.data;
  return (
    <ConsoleCard id="sandbox" title={t('console.sandbox.title')} testId="console-sandbox">
      {s ? (
        <Stack gap="xs">
          <Group gap="xs">
            <Anchor href={`//${s.host}`} target="_blank" rel="noopener noreferrer">
              <Ltr>{s.host}</Ltr>
            </Anchor>
            <Badge color={s.status === 'active' ? 'green' : 'orange'}>{s.status}</Badge>
          </Group>
          <Text size="sm">{t('console.sandbox.expires', { date: formatDateTime(s.expiresAt) })}</Text>
          {s.counts && (
            <Text size="sm">
              {t('console.sandbox.counts', {
                projects: formatNumber(s.counts.projects),
                trainees: formatNumber(s.counts.trainees),
              })}
            </Text>
          )}
          {s.lastReset?.at && (
            <Text size="sm">
              {t('console.sandbox.lastReset', {
                at: formatDateTime(s.lastReset.at),
                seconds: formatNumber((s.lastReset.durationMs ?? 0) / 1000, 1),
              })}
            </Text>
          )}
          <Group gap="sm">
            <Button size="xs" onClick={() => act.mutate('reset')} disabled={isRunning(s.runs[0]?.status)}>
              {t('console.sandbox.reset')}
            </Button>
            <Button size="xs" variant="default" onClick={() => act.mutate('extend')}>
              {t('console.sandbox.extend')}
            </Button>
          </Group>
        </Stack>
      ) : sandbox.isSuccess ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="sm" maw={420}>
            <Text size="sm">{t('console.sandbox.none')}</Text>
            <TextInput
              label={t('console.sandbox.adminEmail')}
              dir="ltr"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('console.sandbox.adminPassword')}
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('console.sandbox.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </ConsoleCard>
  );
}
