import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { FieldDefinition, FormDefinition, Localized } from '../../../../src/forms/definition';
import { Ltr } from '../../components/Ltr';
import { useI18n } from '../../i18n/i18n';
import type { DefinitionChange } from './api';

/*
 * Two versions side by side: every item added, removed or changed between them, the older on
 * one side and the newer on the other, highlighted, with its label in English and in Urdu and
 * the properties that changed.
 */

const COLOURS = { added: 'green', removed: 'red', changed: 'yellow' } as const;

interface Item {
  number: string;
  label: Localized;
  field?: FieldDefinition;
}

function itemAt(def: FormDefinition, address: string): Item | null {
  const [sectionId, fieldId, columnId] = address.split('.');
  const section = def.sections.find((s) => s.id === sectionId);
  if (!section) return null;
  if (!fieldId) return { number: section.number, label: section.label };
  const field = section.fields.find((f) => f.id === fieldId);
  if (!field) return null;
  if (!columnId) return { number: section.number, label: field.label, field };
  const column = field.columns?.find((c) => c.id === columnId);
  if (!column) return null;
  const label = { en: `${field.label.en} › ${column.label.en}`, ur: `${field.label.ur} › ${column.label.ur}` };
  return { number: section.number, label, field: column };
}

/** Order of the items as they stand in the newer version (removed ones where they were). */
function position(a: FormDefinition, b: FormDefinition, address: string): number {
  const order = (def: FormDefinition) => {
    const [sectionId, fieldId] = address.split('.');
    const si = def.sections.findIndex((s) => s.id === sectionId);
    if (si < 0) return -1;
    const fi = fieldId ? def.sections[si].fields.findIndex((f) => f.id === fieldId) : -1;
    return si * 1000 + fi + 1;
  };
  const inB = order(b);
  return inB >= 0 ? inB : order(a);
}

interface Props {
  from: { number: number; definition: FormDefinition };
  to: { number: number; definition: FormDefinition };
  changes: DefinitionChange[];
}

export function VersionDiff({ from, to, changes }: Props) {
  const { t } = useI18n();
  const at = (c: DefinitionChange) => position(from.definition, to.definition, c.address);
  const sorted = [...changes].sort((x, y) => at(x) - at(y));
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.change] += 1;
  return (
    <Stack gap="sm" data-testid="studio-diff">
      <Group gap="xs">
        {(['added', 'removed', 'changed'] as const).map((k) => (
          <Badge key={k} color={COLOURS[k]} variant="light" tt="none" data-testid={`studio-diff-${k}`}>
            {t(`studio.diff.${k}Count`, { n: counts[k] })}
          </Badge>
        ))}
      </Group>
      {changes.length === 0 ? (
        <Text size="sm">{t('studio.diff.same')}</Text>
      ) : (
        <Table withTableBorder withColumnBorders layout="fixed" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('studio.diff.item')}</Table.Th>
              <Table.Th>{t('studio.diff.version', { n: from.number })}</Table.Th>
              <Table.Th>{t('studio.diff.version', { n: to.number })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((c) => (
              <Table.Tr key={c.address} data-testid="studio-diff-row" data-change={c.change} data-address={c.address}>
                <Table.Td>
                  <Badge color={COLOURS[c.change]} variant="filled" tt="none" size="sm">
                    {t(`studio.diff.${c.change}`)}
                  </Badge>
                  <Text size="xs" mt={4}>
                    <Ltr>{c.address}</Ltr>
                  </Text>
                </Table.Td>
                <Side item={c.change === 'added' ? null : itemAt(from.definition, c.address)} change={c} side="from" />
                <Side item={c.change === 'removed' ? null : itemAt(to.definition, c.address)} change={c} side="to" />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

interface SideProps {
  /** The item in this version (null: not in it). */
  item: Item | null;
  change: DefinitionChange;
  side: 'from' | 'to';
}

function Side({ item, change, side }: SideProps) {
  const { t } = useI18n();
  const colour = COLOURS[change.change];
  if (!item) {
    return (
      <Table.Td bg="var(--mantine-color-gray-light)">
        <Text size="sm" c="dimmed">
          {side === 'from' ? t('studio.diff.notYet') : t('studio.diff.gone')}
        </Text>
      </Table.Td>
    );
  }
  const details = change.change === 'changed' ? (change.details ?? []) : [];
  return (
    <Table.Td bg={colour ? `var(--mantine-color-${colour}-light)` : undefined}>
      <Stack gap={2}>
        <Text size="sm" fw={500} lang="en" dir="ltr" ta="start">
          <Ltr>{item.number}</Ltr>. {item.label.en}
        </Text>
        <Text size="sm" lang="ur" dir="rtl" ta="start">
          {item.label.ur}
        </Text>
        {item.field ? (
          <Text size="xs" c="dimmed">
            {t(`studio.type.${item.field.type}`)}
            {item.field.required ? ` · ${t('studio.diff.required')}` : ''}
            {item.field.hidden ? ` · ${t('studio.diff.hidden')}` : ''}
            {item.field.locked ? ` · ${t('studio.form.locked')}` : ''}
          </Text>
        ) : null}
        {details.map((d) => (
          <Text key={d.property} size="xs" data-property={d.property}>
            {t(`studio.property.${d.property}`)}:{' '}
            <Ltr>{show(side === 'from' ? (d.from ?? d.removed) : (d.to ?? d.added))}</Ltr>
          </Text>
        ))}
      </Stack>
    </Table.Td>
  );
}

/** A property's value in a few characters (labels show both languages above already). */
function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  const text = value as Localized;
  if (typeof value === 'object' && 'en' in text) return `${text.en} / ${text.ur}`;
  return JSON.stringify(value);
}
