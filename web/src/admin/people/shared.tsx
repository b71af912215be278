import { Alert, Badge, Button, CopyButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { OneTimeLink, useUserSearch, UserStatus } from './people-api';

/* Pieces the people screens share: status badges, a one-time link to copy, a user picker. */

const STATUS_COLOURS: Record<UserStatus, string> = { active: 'green', invited: 'blue', disabled: 'gray' };
/** A badge's label may be clipped in a narrow table column (Nastaliq words are wide): never below its words. */
export const BADGE_STYLE = { textTransform: 'none', minWidth: 'max-content' } as const;

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" style={BADGE_STYLE} data-status={status}>
      {t(`usersAdmin.status.${status}`)}
    </Badge>
  );
}

/** Active or deactivated (departments, master-data items). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light" style={BADGE_STYLE} data-active={active}>
      {active ? t('usersAdmin.active') : t('usersAdmin.inactive')}
    </Badge>
  );
}

/**
 * A one-time link (invitation or password reset): mailed to the person, and shown here so the
 * administrator can pass it on another way if the mail does not arrive.
 */
export function LinkToCopy({ link, intro }: { link: OneTimeLink; intro: string }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Alert color="green" role="status" data-testid="one-time-link">
      <Stack gap="xs">
        <Text size="sm">{intro}</Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('usersAdmin.link.label')}
            value={link.link}
            readOnly
            dir="ltr"
            style={{ flex: 1 }}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="one-time-link-value"
          />
          <CopyButton value={link.link}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('usersAdmin.link.copied') : t('usersAdmin.link.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('usersAdmin.link.expires')} <bdi>{formatDateTime(link.expiresAt)}</bdi>
        </Text>
      </Stack>
    </Alert>
  );
}

/** The 409 that keeps a province administrable, explained: what it protects and what to do. */
export function isAdminGuard(error: unknown): boolean {
  const reason = error instanceof ApiError ? (error.body as { reason?: unknown } | null)?.reason : undefined;
  return error instanceof ApiError && error.status === 409 && (reason === 'last-admin' || reason === 'own-account');
}

export function AdminGuardExplained({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      color="orange"
      role="alert"
      title={t('usersAdmin.guard.title')}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('usersAdmin.close')}
      data-testid="admin-guard"
    >
      <Stack gap={4}>
        <Text size="sm">{t('usersAdmin.guard.protects')}</Text>
        <Text size="sm" fw={600}>
          {t('usersAdmin.guard.whatToDo')}
        </Text>
      </Stack>
    </Alert>
  );
}

/** A searchable choice of one of the province's users (by name or email, searched on the server). */
export function UserPicker({
  value,
  onChange,
  label,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const found = useUserSearch(debounced.trim());
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (found.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }));
  if (chosen && value === chosen.value && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={label}
      placeholder={t('usersAdmin.anyone')}
      data={options}
      value={value}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('usersAdmin.noMatch')}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      data-testid="user-picker"
    />
  );
}

/** A compact text button for a table row's actions (its words are its accessible name). */
export function RowAction({
  label,
  onClick,
  color,
  testId,
}: {
  label: string;
  onClick: () => void;
  color?: string;
  testId?: string;
}) {
  return (
    <Button size="compact-xs" variant="subtle" color={color} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
