import { Alert, Badge, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { refusedConflicts, SavedOverlay, useApplyUpgrade, useUpgradePreview } from './api';
import { addressOf, refusalKind } from './operations';

/*
 * A newer base form from the Planning Commission: what the province's overlay gives on it — the
 * operations that still apply, those that no longer do (and why), and what the base itself
 * changed. Moving is explicit; publishing stays a separate step.
 */

export function UpgradePanel({ formKey, overlay }: { formKey: string; overlay: SavedOverlay }) {
  const preview = useUpgradePreview(formKey);
  return <QueryState query={preview}>{() => <Upgrade formKey={formKey} overlay={overlay} />}</QueryState>;
}

function Upgrade({ formKey, overlay }: { formKey: string; overlay: SavedOverlay }) {
  const { t, dir } = useI18n();
  const errorText = useErrorText();
  const { data } = useUpgradePreview(formKey);
  const apply = useApplyUpgrade(formKey);
  const [drop, setDrop] = useState(false);
  const up = data!;
  const refused = new Set(up.conflicts.map((c) => c.index));
  const applying = overlay.operations.map((op, index) => ({ op, index })).filter(({ index }) => !refused.has(index));
  const current = up.from === up.to;
  const conflicts = apply.error ? refusedConflicts(apply.error) : [];
  const done = t('studio.upgrade.done', { version: up.to });

  return (
    <Stack gap="md" data-testid="studio-upgrade">
      <Title order={2} size="h4">
        {t('studio.upgrade.title')}
      </Title>
      <Group gap="xs">
        <Text size="sm">{t('studio.upgrade.base')}</Text>
        <Badge variant="light" tt="none">
          <Ltr>{up.from}</Ltr>
        </Badge>
        {current ? null : (
          <>
            <Text size="sm" aria-hidden>
              {dir === 'rtl' ? '←' : '→'}
            </Text>
            <Badge variant="light" color="green" tt="none">
              <Ltr>{up.to}</Ltr>
            </Badge>
          </>
        )}
      </Group>
      {current ? (
        <Alert color="green" role="status">
          {t('studio.upgrade.current')}
        </Alert>
      ) : (
        <>
          <Text size="sm">{t('studio.upgrade.baseChanges', { n: up.changes.length })}</Text>
          <section aria-labelledby="studio-upgrade-applies">
            <Title order={3} size="h5" id="studio-upgrade-applies">
              {t('studio.upgrade.applies', { n: applying.length })}
            </Title>
            <List size="sm" data-testid="studio-upgrade-applies">
              {applying.map(({ op, index }) => (
                <List.Item key={index}>
                  {t(`studio.op.${op.op}`)}: <Ltr>{addressOf(op)}</Ltr>
                </List.Item>
              ))}
            </List>
          </section>
          <section aria-labelledby="studio-upgrade-stale">
            <Title order={3} size="h5" id="studio-upgrade-stale">
              {t('studio.upgrade.noLonger', { n: up.conflicts.length })}
            </Title>
            <Stack gap="xs" data-testid="studio-upgrade-conflicts">
              {up.conflicts.map((c) => (
                <Alert key={c.index} color="orange" title={t(`studio.op.${c.op}`) + (c.target ? ` · ${c.target}` : '')}>
                  <Text size="sm">{t(`studio.why.${refusalKind(c.reason)}`)}</Text>
                  <Text size="xs" lang="en" dir="ltr" ta="start">
                    {c.reason}
                  </Text>
                </Alert>
              ))}
            </Stack>
          </section>
          {up.conflicts.length ? (
            <Checkbox
              label={t('studio.upgrade.drop')}
              checked={drop}
              onChange={(e) => setDrop(e.currentTarget.checked)}
            />
          ) : null}
          {apply.error ? (
            <Alert color="red" role="alert">
              {conflicts.length ? t('studio.upgrade.refused', { n: conflicts.length }) : errorText(apply.error)}
            </Alert>
          ) : null}
          <Group>
            <Button
              loading={apply.isPending}
              disabled={up.conflicts.length > 0 && !drop}
              onClick={() =>
                apply.mutate(
                  { to: up.to, dropConflicting: drop },
                  { onSuccess: () => notifications.show({ color: 'green', message: done }) },
                )
              }
            >
              {t('studio.upgrade.apply', { version: up.to })}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('studio.upgrade.publishAfter')}
          </Text>
        </>
      )}
    </Stack>
  );
}
