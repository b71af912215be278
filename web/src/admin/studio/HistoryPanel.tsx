import { Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DateText } from '../../components/Amount';
import { Ltr } from '../../components/Ltr';
import { ErrorAlert, Loading, QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { useDiff, useVersion, useVersions, VersionSummary } from './api';
import { VersionDiff } from './VersionDiff';

/*
 * The form's published versions (newest first, with their notes) and a side-by-side comparison
 * of any two of them; by default the newest against the one before it.
 */

export function HistoryPanel({ formKey }: { formKey: string }) {
  const versions = useVersions(formKey);
  return <QueryState query={versions}>{() => <History formKey={formKey} versions={versions.data!} />}</QueryState>;
}

function History({ formKey, versions }: { formKey: string; versions: VersionSummary[] }) {
  const { t } = useI18n();
  const newest = versions[0]?.number ?? null;
  const [from, setFrom] = useState<number | null>(versions[1]?.number ?? newest);
  const [to, setTo] = useState<number | null>(newest);
  const choices = versions.map((v) => ({ value: String(v.number), label: t('studio.diff.version', { n: v.number }) }));
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('studio.history.title')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" data-testid="studio-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('studio.history.number')}</Table.Th>
              <Table.Th>{t('studio.history.published')}</Table.Th>
              <Table.Th>{t('studio.history.base')}</Table.Th>
              <Table.Th>{t('studio.history.operations')}</Table.Th>
              <Table.Th>{t('studio.history.notes')}</Table.Th>
              <Table.Th>{t('studio.history.hash')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id} data-testid="studio-version" data-number={v.number}>
                <Table.Td>
                  <Ltr>{v.number}</Ltr>
                </Table.Td>
                <Table.Td>
                  <DateText value={v.publishedAt} withTime />
                </Table.Td>
                <Table.Td>
                  <Ltr>{v.baseVersion}</Ltr>
                </Table.Td>
                <Table.Td>
                  <Ltr>{v.operations}</Ltr>
                </Table.Td>
                <Table.Td>{v.notes ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    <Ltr>{v.contentHash.slice(0, 12)}</Ltr>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h4">
        {t('studio.diff.title')}
      </Title>
      {versions.length < 2 ? (
        <Text size="sm">{t('studio.diff.oneVersion')}</Text>
      ) : (
        <>
          <Group gap="sm" wrap="wrap">
            <NativeSelect
              label={t('studio.diff.from')}
              value={String(from)}
              onChange={(e) => setFrom(Number(e.currentTarget.value))}
              data={choices}
              data-testid="studio-diff-from"
            />
            <NativeSelect
              label={t('studio.diff.to')}
              value={String(to)}
              onChange={(e) => setTo(Number(e.currentTarget.value))}
              data={choices}
              data-testid="studio-diff-to"
            />
          </Group>
          {from === to ? (
            <Text size="sm">{t('studio.diff.pickTwo')}</Text>
          ) : (
            <Comparison formKey={formKey} from={from!} to={to!} />
          )}
        </>
      )}
    </Stack>
  );
}

function Comparison({ formKey, from, to }: { formKey: string; from: number; to: number }) {
  const diff = useDiff(formKey, from, to);
  const a = useVersion(formKey, from);
  const b = useVersion(formKey, to);
  const failed = diff.error ?? a.error ?? b.error;
  if (failed) return <ErrorAlert error={failed} />;
  if (!diff.data || !a.data || !b.data) return <Loading />;
  return (
    <VersionDiff
      from={{ number: from, definition: a.data.definition }}
      to={{ number: to, definition: b.data.definition }}
      changes={diff.data.changes}
    />
  );
}
