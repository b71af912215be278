import './editor.css';
import { Anchor, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DateText } from '../components/Amount';
import { Ltr } from '../components/Ltr';
import { ErrorAlert, Loading, QueryState } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { useDocument, useFormVersion, useRevisionDiff, useRevisions } from './api';
import { ChangeTable } from './ChangeTable';
import { fieldIndex } from './labels';
import type { DocumentDetail, FormVersionView, Revision } from './types';

/*
 * /documents/:documentId/history — every saved revision (number, who, when, how many errors), and
 * the field-level differences between any two of them in the form's own labels. The chosen pair
 * lives in the address (?from=&to=), so a comparison can be linked to.
 */
export default function DocumentHistoryPage() {
  const { documentId = '' } = useParams();
  const doc = useDocument(documentId);
  const version = useFormVersion(doc.data?.formKey, doc.data?.formVersion.number);
  if (doc.error) return <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />;
  if (version.error) return <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />;
  if (!doc.data || !version.data) return <Loading />;
  return <History doc={doc.data} version={version.data} />;
}

function History({ doc, version }: { doc: DocumentDetail; version: FormVersionView }) {
  const { t } = useI18n();
  const revisions = useRevisions(doc.id);
  return (
    <Stack gap="md" className="document-history" data-testid="history">
      <Stack gap={6} component="header">
        <Group gap="sm" wrap="wrap">
          <Anchor component={Link} to={`/documents/${doc.id}`} size="sm">
            {t('editor.backToDocument')}
          </Anchor>
          <Text size="sm" c="dimmed" aria-hidden="true">
            ·
          </Text>
          <Anchor component={Link} to={`/projects/${doc.projectId}`} size="sm">
            {t('editor.backToProject')}
          </Anchor>
        </Group>
        <Title order={1} size="h2">
          {t('editor.historyTitle', { title: doc.title || t('editor.untitled') })}
        </Title>
        <Text size="sm" c="dimmed">
          {version.title} · {t('editor.version')} <Ltr>{version.number}</Ltr>
        </Text>
      </Stack>
      <QueryState query={revisions}>
        {() => <Comparison doc={doc} version={version} revisions={revisions.data ?? []} />}
      </QueryState>
    </Stack>
  );
}

function Comparison({
  doc,
  version,
  revisions,
}: {
  doc: DocumentDetail;
  version: FormVersionView;
  revisions: Revision[];
}) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const numbers = revisions.map((r) => r.revision);
  const pick = (name: 'from' | 'to', fallback: number | undefined) => {
    const n = Number(params.get(name));
    return numbers.includes(n) ? n : (fallback ?? null);
  };
  // Newest first: by default the last save against the one before it.
  const to = pick('to', numbers[0]);
  const from = pick('from', numbers[1] ?? numbers[0]);
  const choose = (name: 'from' | 'to', n: number) => {
    const next = new URLSearchParams(params);
    next.set(name, String(n));
    if (!next.has(name === 'from' ? 'to' : 'from'))
      next.set(name === 'from' ? 'to' : 'from', String(name === 'from' ? to : from));
    setParams(next, { replace: true });
  };
  const diff = useRevisionDiff(doc.id, from, to);
  const fields = useMemo(() => fieldIndex(version), [version]);

  return (
    <>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" component="section" aria-labelledby="revisions-title">
        <Title order={2} size="h4" id="revisions-title" mb="sm">
          {t('editor.revisions')}
        </Title>
        <div className="table-scroll" role="region" aria-label={t('editor.revisionsTable')} tabIndex={0}>
          <Table verticalSpacing={6} className="revisions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('editor.revision')}</Table.Th>
                <Table.Th scope="col">{t('editor.savedBy')}</Table.Th>
                <Table.Th scope="col">{t('editor.savedAt')}</Table.Th>
                <Table.Th scope="col">{t('editor.errors')}</Table.Th>
                <Table.Th scope="col">{t('editor.compareFrom')}</Table.Th>
                <Table.Th scope="col">{t('editor.compareTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {revisions.map((r) => (
                <Table.Tr key={r.revision} data-revision={r.revision}>
                  <Table.Th scope="row">
                    <Ltr>{r.revision}</Ltr>
                  </Table.Th>
                  <Table.Td>
                    <Ltr>{r.savedByName || r.savedByEmail || '—'}</Ltr>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={r.savedAt} withTime />
                  </Table.Td>
                  <Table.Td>
                    <Ltr>{r.errorCount}</Ltr>
                  </Table.Td>
                  <Table.Td>
                    <Radio
                      name="compare-from"
                      value={String(r.revision)}
                      checked={from === r.revision}
                      onChange={() => choose('from', r.revision)}
                      aria-label={t('editor.compareFromN', { n: r.revision })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Radio
                      name="compare-to"
                      value={String(r.revision)}
                      checked={to === r.revision}
                      onChange={() => choose('to', r.revision)}
                      aria-label={t('editor.compareToN', { n: r.revision })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Paper>
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-labelledby="diff-title"
        data-testid="revision-diff"
      >
        <Title order={2} size="h4" id="diff-title" mb="sm">
          {from !== null && to !== null ? t('editor.changesBetween', { from, to }) : t('editor.changes')}
        </Title>
        {from === null || to === null || from === to ? (
          <Text size="sm" c="dimmed">
            {t('editor.pickTwo')}
          </Text>
        ) : (
          <QueryState query={diff}>
            {() =>
              diff.data?.changes.length ? (
                <ChangeTable
                  changes={diff.data.changes}
                  version={version}
                  fields={fields}
                  attachments={doc.attachments}
                  caption={t('editor.changesBetween', { from, to })}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('editor.noDifferences')}
                </Text>
              )
            }
          </QueryState>
        )}
      </Paper>
    </>
  );
}
