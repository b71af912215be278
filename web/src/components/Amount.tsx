import { useI18n } from '../i18n/i18n';
import { Ltr } from './Ltr';

/** An amount in Rs million as on the proforma: grouped digits, three decimals, left to right. */
export function Amount({ value, unit = false }: { value: string | number | null | undefined; unit?: boolean }) {
  const { t, formatNumber } = useI18n();
  if (value === null || value === undefined || value === '') return <span aria-label={t('common.none')}>—</span>;
  return (
    <span>
      <Ltr>{formatNumber(value, 3)}</Ltr>
      {unit ? ` ${t('common.rsMillion')}` : null}
    </span>
  );
}

export function DateText({ value, withTime = false }: { value: string | Date | null | undefined; withTime?: boolean }) {
  const { formatDate, formatDateTime } = useI18n();
  if (!value) return <span>—</span>;
  const iso = typeof value === 'string' ? value : value.toISOString();
  // Isolated but not forced left to right: an Urdu date ("30 نومبر، 2026") reads right to left
  // with its month name, an English one left to right; the digits stay Western either way.
  return (
    <time dateTime={iso}>
      <bdi>{withTime ? formatDateTime(value) : formatDate(value)}</bdi>
    </time>
  );
}
