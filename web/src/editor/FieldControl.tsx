import {
  Checkbox,
  Group,
  Input,
  NativeSelect,
  Radio,
  ScrollArea,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { ChangeEvent, memo, ReactNode, useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatDecimalText, normaliseNumberText, numberText, numberValue, NUMERIC_TYPES } from './number-text';
import { markInput } from './perf';
import type { Attachment, FieldView, OptionView } from './types';

/*
 * One input for one value of the form, by field type, bound to its JSON pointer (data-pointer).
 * Standalone it carries the field's label, help and error; inside a table cell the column header
 * is its label (aria-label "Column, row N") and the error is the short form under the input.
 */

export interface FieldControlProps {
  field: FieldView;
  pointer: string;
  value: unknown;
  onChange(pointer: string, value: unknown): void;
  required: boolean;
  error?: string;
  /** The option list to offer (a cascaded subset); defaults to the field's own. */
  options?: readonly OptionView[];
  attachments: readonly Attachment[];
  /** Set inside a table cell: the accessible name, "Column, row N". */
  cellLabel?: string;
  /** Inside a cell `error` is the short form; this is the whole message (shown on hover). */
  errorDetail?: string;
}

/** Long option lists (districts, SDGs) get a filter box. */
const FILTER_FROM = 12;

export const FieldControl = memo(function FieldControl(props: FieldControlProps) {
  const { field, pointer, cellLabel, error, errorDetail, required } = props;
  const { t } = useI18n();
  // Standalone: the field's own label and help; in a cell: the accessible name only.
  const help =
    field.type === 'attachment' ? [field.help, t('editor.attachmentHint')].filter(Boolean).join(' ') : field.help;
  const labelling = cellLabel
    ? { 'aria-label': cellLabel, size: 'xs' as const }
    : { label: field.label, description: help, size: 'sm' as const };
  const shared = { ...labelling, error, required, 'data-pointer': pointer };
  let control: ReactNode;
  switch (field.type) {
    case 'textarea':
      control = <TextAreaControl {...props} shared={shared} />;
      break;
    case 'integer':
    case 'decimal':
    case 'money':
      control = <NumberControl {...props} shared={shared} />;
      break;
    case 'date':
      control = <TextControl {...props} shared={shared} type="date" />;
      break;
    case 'fiscalYear':
      control = <TextControl {...props} shared={shared} placeholder="2025-26" ltr />;
      break;
    case 'boolean':
      // A required yes/no must let "No" be said in one click: an unticked box means "not answered".
      control = field.widget === 'radio' || required ? <ChoiceRadios {...props} /> : <BooleanCheckbox {...props} />;
      break;
    case 'select':
      control = field.widget === 'radio' ? <ChoiceRadios {...props} /> : <SelectControl {...props} shared={shared} />;
      break;
    case 'multiselect':
      control = <MultiChoice {...props} />;
      break;
    case 'attachment':
      control = <AttachmentControl {...props} shared={shared} />;
      break;
    default:
      control = <TextControl {...props} shared={shared} type={field.widget === 'month' ? 'month' : 'text'} />;
  }
  return (
    <div
      className={cellLabel ? 'slot slot-cell' : 'slot'}
      data-has-error={error ? '' : undefined}
      title={cellLabel && error ? (errorDetail ?? error) : undefined}
    >
      {control}
    </div>
  );
});

type Shared = Record<string, unknown>;

function TextControl({
  pointer,
  value,
  onChange,
  shared,
  type,
  placeholder,
  ltr,
}: FieldControlProps & { shared: Shared; type?: string; placeholder?: string; ltr?: boolean }) {
  return (
    <TextInput
      {...shared}
      type={type}
      dir={ltr || type === 'date' || type === 'month' ? 'ltr' : undefined}
      placeholder={placeholder}
      value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => {
        markInput();
        const text = ltr ? normaliseNumberText(e.currentTarget.value) : e.currentTarget.value;
        onChange(pointer, text === '' ? undefined : text);
      }}
    />
  );
}

function TextAreaControl({ pointer, value, onChange, shared, cellLabel }: FieldControlProps & { shared: Shared }) {
  return (
    <Textarea
      {...shared}
      autosize
      minRows={cellLabel ? 1 : 3}
      maxRows={cellLabel ? 6 : 16}
      value={typeof value === 'string' ? value : ''}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => {
        markInput();
        onChange(pointer, e.currentTarget.value === '' ? undefined : e.currentTarget.value);
      }}
    />
  );
}

/** Digits typed as text: the decimal string the schema expects, never a float; read left to right. */
function NumberControl({ field, pointer, value, onChange, shared }: FieldControlProps & { shared: Shared }) {
  return (
    <TextInput
      {...shared}
      inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
      dir="ltr"
      autoComplete="off"
      classNames={{ input: 'number-input' }}
      value={numberText(value)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => {
        markInput();
        onChange(pointer, numberValue(field.type, e.currentTarget.value));
      }}
    />
  );
}

function SelectControl({ field, pointer, value, onChange, shared, options }: FieldControlProps & { shared: Shared }) {
  const { t } = useI18n();
  const list = options ?? field.options ?? [];
  const current = typeof value === 'string' ? value : '';
  // A stored value no longer offered (e.g. a district outside the chosen ones) stays visible.
  const data = [{ value: '', label: t('editor.choose') }, ...list.map((o) => ({ value: o.value, label: o.label }))];
  if (current && !list.some((o) => o.value === current))
    data.push({ value: current, label: field.options?.find((o) => o.value === current)?.label ?? current });
  return (
    <NativeSelect
      {...shared}
      data={data}
      value={current}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(pointer, e.currentTarget.value || undefined)}
    />
  );
}

function AttachmentControl({ pointer, value, onChange, shared, attachments }: FieldControlProps & { shared: Shared }) {
  const { t } = useI18n();
  const current = typeof value === 'string' ? value : '';
  const data = [
    { value: '', label: attachments.length ? t('editor.choose') : t('editor.noAttachmentsYet') },
    ...attachments.map((a) => ({ value: a.id, label: a.fileName })),
  ];
  if (current && !attachments.some((a) => a.id === current)) data.push({ value: current, label: current });
  return (
    <NativeSelect
      {...shared}
      data={data}
      value={current}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(pointer, e.currentTarget.value || undefined)}
    />
  );
}

function BooleanCheckbox({ field, pointer, value, onChange, required, error, cellLabel }: FieldControlProps) {
  return (
    <Checkbox
      label={cellLabel ? undefined : field.label}
      aria-label={cellLabel}
      description={cellLabel ? undefined : field.help}
      required={required}
      error={error}
      data-pointer={pointer}
      checked={value === true}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(pointer, e.currentTarget.checked)}
    />
  );
}

/** A short choice as radio buttons (widget 'radio'); booleans offer Yes and No. */
function ChoiceRadios({ field, pointer, value, onChange, required, error, cellLabel, options }: FieldControlProps) {
  const { t } = useI18n();
  const isBoolean = field.type === 'boolean';
  const list = isBoolean
    ? [
        { value: 'true', label: t('editor.yes') },
        { value: 'false', label: t('editor.no') },
      ]
    : (options ?? field.options ?? []);
  const current = isBoolean
    ? typeof value === 'boolean'
      ? String(value)
      : null
    : typeof value === 'string'
      ? value
      : null;
  return (
    <Radio.Group
      label={cellLabel ?? field.label}
      labelProps={cellLabel ? { className: 'visually-hidden' } : undefined}
      description={cellLabel ? undefined : field.help}
      required={required}
      error={error}
      value={current}
      onChange={(v: string) => onChange(pointer, isBoolean ? v === 'true' : v)}
      wrapperProps={{ 'data-pointer': pointer } as Record<string, string>}
    >
      <Group gap="md" mt={4}>
        {list.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** Several codes: checkboxes (value = code), with a filter box when the list is long. */
function MultiChoice({ field, pointer, value, onChange, required, error, cellLabel, options }: FieldControlProps) {
  const { t } = useI18n();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const selected = useMemo(
    () => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []),
    [value],
  );
  const list = options ?? field.options ?? [];
  const needle = filter.trim().toLowerCase();
  // What is chosen stays listed whatever the filter, so it can always be unticked.
  const shown = needle
    ? list.filter(
        (o) => selected.includes(o.value) || o.label.toLowerCase().includes(needle) || o.value.includes(needle),
      )
    : list;
  const stray = selected
    .filter((v) => !list.some((o) => o.value === v))
    .map((v) => ({ value: v, label: field.options?.find((o) => o.value === v)?.label ?? v }));
  const name = cellLabel ?? field.label;
  return (
    <Checkbox.Group
      label={name}
      labelProps={cellLabel ? { className: 'visually-hidden' } : undefined}
      description={cellLabel ? undefined : field.help}
      required={required}
      error={error}
      value={selected}
      onChange={(next: string[]) => onChange(pointer, next.length ? next : undefined)}
      wrapperProps={{ 'data-pointer': pointer } as Record<string, string>}
    >
      {list.length >= FILTER_FROM ? (
        <TextInput
          id={filterId}
          size="xs"
          mt={4}
          mb={6}
          type="search"
          aria-label={t('editor.filterOptions', { label: name })}
          placeholder={t('editor.filterPlaceholder')}
          value={filter}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setFilter(e.currentTarget.value)}
        />
      ) : null}
      <ScrollArea.Autosize mah={cellLabel ? 160 : 260} type="auto" offsetScrollbars>
        <SimpleGrid cols={cellLabel ? 1 : { base: 1, xs: 2, md: 3 }} spacing={6} verticalSpacing={6} py={2}>
          {[...shown, ...stray].map((o) => (
            <Checkbox key={o.value} value={o.value} label={o.label} size="xs" />
          ))}
        </SimpleGrid>
        {shown.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('editor.noMatch')}
          </Text>
        ) : null}
      </ScrollArea.Autosize>
    </Checkbox.Group>
  );
}

/** A figure the rules compute: shown live, never typed. */
export const CalculatedOutput = memo(function CalculatedOutput({
  field,
  pointer,
  value,
  error,
  cellLabel,
}: {
  field: FieldView;
  pointer: string;
  value: unknown;
  error?: string;
  cellLabel?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const text =
    value === undefined || value === null || value === ''
      ? '—'
      : NUMERIC_TYPES.has(field.type)
        ? formatDecimalText(String(value), field.type === 'money' ? 3 : 0)
        : String(value);
  const output = (
    <output
      id={id}
      data-pointer={pointer}
      tabIndex={-1}
      className="calculated"
      dir="ltr"
      aria-label={cellLabel}
      aria-invalid={error ? true : undefined}
    >
      {text}
    </output>
  );
  if (cellLabel) {
    return (
      <div className="slot slot-cell" data-has-error={error ? '' : undefined} title={error}>
        {output}
        {error ? <div className="cell-error">{error}</div> : null}
      </div>
    );
  }
  return (
    <div className="slot" data-has-error={error ? '' : undefined}>
      <Input.Wrapper
        label={field.label}
        description={field.help ?? t('editor.calculatedHelp')}
        error={error}
        id={id}
        size="sm"
      >
        <div className="calculated-box">{output}</div>
      </Input.Wrapper>
    </div>
  );
});
