import { Button, Group, Input, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { ChangeEvent, FormEvent, memo, useId, useRef, useState } from 'react';
import { api } from '../api/client';
import { downloadFile } from '../api/download';
import { DateText } from '../components/Amount';
import { Ltr } from '../components/Ltr';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { documentKey } from './api';
import { ATTACHMENT_KINDS, Attachment } from './types';

/*
 * The document's files: feasibility study, maps, drawings. Downloads go through the API client
 * (a plain link would carry no token) and are handed to the browser as a file.
 */

export const ATTACHMENTS_ANCHOR = 'attachments';

export const AttachmentsPanel = memo(function AttachmentsPanel({
  documentId,
  attachments,
  canUpload,
}: {
  documentId: string;
  attachments: Attachment[];
  canUpload: boolean;
}) {
  const { t } = useI18n();
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'md' }} radius="md" aria-labelledby={ATTACHMENTS_ANCHOR}>
      <Title order={2} size="h4" id={ATTACHMENTS_ANCHOR} tabIndex={-1} mb="sm">
        {t('editor.attachments')}
      </Title>
      <Stack gap="md">
        <AttachmentList documentId={documentId} attachments={attachments} />
        {canUpload ? <UploadForm documentId={documentId} /> : null}
      </Stack>
    </Paper>
  );
});

function AttachmentList({ documentId, attachments }: { documentId: string; attachments: Attachment[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  if (!attachments.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('editor.noAttachments')}
      </Text>
    );
  }
  const download = async (a: Attachment) => {
    setBusy(a.id);
    try {
      await downloadFile(`/api/documents/${documentId}/attachments/${a.id}`, a.fileName);
    } catch (error) {
      notifications.show({ color: 'red', title: t('editor.downloadFailed'), message: errorText(error) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="table-scroll" role="region" aria-label={t('editor.attachmentsTable')} tabIndex={0}>
      <Table verticalSpacing={6} className="attachments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('editor.fileName')}</Table.Th>
            <Table.Th scope="col">{t('editor.kind')}</Table.Th>
            <Table.Th scope="col">{t('editor.size')}</Table.Th>
            <Table.Th scope="col">{t('editor.uploadedAt')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('editor.download')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attachments.map((a) => (
            <Table.Tr key={a.id} data-attachment={a.id}>
              <Table.Td className="file-name">{a.fileName}</Table.Td>
              <Table.Td>{t(`editor.kind.${a.kind}`)}</Table.Td>
              <Table.Td>
                <Ltr>{fileSize(a.sizeBytes)}</Ltr>
              </Table.Td>
              <Table.Td>
                <DateText value={a.uploadedAt} withTime />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  loading={busy === a.id}
                  onClick={() => void download(a)}
                  aria-label={t('editor.downloadFile', { name: a.fileName })}
                >
                  {t('editor.download')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function UploadForm({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<string>('feasibility-study');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('editor.chooseFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      await api.upload(`/api/documents/${documentId}/attachments`, form);
      notifications.show({ color: 'green', message: t('editor.uploaded', { name: file.name }) });
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      await queryClient.invalidateQueries({ queryKey: documentKey(documentId) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="upload-form">
      <Text size="sm" fw={600} mb={4}>
        {t('editor.uploadTitle')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('editor.kind')}
          value={kind}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setKind(e.currentTarget.value)}
          data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`editor.kind.${k}`) }))}
        />
        <Input.Wrapper label={t('editor.file')} id={fileId} description={t('editor.fileTypes')}>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            className="file-input"
            accept="application/pdf,image/png,image/jpeg,image/tiff"
            onChange={(e: ChangeEvent<HTMLInputElement>) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setError(null);
            }}
          />
        </Input.Wrapper>
        <Button type="submit" loading={busy}>
          {t('editor.upload')}
        </Button>
      </Group>
      {error ? (
        <Text size="sm" c="red.9" mt="xs" role="alert">
          {error}
        </Text>
      ) : null}
    </form>
  );
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
