import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { PortabilityJob, usePortabilityJob } from './api';
import { Bytes } from './format';

/**
 * Where an archive export or import stands (README, "Moving a province / leaving the platform"):
 * its stage and how far through it, asked again every second until it completes or fails; then
 * `done` renders what the operator does next (download, open the province).
 */
export function PortabilityJobStatus({
  jobId,
  done,
}: {
  jobId: string;
  done: (job: PortabilityJob) => React.ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const errorText = useErrorText();
  const job = usePortabilityJob(jobId);
  if (job.error) return <Alert color="red">{errorText(job.error)}</Alert>;
  const j = job.data;
  if (!j || j.state === 'queued')
    return (
      <Text size="sm" c="dimmed" data-testid="archive-job" data-state="queued">
        {t('console.archive.queued')}
      </Text>
    );
  if (j.state === 'failed')
    return (
      <Alert color="red" title={t('console.archive.failed')} data-testid="archive-job" data-state="failed">
        {j.failedReason}
      </Alert>
    );
  if (j.state === 'running') {
    const p = j.progress;
    return (
      <Stack gap={4} data-testid="archive-job" data-state="running">
        <Text size="sm">
          {p
            ? t('console.archive.stage', {
                stage: t(`console.archive.stage.${p.stage}`),
                done: formatNumber(p.done),
                total: formatNumber(p.total),
              })
            : t('console.archive.starting')}
        </Text>
        <Progress value={p && p.total ? (100 * p.done) / p.total : 0} aria-label={t('console.archive.progress')} />
      </Stack>
    );
  }
  const r = j.result;
  return (
    <Stack gap="xs" data-testid="archive-job" data-state="completed">
      {r ? (
        <Text size="sm">
          {t('console.archive.summary', {
            tables: formatNumber(r.tables ?? 0),
            rows: formatNumber(r.rows ?? 0),
            files: formatNumber(r.files ?? 0),
          })}
          {r.bytes !== undefined ? (
            <>
              {' · '}
              <Bytes value={r.bytes} />
            </>
          ) : null}
        </Text>
      ) : null}
      {done(j)}
    </Stack>
  );
}
