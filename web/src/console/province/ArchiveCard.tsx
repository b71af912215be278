import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { isRunning, usePortabilityJob } from '../api';
import { ConsoleCard, useNotify } from '../format';
import { PortabilityJobStatus } from '../PortabilityJobStatus';

/**
 * A province's archive (issue 16 item 5): its rows, files and a manifest with checksums, made in
 * the background and downloaded as one .tar.gz — the way a province keeps a copy, moves to
 * another deployment or leaves the platform with its data.
 */
export function ArchiveCard({ slug }: { slug: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const notify = useNotify();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = usePortabilityJob(jobId);
  const start = useMutation({
    mutationFn: () => api.post<{ jobId: string }>('/api/platform/portability/exports', { slug }),
    onSuccess: (started) => setJobId(started.jobId),
    onError: (error) => notify('red', errorText(error)),
  });
  const download = useMutation({
    mutationFn: (path: string) => downloadFile(path, `daftar-${slug}-${new Date().toISOString().slice(0, 10)}.tar.gz`),
    onError: (error) => notify('red', errorText(error)),
  });
  // While an export is queued or running (not when its status cannot be read: the error says so below).
  const busy = start.isPending || (jobId !== null && !job.error && (!job.data || isRunning(job.data.state)));
  return (
    <ConsoleCard id="archive" title={t('console.archive.title')} testId="console-archive">
      <Stack gap="sm">
        <Text size="sm">{t('console.archive.intro')}</Text>
        <Group>
          <Button size="xs" onClick={() => start.mutate()} loading={busy} data-testid="archive-export">
            {t('console.archive.export')}
          </Button>
        </Group>
        {jobId ? (
          <PortabilityJobStatus
            jobId={jobId}
            done={(j) =>
              j.download ? (
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => download.mutate(j.download!)}
                    loading={download.isPending}
                    data-testid="archive-download"
                  >
                    {t('console.archive.download')}
                  </Button>
                </Group>
              ) : null
            }
          />
        ) : null}
      </Stack>
    </ConsoleCard>
  );
}
