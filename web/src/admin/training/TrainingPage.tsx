import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';

/*
 * /admin/training — the trainer's page on the live province: create the sandbox, hand out trainee
 * accounts (from a CSV, with a sign-in sheet), follow each trainee's exercises, reset between
 * sessions and keep the sandbox open. The sandbox itself is another province on its own address.
 */

interface SandboxRun {
  id: string;
  kind: 'create' | 'reset';
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  steps: { name: string; status: string }[];
  error: string | null;
  durationMs: number | null;
}

interface Sandbox {
  slug: string;
  status: string;
  host: string;
  expiresAt: string | null;
  counts: Record<string, number> | null;
  lastReset: { at: string | null; durationMs: number | null } | null;
  runs: SandboxRun[];
}

interface CreatedTrainee {
  name: string;
  email: string;
  role: string;
  department: string | null;
  password: string;
}

interface TraineeProgress {
  id: string;
  name: string | null;
  email: string | null;
  role: string;
  department: string | null;
  exercises: { id: string; label: { en: string; ur: string }; done: boolean }[];
}

const building = (s: Sandbox | undefined) => s?.runs.some((r) => r.status === 'queued' || r.status === 'running');

export default function TrainingPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('training.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1100} data-testid="training-page">
      <Title order={1}>{t('training.title')}</Title>
      <Text size="sm" maw={760}>
        {t('training.intro')}
      </Text>
      {session.can('settings.manage') ? (
        <SandboxPanel />
      ) : (
        <Alert color="gray" role="alert">
          {t('training.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function SandboxPanel() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const sandbox = useQuery({
    queryKey: ['training', 'sandbox'],
    queryFn: async () => {
      try {
        return await api.get<Sandbox>('/api/training/sandbox');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    // Follows a build while it runs.
    refetchInterval: (q) => (building(q.state.data ?? undefined) ? 1000 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['training'] });
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorText(error) });
  const create = useMutation({
    mutationFn: () => api.post('/api/training/sandbox'),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('training.created') });
      void refresh();
    },
    onError,
  });
  const reset = useMutation({
    mutationFn: (keepTrainees: boolean) => api.post('/api/training/sandbox/reset', { keepTrainees }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('training.resetStarted') });
      void refresh();
    },
    onError,
  });
  const extend = useMutation({
    mutationFn: () => api.post<Sandbox>('/api/training/sandbox/extend'),
    onSuccess: (s) => {
      notifications.show({ color: 'green', message: t('training.extended', { date: formatDateTime(s.expiresAt) }) });
      void refresh();
    },
    onError,
  });
  return (
    <QueryState query={sandbox}>
      {() => {
        const s = sandbox.data;
        return !s ? (
          <Card withBorder>
            <Stack gap="sm" align="flex-start">
              <Text>{t('training.none')}</Text>
              <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="training-create">
                {t('training.create')}
              </Button>
            </Stack>
          </Card>
        ) : (
          <Stack gap="lg">
            <Card withBorder data-testid="training-sandbox">
              <Stack gap="xs">
                <Group gap="sm">
                  <Text fw={600}>{t('training.status')}:</Text>
                  <Badge color={s.status === 'active' ? 'green' : 'orange'} data-testid="training-status">
                    {s.status}
                  </Badge>
                </Group>
                <Text>
                  {t('training.host')}: <Ltr>{s.host}</Ltr>
                </Text>
                <Text>
                  {t('training.expires')}: {formatDateTime(s.expiresAt)}
                </Text>
                {s.counts && (
                  <Text data-testid="training-counts">
                    {t('training.counts', {
                      projects: formatNumber(s.counts.projects),
                      documents: formatNumber(s.counts.documents),
                      trainees: formatNumber(s.counts.trainees),
                    })}
                  </Text>
                )}
                {s.lastReset?.at && (
                  <Text data-testid="training-last-reset">
                    {t('training.lastReset', {
                      at: formatDateTime(s.lastReset.at),
                      seconds: formatNumber((s.lastReset.durationMs ?? 0) / 1000, 1),
                    })}
                  </Text>
                )}
                <BuildProgress run={s.runs[0]} />
                <Group gap="sm" mt="xs">
                  <Button
                    onClick={() => reset.mutate(true)}
                    loading={reset.isPending}
                    disabled={building(s) || s.status !== 'active'}
                    data-testid="training-reset"
                  >
                    {t('training.reset')}
                  </Button>
                  <Button
                    variant="light"
                    color="red"
                    onClick={() => reset.mutate(false)}
                    disabled={building(s) || s.status !== 'active'}
                  >
                    {t('training.resetRemove')}
                  </Button>
                  <Button variant="default" onClick={() => extend.mutate()} loading={extend.isPending}>
                    {t('training.extend')}
                  </Button>
                </Group>
              </Stack>
            </Card>
            {s.status === 'active' && !building(s) && (
              <>
                <AddTrainees onDone={refresh} />
                <Progress />
              </>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function BuildProgress({ run }: { run: SandboxRun | undefined }) {
  const { t } = useI18n();
  if (!run) return null;
  return (
    <Stack gap={2} data-testid="training-build">
      <Text size="sm">{t('training.build', { kind: run.kind, status: run.status })}</Text>
      {run.status !== 'succeeded' && (
        <List size="xs">
          {run.steps.map((step) => (
            <List.Item key={step.name}>{t('training.step', { name: step.name, status: step.status })}</List.Item>
          ))}
        </List>
      )}
      {run.error && (
        <Alert color="red" role="alert">
          {run.error}
        </Alert>
      )}
    </Stack>
  );
}

function AddTrainees({ onDone }: { onDone: () => void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [csv, setCsv] = useState('name,email,role,department\n');
  const [sheet, setSheet] = useState<string>(locale);
  const [created, setCreated] = useState<CreatedTrainee[] | null>(null);
  const add = useMutation({
    mutationFn: async (withSheet: boolean) => {
      if (!withSheet)
        return (await api.post<{ trainees: CreatedTrainee[] }>('/api/training/sandbox/trainees', { csv })).trainees;
      saveBlob(await api.postBlob('/api/training/sandbox/trainees', { csv }, { sheet }), `sign-in-sheet-${sheet}.pdf`);
      return null;
    },
    onSuccess: (trainees) => {
      setCreated(trainees);
      setCsv('name,email,role,department\n');
      onDone();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('training.trainees')}
        </Title>
        <Textarea
          label={t('training.csvLabel')}
          description={t('training.csvHelp')}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
          autosize
          minRows={4}
          dir="ltr"
          data-testid="training-csv"
        />
        <Group gap="sm" align="flex-end">
          <Button onClick={() => add.mutate(false)} loading={add.isPending} data-testid="training-add">
            {t('training.addTrainees')}
          </Button>
          <Stack gap={2}>
            <Text size="xs">{t('training.sheetLanguage')}</Text>
            <SegmentedControl
              size="xs"
              value={sheet}
              onChange={setSheet}
              data={[
                { value: 'en', label: 'English' },
                { value: 'ur', label: 'اردو' },
              ]}
            />
          </Stack>
          <Button variant="light" onClick={() => add.mutate(true)} loading={add.isPending}>
            {t('training.addWithSheet')}
          </Button>
        </Group>
        {created && created.length > 0 && (
          <Stack gap="xs" data-testid="training-created">
            <Alert color="yellow">{t('training.passwordsOnce')}</Alert>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.name')}</Table.Th>
                  <Table.Th>{t('training.email')}</Table.Th>
                  <Table.Th>{t('training.role')}</Table.Th>
                  <Table.Th>{t('training.password')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {created.map((c) => (
                  <Table.Tr key={c.email}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>
                      <Ltr>{c.email}</Ltr>
                    </Table.Td>
                    <Table.Td>{c.role}</Table.Td>
                    <Table.Td>
                      <Ltr>{c.password}</Ltr>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Progress() {
  const { t, locale } = useI18n();
  const progress = useQuery({
    queryKey: ['training', 'trainees'],
    queryFn: () => api.get<TraineeProgress[]>('/api/training/sandbox/trainees'),
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('training.progress')}
        </Title>
        <QueryState query={progress}>
          {() => {
            const rows = progress.data ?? [];
            return rows.length === 0 ? (
              <Text c="dimmed">{t('training.noTrainees')}</Text>
            ) : (
              <Table data-testid="training-progress">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('training.name')}</Table.Th>
                    <Table.Th>{t('training.role')}</Table.Th>
                    <Table.Th>{t('training.department')}</Table.Th>
                    <Table.Th>{t('training.exercises')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        {r.name}
                        <Text size="xs" c="dimmed">
                          <Ltr>{r.email}</Ltr>
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.role}</Table.Td>
                      <Table.Td>{r.department && <Ltr>{r.department}</Ltr>}</Table.Td>
                      <Table.Td>
                        <List size="sm">
                          {r.exercises.map((e) => (
                            <List.Item key={e.id}>
                              {e.label[locale]}{' '}
                              <Badge size="xs" color={e.done ? 'green' : 'gray'}>
                                {e.done ? t('training.done') : t('training.notDone')}
                              </Badge>
                            </List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          }}
        </QueryState>
      </Stack>
    </Card>
  );
}
