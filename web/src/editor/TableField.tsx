import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { cellMessage, shallowEqual, tableErrors } from './errors';
import { CalculatedOutput, FieldControl } from './FieldControl';
import { isRecord } from './pointer';
import { ReadValue } from './ReadValue';
import type { Attachment, Data, FieldView, FormError } from './types';
import type { RowOp } from './useDocumentDraft';

/*
 * A table of the proforma (cost by item and year, phasing, financing, manpower …): one row per
 * entry, inputs per column, and the totals row the validator computes. Rows are memoised by their
 * own data, so a keystroke in one cell re-renders that row and the totals, not the other rows.
 */

export interface TableFieldProps {
  field: FieldView;
  value: unknown;
  /** The section's errors; the table picks its own. */
  errors: readonly FormError[];
  /** Cells hidden by a row-scoped rule, as "\n"-joined pointers (a string, so memo compares by value). */
  hiddenCells: string;
  requiredCells: string;
  required: boolean;
  attachments: readonly Attachment[];
  maxRows?: number;
  editing: boolean;
  onChange(pointer: string, value: unknown): void;
  onRowOp(tablePointer: string, op: RowOp): void;
  keysFor(tablePointer: string, count: number): string[];
}

const rowsOf = (value: unknown): unknown[] => (isRecord(value) && Array.isArray(value.rows) ? value.rows : []);
const totalsOf = (value: unknown): Data => (isRecord(value) && isRecord(value.totals) ? value.totals : {});

export const TableField = memo(function TableField(props: TableFieldProps) {
  const { field, value, errors, editing, onRowOp, maxRows } = props;
  const { t } = useI18n();
  const captionId = useId();
  const pointer = field.pointer;
  const rows = rowsOf(value);
  const columns = useMemo(() => (field.columns ?? []).filter((c) => !c.hidden), [field.columns]);
  const problems = useMemo(() => tableErrors(errors, pointer), [errors, pointer]);
  const keys = props.keysFor(pointer, rows.length);
  const hidden = useMemo(() => cellsByRow(props.hiddenCells, pointer), [props.hiddenCells, pointer]);
  const required = useMemo(() => cellsByRow(props.requiredCells, pointer), [props.requiredCells, pointer]);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Where focus goes after a row is added, removed or moved (the DOM it was in may be gone). */
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const selector = pendingFocus.current;
    if (!selector) return;
    pendingFocus.current = null;
    scrollRef.current?.parentElement?.querySelector<HTMLElement>(selector)?.focus();
  });

  const add = () => {
    const row = Object.fromEntries(
      columns.filter((c) => c.default !== undefined && !c.readOnly).map((c) => [c.id, structuredClone(c.default)]),
    );
    pendingFocus.current = `tr[data-row="${rows.length}"] :is(input, select, textarea)`;
    onRowOp(pointer, { kind: 'add', row });
  };
  const full = maxRows !== undefined && rows.length >= maxRows;

  const rowOp = useMemo(
    () => (op: RowOp) => {
      if (op.kind === 'remove')
        pendingFocus.current =
          op.index < rows.length - 1 ? `tr[data-row="${op.index}"] [data-op="remove"]` : '[data-op="add"]';
      if (op.kind === 'move') {
        // The same button on the row's new place, or its twin when the row reached an end.
        const row = `tr[data-row="${op.index + op.by}"]`;
        pendingFocus.current =
          `${row} [data-op="${op.by < 0 ? 'up' : 'down'}"]:not(:disabled), ` +
          `${row} [data-op="${op.by < 0 ? 'down' : 'up'}"]`;
      }
      onRowOp(pointer, op);
    },
    [onRowOp, pointer, rows.length],
  );

  return (
    <div className="table-field" data-table={pointer}>
      <Text component="h3" fw={600} size="sm" id={captionId} mb={4}>
        {field.label}
        {props.required ? <RequiredMark /> : null}
      </Text>
      {field.help ? (
        <Text size="xs" c="dimmed" mb={6}>
          {field.help}
        </Text>
      ) : null}
      <div className="table-scroll" ref={scrollRef} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="form-table">
          <caption className="visually-hidden">{field.label}</caption>
          <thead>
            <tr>
              <th scope="col" className="row-number">
                <span aria-hidden="true">#</span>
                <span className="visually-hidden">{t('editor.rowNumber')}</span>
              </th>
              {columns.map((c) => (
                <th
                  scope="col"
                  key={c.id}
                  className={c.type === 'money' || c.type === 'decimal' || c.type === 'integer' ? 'numeric' : undefined}
                >
                  {c.label}
                  {c.required && !c.readOnly ? <RequiredMark /> : null}
                </th>
              ))}
              {editing ? (
                <th scope="col">
                  <span className="visually-hidden">{t('editor.rowActions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <TableRow
                key={keys[index]}
                tablePointer={pointer}
                index={index}
                count={rows.length}
                row={row}
                columns={columns}
                errors={problems.rows.get(index)}
                hidden={hidden.get(index) ?? ''}
                required={required.get(index) ?? ''}
                attachments={props.attachments}
                editing={editing}
                onChange={props.onChange}
                onRowOp={rowOp}
              />
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length + (editing ? 2 : 1)}>
                  <Text size="sm" c="dimmed">
                    {t('editor.noRows')}
                  </Text>
                </td>
              </tr>
            ) : null}
          </tbody>
          {field.totals?.length ? (
            <TotalsRow
              pointer={pointer}
              columns={columns}
              totals={field.totals}
              value={totalsOf(value)}
              errors={problems.totals}
              editing={editing}
            />
          ) : null}
        </table>
      </div>
      {/* Always there, one line high, so a message about the table as a whole moves nothing. */}
      <div className="table-errors" role="status">
        {problems.table.map((m) => (
          <Text key={m} size="xs" c="red.9">
            {m}
          </Text>
        ))}
      </div>
      {editing ? (
        <Group mt="xs" gap="xs">
          <Button size="xs" variant="light" onClick={add} disabled={full} data-op="add">
            {t('editor.addRow')}
          </Button>
          {full ? (
            <Text size="xs" c="dimmed">
              {t('editor.rowLimit', { n: maxRows ?? 0 })}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </div>
  );
});

/** "\n"-joined cell pointers of a table → column ids per row index. */
function cellsByRow(joined: string, tablePointer: string): Map<number, string> {
  const out = new Map<number, string[]>();
  const prefix = `${tablePointer}/rows/`;
  for (const p of joined ? joined.split('\n') : []) {
    if (!p.startsWith(prefix)) continue;
    const [index, column] = p.slice(prefix.length).split('/');
    out.set(Number(index), [...(out.get(Number(index)) ?? []), column]);
  }
  return new Map([...out].map(([i, cols]) => [i, cols.join('\n')]));
}

export function RequiredMark() {
  const { t } = useI18n();
  return (
    <>
      <span className="required-mark" aria-hidden="true">
        {' *'}
      </span>
      <span className="visually-hidden">{` (${t('editor.required')})`}</span>
    </>
  );
}

interface TableRowProps {
  tablePointer: string;
  index: number;
  count: number;
  row: unknown;
  columns: FieldView[];
  /** Column → message, for this row. */
  errors: Record<string, string> | undefined;
  /** "\n"-joined column ids hidden / required by a rule in this row. */
  hidden: string;
  required: string;
  attachments: readonly Attachment[];
  editing: boolean;
  onChange(pointer: string, value: unknown): void;
  onRowOp(op: RowOp): void;
}

const TableRow = memo(
  function TableRow({
    tablePointer,
    index,
    count,
    row,
    columns,
    errors,
    hidden,
    required,
    attachments,
    editing,
    onChange,
    onRowOp,
  }: TableRowProps) {
    const { t } = useI18n();
    const cells = isRecord(row) ? row : {};
    const n = index + 1;
    const hiddenSet = hidden ? hidden.split('\n') : [];
    const requiredSet = required ? required.split('\n') : [];
    return (
      <tr data-row={index}>
        <th scope="row" className="row-number">
          <bdi dir="ltr">{n}</bdi>
        </th>
        {columns.map((c) => {
          const pointer = `${tablePointer}/rows/${index}/${c.id}`;
          const message = errors?.[c.id];
          const label = t('editor.cellLabel', { column: c.label, n });
          if (hiddenSet.includes(c.id)) return <td key={c.id} className="cell-hidden" />;
          return (
            <td key={c.id} className={`cell cell-${c.type}`}>
              {!editing ? (
                <ReadValue field={c} pointer={pointer} value={cells[c.id]} attachments={attachments} />
              ) : c.readOnly ? (
                <CalculatedOutput field={c} pointer={pointer} value={cells[c.id]} error={message} cellLabel={label} />
              ) : (
                <FieldControl
                  field={c}
                  pointer={pointer}
                  value={cells[c.id]}
                  onChange={onChange}
                  required={c.required || requiredSet.includes(c.id)}
                  error={message ? cellMessage(message, c.label) : undefined}
                  errorDetail={message}
                  attachments={attachments}
                  cellLabel={label}
                />
              )}
            </td>
          );
        })}
        {editing ? (
          <td className="row-actions">
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                size="md"
                data-op="up"
                aria-label={t('editor.moveUp', { n })}
                disabled={index === 0}
                onClick={() => onRowOp({ kind: 'move', index, by: -1 })}
              >
                <span aria-hidden="true">↑</span>
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                size="md"
                data-op="down"
                aria-label={t('editor.moveDown', { n })}
                disabled={index === count - 1}
                onClick={() => onRowOp({ kind: 'move', index, by: 1 })}
              >
                <span aria-hidden="true">↓</span>
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                size="md"
                data-op="remove"
                aria-label={t('editor.removeRow', { n })}
                onClick={() => onRowOp({ kind: 'remove', index })}
              >
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            </Group>
          </td>
        ) : null}
      </tr>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.count === b.count &&
    a.columns === b.columns &&
    shallowEqual(a.errors, b.errors) &&
    a.hidden === b.hidden &&
    a.required === b.required &&
    a.attachments === b.attachments &&
    a.editing === b.editing &&
    a.tablePointer === b.tablePointer &&
    a.onChange === b.onChange &&
    a.onRowOp === b.onRowOp,
);

function TotalsRow({
  pointer,
  columns,
  totals,
  value,
  errors,
  editing,
}: {
  pointer: string;
  columns: FieldView[];
  totals: string[];
  value: Data;
  errors: Record<string, string>;
  editing: boolean;
}) {
  const { t } = useI18n();
  return (
    <tfoot>
      <tr className="totals-row">
        <th scope="row">{t('editor.total')}</th>
        {columns.map((c) =>
          totals.includes(c.id) ? (
            <td key={c.id} className="cell numeric">
              <CalculatedOutput
                field={c}
                pointer={`${pointer}/totals/${c.id}`}
                value={value[c.id]}
                error={errors[c.id]}
                cellLabel={t('editor.totalOf', { column: c.label })}
              />
            </td>
          ) : (
            <td key={c.id} />
          ),
        )}
        {editing ? <td /> : null}
      </tr>
    </tfoot>
  );
}
