import { Autocomplete, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { QueryState } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { AuditEntry, useAudit, useOperators } from './api';
import { Code, DataTable, When } from './format';

/*
 * /audit — every operator action on the platform (sign-ins, provinces, operators, migrations,
 * queue dashboard actions), newest first, with filters and paging (GET /api/platform/audit).
 */

const PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 300;
/** Actions the platform records, as suggestions; a name ending in a dot matches the whole family. */
const ACTIONS = [
  'auth.',
  'auth.login',
  'auth.login.failed',
  'auth.logout',
  'tenant.',
  'tenant.created',
  'tenant.retried',
  'tenant.suspended',
  'tenant.resumed',
  'tenant.domains.set',
  'tenant.rate-limit.set',
  'tenant.admin.restored',
  'operator.',
  'operator.created',
  'operator.disabled',
  'operator.enabled',
  'migrations.run',
  'queues.',
];

interface Filters {
  action: string;
  operatorId: string | null;
  target: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { action: '', operatorId: null, target: '', from: '', to: '' };

/** A date picked means the whole day where the operator is: "to" includes that day. */
const startOfDay = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);

export default function AuditPage() {
  const { t } = useI18n();
  const operators = useOperators();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [target] = useDebouncedValue(filters.target.trim(), TYPING_PAUSE_MS);
  const [action] = useDebouncedValue(filters.action.trim(), TYPING_PAUSE_MS);
  useDocumentTitle(`${t('console.audit.title')} · ${t('app.name')}`);
  const audit = useAudit({
    page,
    pageSize: PAGE_SIZE,
    action: action || undefined,
    operatorId: filters.operatorId ?? undefined,
    target: target || undefined,
    from: startOfDay(filters.from),
    to: endOfDay(filters.to),
  });
  const change = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1;
  return (
    <Stack gap="lg" data-testid="console-audit">
      <Title order={1}>{t('console.audit.title')}</Title>
      <Group align="flex-end" wrap="wrap" role="search" aria-label={t('console.audit.filters')}>
        <Autocomplete
          label={t('console.audit.action')}
          data={ACTIONS}
          value={filters.action}
          dir="ltr"
          onChange={(v) => change('action', v)}
          w={220}
        />
        <Select
          label={t('console.audit.operator')}
          clearable
          placeholder={t('common.all')}
          w={240}
          data={(operators.data ?? []).map((o) => ({ value: o.id, label: o.email }))}
          value={filters.operatorId}
          onChange={(v) => change('operatorId', v)}
        />
        <TextInput
          label={t('console.audit.target')}
          value={filters.target}
          dir="ltr"
          w={200}
          onChange={(e) => change('target', e.currentTarget.value)}
        />
        <TextInput
          label={t('console.audit.from')}
          type="date"
          value={filters.from}
          dir="ltr"
          onChange={(e) => change('from', e.currentTarget.value)}
        />
        <TextInput
          label={t('console.audit.to')}
          type="date"
          value={filters.to}
          dir="ltr"
          onChange={(e) => change('to', e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => {
            setFilters(NO_FILTERS);
            setPage(1);
          }}
        >
          {t('console.audit.clear')}
        </Button>
      </Group>
      <QueryState query={audit}>
        {() => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('common.total', { count: audit.data!.total })}
            </Text>
            {audit.data!.items.length === 0 ? (
              <Text c="dimmed">{t('console.audit.none')}</Text>
            ) : (
              <DataTable
                caption={t('console.audit.title')}
                testId="audit-table"
                head={[
                  t('console.audit.at'),
                  t('console.audit.operator'),
                  t('console.audit.action'),
                  t('console.audit.target'),
                  t('console.audit.details'),
                ]}
              >
                {audit.data!.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </DataTable>
            )}
            {pages > 1 ? (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                aria-label={t('console.audit.pages')}
                getControlProps={(control) => ({ 'aria-label': t(`console.audit.page.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('common.page', { page: n, pages }) })}
              />
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const details =
    entry.details && typeof entry.details === 'object' && Object.keys(entry.details).length
      ? JSON.stringify(entry.details)
      : '';
  return (
    <Table.Tr data-action={entry.action}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <When value={entry.at} />
      </Table.Td>
      <Table.Td>{entry.operatorEmail ? <Code>{entry.operatorEmail}</Code> : '—'}</Table.Td>
      <Table.Td>
        <Code>{entry.action}</Code>
      </Table.Td>
      <Table.Td>{entry.target ? <Code>{entry.target}</Code> : '—'}</Table.Td>
      <Table.Td>
        {details ? (
          <Text size="xs" ff="monospace" dir="ltr" lineClamp={2} title={details} maw={320}>
            {details}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
