import { Table } from '@mantine/core';
import { useI18n } from '../i18n/i18n';
import { formatChangeValue, inFormOrder, labelOf, readableChanges } from './labels';
import { useLabelWords } from './ReadValue';
import type { Attachment, FieldChange, FieldView, FormVersionView } from './types';

/** Field-level changes as "Field — before — after", in the form's own labels and the user's language. */
export function ChangeTable({
  changes,
  version,
  fields,
  attachments,
  caption,
}: {
  changes: FieldChange[];
  version: FormVersionView;
  fields: Map<string, FieldView>;
  attachments: readonly Attachment[];
  caption: string;
}) {
  const { t } = useI18n();
  const words = useLabelWords();
  const rows = inFormOrder(version, readableChanges(fields, changes)).map((c) => ({
    pointer: c.pointer,
    label: labelOf(version, fields, c.pointer, words),
    section: version.labels[`/${c.pointer.split('/')[1] ?? ''}`] ?? '',
    before: formatChangeValue(fields, c.pointer, c.from, words, attachments),
    after: formatChangeValue(fields, c.pointer, c.to, words, attachments),
  }));
  return (
    <div className="table-scroll" role="region" aria-label={t('editor.changesTable')} tabIndex={0}>
      <Table verticalSpacing={6} className="change-table" withTableBorder>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('editor.field')}</Table.Th>
            <Table.Th scope="col">{t('editor.before')}</Table.Th>
            <Table.Th scope="col">{t('editor.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.pointer} data-change={r.pointer}>
              <Table.Th scope="row" fw={500}>
                {r.label}
                {r.section && r.section !== r.label ? <div className="change-section">{r.section}</div> : null}
              </Table.Th>
              <Table.Td className="change-before">{r.before}</Table.Td>
              <Table.Td className="change-after">{r.after}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
