import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { downloadFile } from '../api/download';
import { useSession } from '../auth/session';
import { Ltr } from '../components/Ltr';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { useWorkflow } from '../api/queries';
import { canImport, IMPORT_FILE_PATH, TEMPLATE_PATH } from './import-api';
import { PortfolioReport, problemLines, ReportLine, warningLines } from './report';

/*
 * /admin/import — a province administrator brings the province's existing projects (approved,
 * in execution, completed) with their documents' key figures and approval history: download the
 * template, fill it in, check it with a dry run (nothing is written), then import. Importing the
 * same file again changes nothing.
 */

const ACCEPTED = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export default function ImportPage() {
  const { t } = useI18n();
  const session = useSession();
  const workflow = useWorkflow().data;
  useDocumentTitle(`${t('imports.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1100} data-testid="import-page">
      <Title order={1}>{t('imports.title')}</Title>
      {canImport(session, workflow) ? (
        <ImportSteps />
      ) : (
        <Alert color="gray" role="alert">
          {t('imports.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function ImportSteps() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'dry-run' | 'import' | null>(null);
  const [report, setReport] = useState<PortfolioReport | null>(null);
  /** The file the last dry run checked: importing is offered for that file only. */
  const [checked, setChecked] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const template = async (format: 'xlsx' | 'csv') => {
    try {
      await downloadFile(`${TEMPLATE_PATH}?format=${format}`, `daftar-portfolio-template.${format}`);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error) });
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file) {
      setFailure(t('imports.chooseFile'));
      return;
    }
    setBusy(dryRun ? 'dry-run' : 'import');
    setFailure(null);
    try {
      const form = new FormData();
      form.append('file', file);
      setReport(await api.upload<PortfolioReport>(`${IMPORT_FILE_PATH}?dryRun=${dryRun}`, form));
      setChecked(dryRun ? file : null);
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['projects'] });
    } catch (error) {
      setReport(null);
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="lg">
      <Text size="sm">{t('imports.intro')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="import-template">
          <Title order={2} size="h4" id="import-template" mb="xs">
            {t('imports.step1')}
          </Title>
          <Text size="sm" mb="sm">
            {t('imports.templateHelp')}
          </Text>
          <Group gap="xs">
            <Button variant="light" onClick={() => void template('xlsx')} data-testid="template-xlsx">
              {t('imports.templateXlsx')}
            </Button>
            <Button variant="default" onClick={() => void template('csv')} data-testid="template-csv">
              {t('imports.templateCsv')}
            </Button>
          </Group>
        </Card>
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="import-file">
          <Title order={2} size="h4" id="import-file" mb="xs">
            {t('imports.step2')}
          </Title>
          <Stack gap="xs">
            <FileInput
              label={t('imports.file')}
              description={t('imports.fileHelp')}
              accept={ACCEPTED}
              clearable
              clearButtonProps={{ 'aria-label': t('imports.clearFile') }}
              value={file}
              onChange={(f) => {
                setFile(f);
                setReport(null);
                setChecked(null);
                setFailure(null);
              }}
              data-testid="import-file"
            />
            <Group gap="xs">
              <Button
                onClick={() => void send(true)}
                loading={busy === 'dry-run'}
                disabled={busy !== null && busy !== 'dry-run'}
                data-testid="import-dry-run"
              >
                {t('imports.dryRun')}
              </Button>
              <Button
                color="green"
                onClick={() => void send(false)}
                loading={busy === 'import'}
                disabled={!file || checked !== file || (busy !== null && busy !== 'import')}
                data-testid="import-run"
              >
                {t('imports.import')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('imports.dryRunFirst')}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      {failure ? (
        <Alert color="red" role="alert" data-testid="import-failure">
          {failure}
        </Alert>
      ) : null}
      {report ? <ReportView report={report} /> : null}
    </Stack>
  );
}

function ReportView({ report }: { report: PortfolioReport }) {
  const { t, locale } = useI18n();
  const { counts } = report;
  const refused = counts.refusedRows;
  const created = report.dryRun ? t('imports.report.wouldCreate') : t('imports.report.created');
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="import-report"
      data-testid="import-report"
      data-dry-run={report.dryRun ? 'true' : 'false'}
      data-refused={refused}
      data-warnings={counts.warnings}
    >
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="import-report">
          {report.dryRun ? t('imports.report.dryRunTitle') : t('imports.report.importTitle')}
        </Title>
        <Badge color={refused ? 'red' : 'green'} variant="light" style={{ textTransform: 'none' }} role="status">
          {refused
            ? t('imports.report.refusedCount', { n: refused })
            : report.dryRun
              ? t('imports.report.readyToImport')
              : t('imports.report.done')}
        </Badge>
      </Group>
      <Stack gap="md">
        <Text size="sm">{t('imports.report.rows', { n: counts.rows })}</Text>
        <List size="sm" spacing={2} data-testid="import-counts">
          <List.Item data-count="created" data-value={counts.projects.created}>
            {created}: {t('imports.count.projects', { n: counts.projects.created })}
          </List.Item>
          <List.Item data-count="unchanged" data-value={counts.projects.unchanged}>
            {t('imports.report.unchanged')}: {t('imports.count.projects', { n: counts.projects.unchanged })}
          </List.Item>
          {counts.projects.conflict ? (
            <List.Item data-count="conflict" data-value={counts.projects.conflict}>
              {t('imports.report.conflicting')}: {t('imports.count.projects', { n: counts.projects.conflict })}
            </List.Item>
          ) : null}
          <List.Item data-count="refused" data-value={counts.projects.refused}>
            {t('imports.report.leftOut')}: {t('imports.count.projects', { n: counts.projects.refused })}
          </List.Item>
          <List.Item data-count="documents" data-value={counts.documents}>
            {t('imports.count.documents', { n: counts.documents })} ·{' '}
            {t('imports.count.decisions', { n: counts.decisions })}
          </List.Item>
        </List>
        {report.refused.length ? (
          <ProblemTable
            title={t('imports.report.refusedTitle')}
            help={t('imports.report.refusedHelp')}
            lines={problemLines(report.refused, report.projects, locale)}
            testId="import-refused"
          />
        ) : null}
        {report.conflicts.length ? (
          <ProblemTable
            title={t('imports.report.conflictsTitle')}
            help={t('imports.report.conflictsHelp')}
            lines={problemLines(report.conflicts, report.projects, locale)}
            testId="import-conflicts"
          />
        ) : null}
        {report.warnings.length ? (
          <ProblemTable
            title={t('imports.report.warningsTitle')}
            help={t('imports.report.warningsHelp')}
            lines={warningLines(report.warnings, locale)}
            testId="import-warnings"
          />
        ) : null}
      </Stack>
    </Card>
  );
}

function ProblemTable({
  title,
  help,
  lines,
  testId,
}: {
  title: string;
  help: string;
  lines: ReportLine[];
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" c="dimmed">
        {help}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} striped data-testid={testId} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.col.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.col.project')}</Table.Th>
              <Table.Th scope="col">{t('imports.col.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.col.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((p, i) => (
              <Table.Tr key={`${p.row}|${p.column}|${i}`} data-row={p.row ?? ''} data-column={p.column}>
                <Table.Td>{p.row !== null ? <Ltr>{p.row}</Ltr> : '—'}</Table.Td>
                <Table.Td>{p.projectKey ? <Ltr>{p.projectKey}</Ltr> : '—'}</Table.Td>
                <Table.Td>
                  <Ltr>{p.column}</Ltr>
                </Table.Td>
                <Table.Td>
                  <bdi>{p.text}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
