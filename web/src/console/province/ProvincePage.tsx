import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { Ltr } from '../../components/Ltr';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { useTenant } from '../api';
import { Code, StatusBadge, useProvinceName } from '../format';
import { AdminsCard } from './AdminsCard';
import { ArchiveCard } from './ArchiveCard';
import { DomainsCard } from './DomainsCard';
import { RateLimitCard } from './RateLimitCard';
import { RunsCard } from './RunsCard';
import { SandboxCard } from './SandboxCard';
import { StatusCard } from './StatusCard';

/*
 * /provinces/:slug — one province: its provisioning runs step by step (live while one runs),
 * retry, suspend and resume, custom domains, its request rate limit, its administrators and its
 * archive (export and download).
 */
export default function ProvincePage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const tenant = useTenant(slug);
  const nameOf = useProvinceName();
  useDocumentTitle(`${tenant.data ? nameOf(tenant.data) : slug} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1100} data-testid="console-province">
      <Anchor component={Link} to="/provinces" size="sm">
        {t('console.province.back')}
      </Anchor>
      <QueryState query={tenant}>
        {() => {
          const data = tenant.data!;
          const provisioned = data.status === 'active' || data.status === 'suspended';
          return (
            <>
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <div>
                  <Title order={1}>{nameOf(data)}</Title>
                  <Group gap="xs" mt={4}>
                    <Code>{data.slug}</Code>
                    <StatusBadge status={data.status} testId="province-status" />
                    {data.schemaVersion ? (
                      <Text size="sm" c="dimmed">
                        {t('console.province.schemaVersion')} <Code>{data.schemaVersion}</Code>
                      </Text>
                    ) : null}
                  </Group>
                </div>
                {provisioned ? (
                  <Anchor href={data.url} target="_blank" rel="noopener noreferrer" size="sm">
                    <Ltr>{data.url}</Ltr>
                  </Anchor>
                ) : null}
              </Group>
              <RunsCard tenant={data} />
              {provisioned ? (
                <>
                  <StatusCard tenant={data} />
                  <DomainsCard tenant={data} />
                  <RateLimitCard slug={data.slug} />
                  <AdminsCard slug={data.slug} />
                  <ArchiveCard slug={data.slug} />
                  {/* A live province's training sandbox; a sandbox has none of its own. */}
                  {data.sandboxOf ? null : <SandboxCard slug={data.slug} />}
                </>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
