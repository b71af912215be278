import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { FieldDefinition } from '../../../../src/forms/definition';
import { Ltr } from '../../components/Ltr';
import { useI18n } from '../../i18n/i18n';
import { CONSTRAINTS_BY_TYPE } from './operations';

/*
 * The inputs of one kind of operation that need more than a text box: an option list (its own
 * values in both languages, or one of the province's master lists), the constraints a field's
 * type allows, and a default value typed as the field is.
 */

export interface OptionRow {
  value: string;
  en: string;
  ur: string;
}

export const MASTER_LISTS = [
  'districts',
  'tehsils',
  'sectors',
  'sub-sectors',
  'funding-sources',
  'approval-forums',
  'departments',
] as const;

export interface OptionsValue {
  source: 'list' | 'master';
  rows: OptionRow[];
  master: string;
}

export function OptionsInput({ value, onChange }: { value: OptionsValue; onChange(next: OptionsValue): void }) {
  const { t } = useI18n();
  const setRow = (i: number, patch: Partial<OptionRow>) =>
    onChange({ ...value, rows: value.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="studio-options-label">
        {t('studio.form.options')}
      </Text>
      <SegmentedControl
        aria-labelledby="studio-options-label"
        value={value.source}
        onChange={(v) => onChange({ ...value, source: v as OptionsValue['source'] })}
        data={[
          { value: 'list', label: t('studio.form.optionsOwn') },
          { value: 'master', label: t('studio.form.optionsMaster') },
        ]}
      />
      {value.source === 'master' ? (
        <NativeSelect
          label={t('studio.form.masterList')}
          value={value.master}
          onChange={(e) => onChange({ ...value, master: e.currentTarget.value })}
          data={MASTER_LISTS.map((m) => ({ value: m, label: t(`studio.master.${m}`) }))}
        />
      ) : (
        <>
          {value.rows.map((row, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap" data-testid="studio-option-row">
              <TextInput
                label={t('studio.form.optionCode', { n: i + 1 })}
                value={row.value}
                onChange={(e) => setRow(i, { value: e.currentTarget.value })}
                dir="ltr"
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('studio.form.optionEn', { n: i + 1 })}
                lang="en"
                dir="ltr"
                value={row.en}
                onChange={(e) => setRow(i, { en: e.currentTarget.value })}
                style={{ flex: 2 }}
              />
              <TextInput
                label={t('studio.form.optionUr', { n: i + 1 })}
                lang="ur"
                dir="rtl"
                value={row.ur}
                onChange={(e) => setRow(i, { ur: e.currentTarget.value })}
                style={{ flex: 2 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('studio.form.optionRemove', { n: i + 1 })}
                onClick={() => onChange({ ...value, rows: value.rows.filter((_, j) => j !== i) })}
              >
                <span aria-hidden>✕</span>
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            onClick={() => onChange({ ...value, rows: [...value.rows, { value: '', en: '', ur: '' }] })}
          >
            {t('studio.form.optionAdd')}
          </Button>
        </>
      )}
    </Stack>
  );
}

/** The options as the API takes them. */
export function optionsOf(value: OptionsValue) {
  if (value.source === 'master') return { master: value.master } as { master: (typeof MASTER_LISTS)[number] };
  return value.rows.map((r) => ({ value: r.value.trim(), label: { en: r.en.trim(), ur: r.ur.trim() } }));
}

export type ConstraintValues = Record<string, string>;

/** The constraints a field's type allows, each empty unless set; the base's current value is shown beside. */
interface ConstraintProps {
  field: FieldDefinition;
  value: ConstraintValues;
  onChange(next: ConstraintValues): void;
}

export function ConstraintInputs({ field, value, onChange }: ConstraintProps) {
  const { t } = useI18n();
  const keys = CONSTRAINTS_BY_TYPE[field.type] ?? [];
  const current = (field.constraints ?? {}) as Record<string, unknown>;
  const unset = t('studio.form.constraintUnset');
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      {keys.map((k) => (
        <TextInput
          key={k}
          label={t(`studio.constraint.${k}`)}
          description={current[k] !== undefined ? t('studio.form.constraintNow', { value: String(current[k]) }) : unset}
          value={value[k] ?? ''}
          onChange={(e) => onChange({ ...value, [k]: e.currentTarget.value })}
          dir="ltr"
          inputMode={k === 'pattern' ? 'text' : 'decimal'}
          style={{ flex: k === 'pattern' ? '2 1 260px' : '1 1 140px' }}
        />
      ))}
    </Group>
  );
}

/** Constraints as the API takes them: counts as integers, bounds as decimal text, patterns as typed. */
export function constraintsOf(value: ConstraintValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, raw] of Object.entries(value)) {
    const v = raw.trim();
    if (!v) continue;
    out[k] = k === 'pattern' || k === 'minimum' || k === 'maximum' ? v : Number.isInteger(Number(v)) ? Number(v) : v;
  }
  return out;
}

/** How a value of these types is written (amounts are Rs million as decimal text). */
const FORMAT_HINTS: Partial<Record<string, string>> = { date: 'YYYY-MM-DD', fiscalYear: '2025-26', money: '1250.500' };

/** A default value typed as the field: yes/no, one of its options, or text. */
interface DefaultProps {
  field: FieldDefinition;
  value: unknown;
  onChange(next: unknown): void;
}

export function DefaultInput({ field, value, onChange }: DefaultProps) {
  const { t, locale } = useI18n();
  if (field.type === 'boolean') {
    const label = t('studio.form.defaultValue');
    return <Switch label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
  }
  if (field.type === 'select' && Array.isArray(field.options)) {
    return (
      <Select
        label={t('studio.form.defaultValue')}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
        data={field.options.map((o) => ({ value: o.value, label: o.label[locale] || o.value }))}
        searchable
      />
    );
  }
  const hint = FORMAT_HINTS[field.type];
  return (
    <TextInput
      label={t('studio.form.defaultValue')}
      description={hint ? <Ltr>{hint}</Ltr> : undefined}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      dir={['text', 'textarea'].includes(field.type) ? undefined : 'ltr'}
    />
  );
}

/** The default as the API takes it (integers as numbers; amounts stay decimal text). */
export function defaultOf(field: FieldDefinition, value: unknown): unknown {
  const text = typeof value === 'string' ? value.trim() : null;
  if (field.type === 'integer' && text !== null && /^-?\d+$/.test(text)) return Number(text);
  if (field.type === 'multiselect' && text !== null)
    return text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return typeof value === 'string' ? value.trim() : value;
}
