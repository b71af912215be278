import '../../editor/editor.css';
import { Badge, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { evaluateConditions } from '../../editor/live-check';
import { getAt, isRecord, setAt } from '../../editor/pointer';
import { SectionBlock } from '../../editor/SectionBlock';
import type { Data, FormError, SectionView } from '../../editor/types';
import type { RowOp } from '../../editor/useDocumentDraft';
import { useI18n } from '../../i18n/i18n';
import type { PreviewResult } from './api';

/*
 * The draft as a preparer will see it: the document editor's own SectionBlock over the compiled
 * preview, with a scratch copy of the data so the admin can try the inputs (nothing is saved).
 * One section at a time by default: a whole PC-I is some 300 inputs, redrawn on every preview.
 */

const ALL = '*';
const NO_ERRORS: FormError[] = [];
const NO_ATTACHMENTS: never[] = [];
const NO_LIMITS = new Map<string, number>();
/** React keys of scratch table rows. */
let rowKeySeed = 0;

interface Props {
  preview: PreviewResult['compiled'];
  /** The section the last change was about: shown unless the admin picked another. */
  focusSection: string | null;
  updating: boolean;
}

export function FormPreview({ preview, focusSection, updating }: Props) {
  const { t } = useI18n();
  const sections = preview.ui.sections as SectionView[];
  const [picked, setPicked] = useState<string | null>(null);
  const [data, setData] = useState<Data>({});
  const keys = useRef(new Map<string, string[]>());
  // A new change brings its own section into view, over an earlier pick.
  useEffect(() => setPicked(null), [focusSection]);
  const shownId = picked ?? focusSection ?? sections[0]?.id ?? ALL;
  const shown = shownId === ALL ? sections : sections.filter((s) => s.id === shownId);
  const start = useMemo(() => withDefaults(data, sections), [data, sections]);
  const conditions = useMemo(() => evaluateConditions(preview.definition, start), [preview.definition, start]);
  const joined = (set: Set<string>, sectionId: string) =>
    [...set].filter((p) => p.startsWith(`/${sectionId}/`)).join('\n');

  const onChange = useCallback((pointer: string, value: unknown) => setData((d) => setAt(d, pointer, value)), []);
  const onRowOp = useCallback((tablePointer: string, op: RowOp) => {
    setData((d) => {
      const table = getAt(d, tablePointer);
      const rows = isRecord(table) && Array.isArray(table.rows) ? [...table.rows] : [];
      if (op.kind === 'add') rows.push(op.row);
      else if (op.kind === 'remove') rows.splice(op.index, 1);
      else {
        const to = op.index + op.by;
        if (to >= 0 && to < rows.length) [rows[op.index], rows[to]] = [rows[to], rows[op.index]];
      }
      return setAt(d, tablePointer, { ...(isRecord(table) ? table : {}), rows });
    });
  }, []);
  const keysFor = useCallback((tablePointer: string, count: number) => {
    const have = keys.current.get(tablePointer) ?? [];
    const next = Array.from({ length: count }, (_, i) => have[i] ?? `${tablePointer}#${(rowKeySeed += 1)}`);
    keys.current.set(tablePointer, next);
    return next;
  }, []);

  return (
    <Stack gap="sm" data-testid="studio-preview" aria-busy={updating} aria-labelledby="studio-preview-title">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h4" id="studio-preview-title">
            {t('studio.preview.title')}
          </Title>
          <Badge
            variant="light"
            color={updating ? 'yellow' : 'green'}
            tt="none"
            role="status"
            data-testid="studio-preview-status"
            data-updating={updating}
          >
            {updating ? t('studio.preview.updating') : t('studio.preview.upToDate')}
          </Badge>
        </Group>
        <NativeSelect
          label={t('studio.preview.section')}
          value={shownId}
          onChange={(e) => setPicked(e.currentTarget.value)}
          data={[
            { value: ALL, label: t('studio.preview.allSections') },
            ...sections.map((s) => ({ value: s.id, label: `${s.number}. ${s.label}` })),
          ]}
          style={{ minWidth: 260 }}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('studio.preview.scratch')}
      </Text>
      <Paper className="document-editor" p={0} bg="transparent">
        <Stack gap="md">
          {shown.map((s) => (
            <SectionBlock
              key={s.id}
              section={s}
              value={start[s.id]}
              errors={NO_ERRORS}
              hidden={joined(conditions.hidden, s.id)}
              required={joined(conditions.required, s.id)}
              attachments={NO_ATTACHMENTS}
              rowLimits={NO_LIMITS}
              editing
              onChange={onChange}
              onRowOp={onRowOp}
              keysFor={keysFor}
            />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** Empty fields show the version's defaults, as a new document starts with them. */
function withDefaults(data: Data, sections: SectionView[]): Data {
  let out = data;
  for (const s of sections) {
    for (const f of s.fields) {
      if (f.default === undefined || f.type === 'table' || f.readOnly) continue;
      const current = getAt(out, f.pointer);
      const empty = current === undefined || current === null || current === '';
      if (empty) out = setAt(out, f.pointer, structuredClone(f.default));
    }
  }
  return out;
}
