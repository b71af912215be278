import { ActionIcon, Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Ltr } from '../../components/Ltr';
import { useI18n } from '../../i18n/i18n';
import type { OverlayConflict, OverlayOperation, ShapeProblem } from './api';
import { addressOf, operationOfPointer, refusalKind, TargetItem } from './operations';

/*
 * The draft's operations in the order they apply, each with what it does in words and, when the
 * server refuses it, why: the kind of refusal in the reader's language and the API's own reason.
 */

interface Props {
  operations: OverlayOperation[];
  conflicts: OverlayConflict[];
  problems: ShapeProblem[];
  /** Items of the base and of the draft by address, for naming targets. */
  items: ReadonlyMap<string, TargetItem>;
  onRemove(index: number): void;
  onMove(index: number, by: -1 | 1): void;
}

export function OperationList({ operations, conflicts, problems, items, onRemove, onMove }: Props) {
  const { t } = useI18n();
  const unplaced = problems.filter((p) => operationOfPointer(p.pointer) === null);
  return (
    <Stack gap="xs" data-testid="studio-operations">
      <Title order={2} size="h4">
        {t('studio.operations.title')}
      </Title>
      {operations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('studio.operations.none')}
        </Text>
      ) : null}
      {unplaced.map((p) => (
        <Alert key={p.pointer} color="red" role="alert">
          <Ltr>{p.pointer}</Ltr> <span lang="en">{p.message}</span>
        </Alert>
      ))}
      {operations.map((op, index) => (
        <OperationRow
          key={index}
          index={index}
          count={operations.length}
          op={op}
          item={items.get(addressOf(op))}
          conflicts={conflicts.filter((c) => c.index === index)}
          problems={problems.filter((p) => operationOfPointer(p.pointer) === index)}
          onRemove={onRemove}
          onMove={onMove}
        />
      ))}
    </Stack>
  );
}

interface RowProps {
  index: number;
  count: number;
  op: OverlayOperation;
  item: TargetItem | undefined;
  conflicts: OverlayConflict[];
  problems: ShapeProblem[];
  onRemove(index: number): void;
  onMove(index: number, by: -1 | 1): void;
}

function OperationRow({ index, count, op, item, conflicts, problems, onRemove, onMove }: RowProps) {
  const { t, locale } = useI18n();
  const refused = conflicts.length > 0 || problems.length > 0;
  const name = item ? `${item.number}. ${item.label[locale] || item.label.en}` : addressOf(op);
  const detail = detailOf(op, locale, t);
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="studio-operation"
      data-op={op.op}
      data-refused={refused}
      style={refused ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge variant="light" tt="none" color={refused ? 'red' : 'blue'}>
              {t(`studio.op.${op.op}`)}
            </Badge>
            <Text size="sm" fw={500}>
              {name}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            <Ltr>{addressOf(op)}</Ltr>
            {detail ? <> · {detail}</> : null}
          </Text>
          {op.note ? <Text size="xs">{op.note}</Text> : null}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t('studio.operations.up', { n: index + 1 })}
            disabled={index === 0}
            onClick={() => onMove(index, -1)}
          >
            <span aria-hidden>↑</span>
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('studio.operations.down', { n: index + 1 })}
            disabled={index === count - 1}
            onClick={() => onMove(index, 1)}
          >
            <span aria-hidden>↓</span>
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('studio.operations.remove', { n: index + 1 })}
            onClick={() => onRemove(index)}
          >
            <span aria-hidden>✕</span>
          </ActionIcon>
        </Group>
      </Group>
      {conflicts.map((c, i) => (
        <Alert
          key={`c${i}`}
          mt="xs"
          color="red"
          title={t(`studio.why.${refusalKind(c.reason)}`)}
          data-testid="studio-refusal"
          data-kind={refusalKind(c.reason)}
        >
          <Text size="xs" lang="en" dir="ltr" ta="start">
            {c.reason}
          </Text>
        </Alert>
      ))}
      {problems.map((p) => (
        <Alert
          key={p.pointer}
          mt="xs"
          color="red"
          title={t('studio.why.shape')}
          data-testid="studio-refusal"
          data-kind="shape"
        >
          <Text size="xs" lang="en" dir="ltr" ta="start">
            {p.pointer}: {p.message}
          </Text>
        </Alert>
      ))}
    </Paper>
  );
}

/** The operation's own values in a few words (labels in the reader's language where it has them). */
function detailOf(op: OverlayOperation, locale: 'en' | 'ur', t: (key: string) => string): string {
  const sep = locale === 'ur' ? '، ' : ', ';
  switch (op.op) {
    case 'addField':
      return `${op.field.label[locale]} (${t(`studio.type.${op.field.type}`)})`;
    case 'addSection':
      return `${op.section.number}. ${op.section.label[locale]}`;
    case 'relabel':
      return [op.label?.en, op.label?.ur].filter(Boolean).join(' / ');
    case 'setOptions':
      if (!Array.isArray(op.options)) return t(`studio.master.${op.options.master}`);
      return op.options.map((o) => o.label[locale] || o.value).join(sep);
    case 'constrain':
      return Object.entries(op.constraints)
        .map(([k, v]) => `${t(`studio.constraint.${k}`)}: ${String(v)}`)
        .join(sep);
    case 'setDefault':
      return JSON.stringify(op.value);
    default:
      return '';
  }
}
