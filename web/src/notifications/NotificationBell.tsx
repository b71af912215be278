import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { AppNotification, useMarkAllRead, useMarkRead, useNotifications } from './api';

/** More than this shows as "99+" on the bell. */
const MAX_SHOWN_COUNT = 99;

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's bell: the unread count, and a list to open (a document) or mark read. */
export function NotificationBell() {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [pages, setPages] = useState(1);
  const query = useNotifications(pages);
  const markAll = useMarkAllRead();
  const unread = query.data?.unread ?? 0;
  const shown = unread > MAX_SHOWN_COUNT ? `${MAX_SHOWN_COUNT}+` : String(unread);
  const items = query.data?.items ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} withinPortal trapFocus shadow="md">
      {/* The target is the button itself: Popover.Target gives its child aria-expanded, which a plain div
          may not carry. */}
      <Indicator label={shown} size={18} disabled={unread === 0} color="red" offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} aria-label={t('notifications.title')} role="dialog">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={700}>{t('notifications.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={!unread}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420}>
          {query.isError ? (
            <Text c="red.8" p="md" role="alert">
              {t('notifications.loadFailed')}
            </Text>
          ) : items.length === 0 ? (
            <Text c="dimmed" p="md" size="sm">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notification-list">
              {items.map((n) => (
                <NotificationItem key={n.id} notification={n} onOpen={() => setOpened(false)} />
              ))}
            </Stack>
          )}
          {query.data && query.data.total > items.length ? (
            <Group justify="center" p="xs">
              <Anchor component="button" size="sm" onClick={() => setPages((p) => p + 1)}>
                {t('notifications.more')}
              </Anchor>
            </Group>
          ) : null}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({ notification: n, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = () => {
    if (!n.read) markRead.mutate(n.id);
    if (n.link) {
      onOpen();
      void navigate(n.link);
    }
  };
  return (
    <li
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: n.read ? undefined : 'var(--mantine-color-blue-0)',
      }}
    >
      <Group align="flex-start" gap="xs" px="md" py="xs" wrap="nowrap">
        <UnstyledButton onClick={open} style={{ flex: 1, minWidth: 0 }} data-testid="notification-item">
          <Text size="sm" fw={n.read ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>
            {n.title}
          </Text>
          {n.body ? (
            <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {n.body}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed" dir="ltr" component="span">
            {formatDateTime(n.createdAt)}
          </Text>
        </UnstyledButton>
        {n.read ? null : (
          <Stack gap={4} align="flex-end">
            <Badge size="xs" variant="light">
              {t('notifications.unread')}
            </Badge>
            <Anchor component="button" size="xs" onClick={() => markRead.mutate(n.id)}>
              {t('notifications.markRead')}
            </Anchor>
          </Stack>
        )}
      </Group>
    </li>
  );
}
