import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { messageAt } from './errors';
import { CalculatedOutput, FieldControl } from './FieldControl';
import { sectionAnchor } from './focus';
import { isRecord } from './pointer';
import { ReadValue } from './ReadValue';
import { TableField } from './TableField';
import type { Attachment, FieldView, FormError, OptionView, SectionView } from './types';
import type { RowOp } from './useDocumentDraft';

/*
 * One numbered section of the proforma with its fields in order. Memoised on its own slice of
 * the data and its own errors, so typing in one section leaves the others alone.
 */

export interface SectionBlockProps {
  section: SectionView;
  value: unknown;
  errors: FormError[];
  /** Pointers in this section hidden / required by a rule right now, "\n"-joined. */
  hidden: string;
  required: string;
  attachments: readonly Attachment[];
  /** Largest number of rows per table pointer. */
  rowLimits: ReadonlyMap<string, number>;
  editing: boolean;
  onChange(pointer: string, value: unknown): void;
  onRowOp(tablePointer: string, op: RowOp): void;
  keysFor(tablePointer: string, count: number): string[];
}

/** A section not rendered yet (see useProgressiveCount): its numbered heading, so the navigator can reach it. */
export function PendingSection({ section }: { section: SectionBlockProps['section'] }) {
  const headingId = sectionAnchor(section.id);
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      className="form-section"
      aria-labelledby={headingId}
      aria-busy="true"
    >
      <Title order={2} size="h4" id={headingId} tabIndex={-1} className="section-heading">
        <bdi dir="ltr">{section.number}</bdi>. {section.label}
      </Title>
    </Paper>
  );
}

export const SectionBlock = memo(function SectionBlock(props: SectionBlockProps) {
  const { section, value, errors, editing } = props;
  const { t } = useI18n();
  const data = isRecord(value) ? value : {};
  const hidden = useMemo(() => new Set(props.hidden ? props.hidden.split('\n') : []), [props.hidden]);
  const required = useMemo(() => new Set(props.required ? props.required.split('\n') : []), [props.required]);
  const parents = useMemo(() => cascadeParents(section.fields), [section.fields]);
  const headingId = sectionAnchor(section.id);
  const shown = section.fields.filter((f) => !f.hidden && !hidden.has(f.pointer));

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      className="form-section"
      aria-labelledby={headingId}
      data-section-block={section.id}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={2} size="h4" id={headingId} tabIndex={-1} className="section-heading">
          <bdi dir="ltr">{section.number}</bdi>. {section.label}
        </Title>
        {editing && errors.length ? (
          <Badge color="red" variant="light" tt="none" style={{ flexShrink: 0 }}>
            {t('editor.problemCount', { n: errors.length })}
          </Badge>
        ) : null}
      </Group>
      {section.help ? (
        <Text size="sm" c="dimmed" mb="sm">
          {section.help}
        </Text>
      ) : null}
      <Stack gap={editing ? 4 : 'sm'}>
        {shown.map((field) => {
          const isRequired = field.required || required.has(field.pointer);
          if (field.type === 'table') {
            const inTable = (joined: string) =>
              joined
                .split('\n')
                .filter((p) => p.startsWith(`${field.pointer}/`))
                .join('\n');
            return (
              <TableField
                key={field.id}
                field={field}
                value={data[field.id]}
                errors={errors}
                hiddenCells={inTable(props.hidden)}
                requiredCells={inTable(props.required)}
                required={isRequired}
                attachments={props.attachments}
                maxRows={props.rowLimits.get(field.pointer)}
                editing={editing}
                onChange={props.onChange}
                onRowOp={props.onRowOp}
                keysFor={props.keysFor}
              />
            );
          }
          const error = messageAt(errors, field.pointer);
          if (!editing) {
            return (
              <dl key={field.id} className="read-field">
                <dt>{field.label}</dt>
                <dd>
                  <ReadValue
                    field={field}
                    pointer={field.pointer}
                    value={data[field.id]}
                    attachments={props.attachments}
                  />
                </dd>
              </dl>
            );
          }
          if (field.readOnly)
            return (
              <CalculatedOutput
                key={field.id}
                field={field}
                pointer={field.pointer}
                value={data[field.id]}
                error={error}
              />
            );
          return (
            <FieldControl
              key={field.id}
              field={field}
              pointer={field.pointer}
              value={data[field.id]}
              onChange={props.onChange}
              required={isRequired}
              error={error}
              options={optionsFor(field, parents.get(field.id), data)}
              attachments={props.attachments}
            />
          );
        })}
      </Stack>
    </Paper>
  );
});

/** For option lists with parents (tehsils of districts): the sibling field that holds the parents. */
function cascadeParents(fields: FieldView[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fields) {
    const parentCodes = new Set((f.options ?? []).map((o) => o.parent).filter((p): p is string => !!p));
    if (!parentCodes.size) continue;
    const parent = fields.find((g) => g !== f && (g.options ?? []).some((o) => parentCodes.has(o.value)));
    if (parent) out.set(f.id, parent.id);
  }
  return out;
}

const optionCache = new WeakMap<FieldView, { key: string; options: OptionView[] }>();

/** The options under the chosen parents (all of them while none is chosen); the same array while the choice stands. */
function optionsFor(
  field: FieldView,
  parentId: string | undefined,
  data: Record<string, unknown>,
): OptionView[] | undefined {
  if (!parentId || !field.options) return undefined;
  const chosen = data[parentId];
  const parents = Array.isArray(chosen) ? chosen.map(String) : typeof chosen === 'string' ? [chosen] : [];
  if (!parents.length) return undefined;
  const key = parents.join('\n');
  const cached = optionCache.get(field);
  if (cached?.key === key) return cached.options;
  const options = field.options.filter((o) => !o.parent || parents.includes(o.parent));
  optionCache.set(field, { key, options });
  return options;
}
