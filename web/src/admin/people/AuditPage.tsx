import { Alert, Button, Code, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, urlOf } from '../../api/client';
import { downloadFile } from '../../api/download';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { AuditEntry, Page, PAGE_SIZE } from './people-api';
import { UserPicker } from './shared';

/*
 * /admin/audit — the province's audit log: who (a user), what (an action), when (from/to days),
 * on what (a kind of target, a target id), a page at a time, and the same filtered log as a CSV
 * file (GET /api/audit/export, which caps the rows and says so).
 */

/** A day picked in the browser as the start or the end of that day in the officer's own time zone. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayEnd = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);

export default function AuditPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('usersAdmin.audit.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1280} data-testid="audit-page">
      <Title order={1}>{t('usersAdmin.audit.title')}</Title>
      {session.can('audit.read') ? (
        <AuditLog />
      ) : (
        <Alert color="gray" role="alert">
          {t('usersAdmin.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function AuditLog() {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const [actorId, setActorId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [targetType, setTargetType] = useState<string | null>(null);
  const [targetInput, setTargetInput] = useState('');
  const [targetId] = useDebouncedValue(targetInput.trim(), 400);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const filters = {
    actorId,
    action,
    targetType,
    targetId: targetId || undefined,
    from: dayStart(from),
    to: dayEnd(to),
  };
  const facets = useQuery({
    queryKey: ['audit-facets'],
    queryFn: () => api.get<{ actions: string[]; targetTypes: string[] }>('/api/audit/facets'),
  });
  const log = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit', { query: { ...filters, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadFile(urlOf('/api/audit/export', filters), `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack gap="md">
      <Text size="sm" maw={760}>
        {t('usersAdmin.audit.intro')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('usersAdmin.filters')}>
        <div style={{ flex: '1 1 260px' }}>
          <UserPicker label={t('usersAdmin.audit.who')} value={actorId} onChange={filter(setActorId)} />
        </div>
        <Select
          label={t('usersAdmin.audit.what')}
          placeholder={t('usersAdmin.all')}
          data={facets.data?.actions ?? []}
          value={action}
          onChange={filter(setAction)}
          searchable
          clearable
          style={{ flex: '1 1 220px' }}
          data-testid="audit-action"
        />
        <TextInput
          label={t('usersAdmin.audit.from')}
          type="date"
          value={from}
          onChange={(e) => filter(setFrom)(e.currentTarget.value)}
          dir="ltr"
          data-testid="audit-from"
        />
        <TextInput
          label={t('usersAdmin.audit.to')}
          type="date"
          value={to}
          onChange={(e) => filter(setTo)(e.currentTarget.value)}
          dir="ltr"
          data-testid="audit-to"
        />
        <Select
          label={t('usersAdmin.audit.targetType')}
          placeholder={t('usersAdmin.all')}
          data={facets.data?.targetTypes ?? []}
          value={targetType}
          onChange={filter(setTargetType)}
          clearable
          style={{ flex: '0 1 180px' }}
        />
        <TextInput
          label={t('usersAdmin.audit.targetId')}
          value={targetInput}
          dir="ltr"
          onChange={(e) => filter(setTargetInput)(e.currentTarget.value)}
          style={{ flex: '1 1 200px' }}
        />
        <Button variant="default" onClick={() => void exportCsv()} loading={exporting} data-testid="audit-export">
          {t('usersAdmin.audit.export')}
        </Button>
      </Group>
      <QueryState query={log}>
        {() => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" role="status">
              {t('usersAdmin.audit.count', { n: log.data!.total })}
            </Text>
            <Table.ScrollContainer minWidth={980}>
              <Table striped data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('usersAdmin.audit.when')}</Table.Th>
                    <Table.Th>{t('usersAdmin.audit.who')}</Table.Th>
                    <Table.Th>{t('usersAdmin.audit.what')}</Table.Th>
                    <Table.Th>{t('usersAdmin.audit.target')}</Table.Th>
                    <Table.Th>{t('usersAdmin.audit.ip')}</Table.Th>
                    <Table.Th w="28%">{t('usersAdmin.audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data!.items.map((e) => (
                    <Table.Tr key={e.id} data-action={e.action}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <bdi>{formatDateTime(e.at)}</bdi>
                      </Table.Td>
                      <Table.Td>
                        {e.actorEmail ? <Ltr>{e.actorEmail}</Ltr> : t(`usersAdmin.actor.${e.actorType}`)}
                      </Table.Td>
                      <Table.Td>
                        <Ltr>{e.action}</Ltr>
                      </Table.Td>
                      <Table.Td miw={200}>
                        {e.targetType ? (
                          <Text size="sm">
                            <Ltr>{e.targetType}</Ltr>
                          </Text>
                        ) : null}
                        {e.targetId ? (
                          <Text size="xs" c="dimmed" ff="monospace" dir="ltr" style={{ wordBreak: 'break-all' }}>
                            {e.targetId}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{e.ip ? <Ltr>{e.ip}</Ltr> : null}</Table.Td>
                      <Table.Td>
                        {Object.keys(e.details).length ? (
                          <Code dir="ltr" block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                            {JSON.stringify(e.details)}
                          </Code>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {log.data!.total > PAGE_SIZE ? (
              <Pagination
                total={Math.min(Math.ceil(log.data!.total / PAGE_SIZE), MAX_PAGES)}
                value={page}
                onChange={setPage}
                getControlProps={(c) => ({ 'aria-label': t(`usersAdmin.page.${c}`) })}
              />
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The API serves pages up to 10,000 (its MAX_PAGE); past that the filters narrow the log. */
const MAX_PAGES = 10_000;
