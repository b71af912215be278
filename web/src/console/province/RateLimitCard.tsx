import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { consoleKeys, ProvinceRateLimit, useRateLimit } from '../api';
import { ConsoleCard, useNotify } from '../format';

/** The bounds the server accepts (platform migration 0004). */
const LIMIT = { min: 1, max: 10_000_000 };

/**
 * The province's share of the API: the requests a minute it may send across every server, its
 * own or the deployment's default, and how much of this minute it has used. Saving applies at
 * once everywhere (PATCH :slug/rate-limit; empty means the default).
 */
export function RateLimitCard({ slug }: { slug: string }) {
  const { t } = useI18n();
  const rateLimit = useRateLimit(slug);
  return (
    <ConsoleCard id="rate-limit" title={t('console.rateLimit.title')}>
      <QueryState query={rateLimit}>{() => <RateLimitForm current={rateLimit.data!} />}</QueryState>
    </ConsoleCard>
  );
}

function RateLimitForm({ current }: { current: ProvinceRateLimit }) {
  const { t, formatNumber } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [value, setValue] = useState<number | string>(current.perMinute ?? '');
  useEffect(() => setValue(current.perMinute ?? ''), [current.perMinute]);
  const save = useMutation({
    mutationFn: (perMinute: number | null) =>
      api.patch<ProvinceRateLimit>(`/api/platform/tenants/${encodeURIComponent(current.slug)}/rate-limit`, {
        perMinute,
      }),
    onSuccess: async (saved) => {
      notify('green', t('console.rateLimit.saved'));
      queryClient.setQueryData(consoleKeys.rateLimit(current.slug), saved);
      await queryClient.invalidateQueries({ queryKey: consoleKeys.tenant(current.slug), exact: true });
    },
  });
  const perMinute = value === '' ? null : Number(value);
  const outOfBounds =
    perMinute !== null && !(Number.isInteger(perMinute) && perMinute >= LIMIT.min && perMinute <= LIMIT.max);
  const fieldError = save.error instanceof ApiError ? save.error.fields.perMinute?.join(' ') : undefined;
  const error = outOfBounds
    ? t('console.rateLimit.bounds', { min: formatNumber(LIMIT.min), max: formatNumber(LIMIT.max) })
    : (fieldError ?? (save.error ? errorText(save.error) : undefined));
  const limit = formatNumber(current.effectivePerMinute);
  return (
    <Stack gap="sm" align="flex-start" data-testid="rate-limit-card">
      <Text size="sm">{t('console.rateLimit.intro')}</Text>
      <Text size="sm" fw={600} data-testid="rate-limit-in-force">
        {t('console.rateLimit.inForce', { limit })} (
        {current.perMinute === null ? t('console.rateLimit.default') : t('console.rateLimit.own')})
      </Text>
      <Text size="sm" c="dimmed" data-testid="rate-limit-usage">
        {current.usage
          ? t('console.rateLimit.used', { used: formatNumber(current.usage.used), limit })
          : t('console.rateLimit.usageUnknown')}
      </Text>
      <NumberInput
        label={t('console.rateLimit.label')}
        description={t('console.rateLimit.help', { default: formatNumber(current.defaultPerMinute) })}
        dir="ltr"
        min={LIMIT.min}
        max={LIMIT.max}
        allowDecimal={false}
        allowNegative={false}
        // Not clamped: a number past the bounds is pointed out, not silently changed into another.
        clampBehavior="none"
        thousandSeparator=","
        value={value}
        onChange={setValue}
        error={error}
        w={280}
      />
      <Group>
        <Button
          onClick={() => save.mutate(perMinute)}
          loading={save.isPending && save.variables !== null}
          disabled={perMinute === current.perMinute || outOfBounds}
        >
          {t('common.save')}
        </Button>
        {current.perMinute !== null ? (
          <Button
            variant="default"
            onClick={() => save.mutate(null)}
            loading={save.isPending && save.variables === null}
          >
            {t('console.rateLimit.useDefault')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
