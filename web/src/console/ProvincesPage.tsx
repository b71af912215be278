import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { QueryState, useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { TenantStats, useTenants, useTenantStats } from './api';
import { Bytes, Code, Count, DataTable, StatusBadge, When, useProvinceName } from './format';

/*
 * /provinces — every province with its status, schema version and size (GET /api/platform/tenants
 * and /tenants/stats, read from each province's own schema).
 */
export default function ProvincesPage() {
  const { t } = useI18n();
  const tenants = useTenants();
  const stats = useTenantStats();
  const errorText = useErrorText();
  const nameOf = useProvinceName();
  useDocumentTitle(`${t('console.provinces.title')} · ${t('app.name')}`);
  const statsOf = (slug: string): Partial<TenantStats> => stats.data?.find((s) => s.slug === slug) ?? {};
  return (
    <Stack gap="lg" data-testid="console-provinces">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('console.provinces.title')}</Title>
        <Button component={Link} to="/provinces/new">
          {t('console.provision.action')}
        </Button>
      </Group>
      <Text size="sm">{t('console.provinces.intro')}</Text>
      {stats.error ? (
        <Alert color="yellow" role="status">
          {t('console.provinces.statsUnavailable', { reason: errorText(stats.error) })}
        </Alert>
      ) : null}
      <QueryState query={tenants}>
        {() =>
          tenants.data!.length === 0 ? (
            <Text c="dimmed">{t('console.provinces.none')}</Text>
          ) : (
            <DataTable
              caption={t('console.provinces.title')}
              testId="provinces-table"
              head={[
                t('console.provinces.name'),
                t('console.provinces.slug'),
                t('console.provinces.status'),
                t('console.provinces.schemaVersion'),
                t('console.provinces.users'),
                t('console.provinces.projects'),
                t('console.provinces.documents'),
                t('console.provinces.attachments'),
                t('console.provinces.lastActivity'),
              ]}
            >
              {tenants.data!.map((tenant) => {
                const s = statsOf(tenant.slug);
                return (
                  <Table.Tr key={tenant.slug} data-slug={tenant.slug}>
                    <Table.Td>
                      <Anchor component={Link} to={`/provinces/${tenant.slug}`}>
                        {nameOf(tenant)}
                      </Anchor>
                      {tenant.sandboxOf ? (
                        // A sandbox is listed with its own figures, marked so nobody reads them as a province's.
                        <Badge
                          ms="xs"
                          variant="outline"
                          color="orange"
                          style={{ textTransform: 'none' }}
                          data-testid="sandbox-badge"
                        >
                          {t('console.provinces.sandboxOf', { live: tenant.sandboxOf })}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Code>{tenant.slug}</Code>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={tenant.status} />
                    </Table.Td>
                    <Table.Td>
                      <Code>{tenant.schemaVersion ?? '—'}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Count value={s.users} />
                    </Table.Td>
                    <Table.Td>
                      <Count value={s.projects} />
                    </Table.Td>
                    <Table.Td>
                      <Count value={s.documents} />
                    </Table.Td>
                    <Table.Td>
                      {s.attachments !== undefined ? (
                        <Text span size="sm">
                          <Bytes value={s.attachmentBytes} />{' '}
                          <Text span c="dimmed" size="xs">
                            ({t('console.provinces.files', { count: s.attachments })})
                          </Text>
                        </Text>
                      ) : (
                        <Bytes value={null} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <When value={s.lastActivityAt} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          )
        }
      </QueryState>
    </Stack>
  );
}
