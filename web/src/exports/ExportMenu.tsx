import { Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { downloadFile } from '../api/download';
import { ActionMenu } from '../components/ActionMenu';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';

type Format = 'xlsx' | 'csv';

export interface ExportTable {
  /** JSON pointer of the table, e.g. /capitalCost/estimate. */
  pointer: string;
  label: string;
}

/** Menus longer than this scroll (a PC-I has some twenty tables). */
const MENU_MAX_HEIGHT = 360;

/**
 * "Export" → XLSX or CSV of what the page shows. The file comes through the API client (the
 * access token lives in memory, so a plain link could not carry it), in the page's language.
 * With `tables` (a document): XLSX holds every table, CSV one table of the reader's choice.
 */
export function ExportMenu({
  path,
  query = {},
  baseName,
  tables,
  note,
}: {
  path: string;
  query?: Record<string, string>;
  baseName: string;
  tables?: ExportTable[];
  note?: string;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);

  const download = async (format: Format, table?: ExportTable) => {
    setBusy(true);
    try {
      const params = new URLSearchParams({
        ...Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')),
        format,
        locale,
        ...(table ? { table: table.pointer } : {}),
      });
      const suffix = table ? `-${table.pointer.split('/').pop()}` : '';
      await downloadFile(`${path}?${params.toString()}`, `${baseName}${suffix}.${format}`);
    } catch (error) {
      notifications.show({ color: 'red', title: t('exports.failed'), message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ActionMenu label={t('exports.button')} busy={busy} testId="export-button" maxHeight={MENU_MAX_HEIGHT}>
      <Menu.Label>{t('exports.menuLabel')}</Menu.Label>
      {note ? (
        <Text size="xs" c="dimmed" px="sm" pb={4}>
          {note}
        </Text>
      ) : null}
      <Menu.Item onClick={() => void download('xlsx')} data-testid="export-xlsx">
        {tables ? t('exports.xlsxAllTables') : t('exports.xlsx')}
      </Menu.Item>
      {tables ? (
        <>
          <Menu.Label>{t('exports.csvOneTable')}</Menu.Label>
          {tables.map((table) => (
            <Menu.Item key={table.pointer} onClick={() => void download('csv', table)} dir="auto">
              {table.label}
            </Menu.Item>
          ))}
        </>
      ) : (
        <Menu.Item onClick={() => void download('csv')} data-testid="export-csv">
          {t('exports.csv')}
        </Menu.Item>
      )}
    </ActionMenu>
  );
}
