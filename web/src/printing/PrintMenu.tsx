import { Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ActionMenu } from '../components/ActionMenu';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { saveBlob } from '../api/download';
import { fetchPdf, PdfFailedError, PdfLocale, PdfTimeoutError } from './pdf';

/** Characters kept of a title in a saved file's name. */
const NAME_LENGTH = 120;

/**
 * "PDF / Print": the official-layout PDF of the document's latest revision in English or Urdu, and the
 * blank proforma of the form version it is pinned to. The worker renders a revision once; the
 * menu waits for it and downloads the file.
 */
export function PrintMenu({
  documentId,
  title,
  formKey,
  formTitle,
  versionNumber,
}: {
  documentId: string;
  title: string;
  formKey: string;
  formTitle: string;
  versionNumber: number;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);

  const download = async (base: string, body: { locale: PdfLocale }, fileName: string) => {
    setBusy(true);
    const note = notifications.show({
      loading: true,
      autoClose: false,
      withCloseButton: false,
      title: t('printing.preparing'),
      message: t('printing.preparingDetail'),
    });
    try {
      saveBlob(await fetchPdf(base, body), fileName);
      notifications.hide(note);
    } catch (error) {
      notifications.hide(note);
      const message =
        error instanceof PdfTimeoutError
          ? t('printing.tookTooLong')
          : error instanceof PdfFailedError
            ? error.message
            : errorText(error);
      notifications.show({ color: 'red', title: t('printing.failed'), message });
    } finally {
      setBusy(false);
    }
  };

  const name = (title || formKey)
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .slice(0, NAME_LENGTH)
    .trim();
  // The latest saved revision: what the editor shows once its autosave has run.
  const documentPdf = (locale: PdfLocale) =>
    download(`/api/documents/${documentId}/pdf`, { locale }, `${name} (${locale}).pdf`);
  const blankPdf = (locale: PdfLocale) =>
    download(
      `/api/forms/${formKey}/versions/${versionNumber}/pdf`,
      { locale },
      `${formKey} v${versionNumber} blank (${locale}).pdf`,
    );

  return (
    <ActionMenu label={t('printing.button')} busy={busy} testId="print-button">
      <Menu.Label>{t('printing.menuLabel')}</Menu.Label>
      <Menu.Item onClick={() => void documentPdf('en')} data-testid="print-en">
        {t('printing.english')}
      </Menu.Item>
      <Menu.Item onClick={() => void documentPdf('ur')} data-testid="print-ur">
        {t('printing.urdu')}
      </Menu.Item>
      <Menu.Label>{t('printing.blankLabel')}</Menu.Label>
      <Menu.Item onClick={() => void blankPdf('en')} data-testid="print-blank-en">
        {t('printing.blankEnglish', { form: formTitle, version: `v${versionNumber}` })}
      </Menu.Item>
      <Menu.Item onClick={() => void blankPdf('ur')} data-testid="print-blank-ur">
        {t('printing.blankUrdu', { form: formTitle, version: `v${versionNumber}` })}
      </Menu.Item>
    </ActionMenu>
  );
}
