import { Anchor, Button, FileInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { consoleKeys, usePortabilityJob } from './api';
import { ConsoleCard } from './format';
import { PortabilityJobStatus } from './PortabilityJobStatus';

/**
 * /provinces/new, second way in: a province restored from its archive (made here or by another
 * deployment) under its own slug or a new one. All or nothing: a newer schema, a wrong checksum or
 * a taken slug fails the job with the reason shown, and nothing is written.
 */
export function ImportArchiveCard() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [slug, setSlug] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (slug.trim()) form.append('slug', slug.trim());
      form.append('file', file!);
      return api.upload<{ jobId: string }>('/api/platform/portability/imports', form);
    },
    onSuccess: (started) => setJobId(started.jobId),
  });
  // The same query as the status below (one cache entry): once the province exists, lists show it.
  const imported = usePortabilityJob(jobId).data?.state === 'completed';
  useEffect(() => {
    if (imported) void queryClient.invalidateQueries({ queryKey: consoleKeys.tenants });
  }, [imported, queryClient]);
  const fields = start.error instanceof ApiError ? start.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setJobId(null);
    start.mutate();
  };
  return (
    <ConsoleCard id="import-archive" title={t('console.archive.importTitle')} testId="console-import-archive">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          <Text size="sm">{t('console.archive.importIntro')}</Text>
          <FileInput
            label={t('console.archive.file')}
            accept=".gz,.tgz,application/gzip"
            required
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('console.archive.clearFile') }}
            data-testid="import-archive-file"
          />
          <TextInput
            label={t('console.archive.slug')}
            description={t('console.archive.slugHelp')}
            dir="ltr"
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            error={fields.slug?.join(' ')}
            data-testid="import-archive-slug"
          />
          {start.error && !fields.slug ? (
            <Text size="sm" c="red" role="alert">
              {errorText(start.error)}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" disabled={!file} loading={start.isPending} data-testid="import-archive-start">
              {t('console.archive.import')}
            </Button>
          </Group>
          {jobId ? (
            <PortabilityJobStatus
              jobId={jobId}
              done={(j) =>
                j.result ? (
                  <Anchor component={Link} to={`/provinces/${j.result.slug}`} data-testid="import-archive-province">
                    {t('console.archive.open', { slug: j.result.slug })}
                  </Anchor>
                ) : null
              }
            />
          ) : null}
        </Stack>
      </form>
    </ConsoleCard>
  );
}
