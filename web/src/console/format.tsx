import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ReactNode } from 'react';
import { Ltr } from '../components/Ltr';
import { useI18n } from '../i18n/i18n';

/* Small pieces every console screen shares: status badges, sizes, dates, a plain table. */

const STATUS_COLOURS: Record<string, string> = {
  active: 'green',
  succeeded: 'green',
  completed: 'green',
  done: 'green',
  provisioning: 'blue',
  queued: 'gray',
  pending: 'gray',
  running: 'blue',
  suspended: 'orange',
  disabled: 'gray',
  invited: 'yellow',
  failed: 'red',
  'rolled-back': 'orange',
};

/** A status word (province, run, step, operator) in the reader's language, coloured by what it means. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge
      variant="light"
      color={STATUS_COLOURS[status] ?? 'gray'}
      style={{ textTransform: 'none' }}
      data-testid={testId}
      data-status={status}
    >
      {t(`console.state.${status}`)}
    </Badge>
  );
}

const KIB = 1024;
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Bytes as people read them (1.4 MB), isolated left to right inside Urdu text. */
export function Bytes({ value }: { value: number | null | undefined }) {
  const { formatNumber } = useI18n();
  if (value === null || value === undefined)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  let n = value;
  let unit = 0;
  while (n >= KIB && unit < UNITS.length - 1) {
    n /= KIB;
    unit += 1;
  }
  return <Ltr>{`${formatNumber(n, unit === 0 ? 0 : 1)} ${UNITS[unit]}`}</Ltr>;
}

export function Count({ value }: { value: number | null | undefined }) {
  const { formatNumber } = useI18n();
  return value === null || value === undefined ? (
    <Text span c="dimmed">
      —
    </Text>
  ) : (
    <Ltr>{formatNumber(value)}</Ltr>
  );
}

export function When({ value }: { value: string | null | undefined }) {
  const { formatDateTime } = useI18n();
  return value ? (
    <bdi>{formatDateTime(value)}</bdi>
  ) : (
    <Text span c="dimmed">
      —
    </Text>
  );
}

/** A code (slug, version, e-mail, action name) kept left to right and monospaced. */
export function Code({ children }: { children: ReactNode }) {
  return (
    <Ltr>
      <Text span ff="monospace" size="sm">
        {children}
      </Text>
    </Ltr>
  );
}

/** A table named for screen readers, headers and rows; scrolls sideways on narrow screens. */
export function DataTable({
  caption,
  head,
  children,
  testId,
}: {
  caption: string;
  head: ReactNode[];
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The province's name in the reader's language (its Urdu name when it has one). */
export function useProvinceName() {
  const { locale } = useI18n();
  return (tenant: { name: string; settings?: { branding?: { titleUr?: string } } }) =>
    (locale === 'ur' && tenant.settings?.branding?.titleUr) || tenant.name;
}

/** A passing message (saved, queued …) whose close button is named in the reader's language. */
export function useNotify() {
  const { t } = useI18n();
  return (color: string, message: string, title?: string) =>
    notifications.show({ color, message, title, closeButtonProps: { 'aria-label': t('common.close') } });
}

/**
 * A titled section of a console page (a province's status, domains, archive …): a card whose
 * heading labels it for screen readers. `id` names the heading (`<id>-title`).
 */
export function ConsoleCard({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <Title order={2} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
