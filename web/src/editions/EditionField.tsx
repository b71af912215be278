import { NativeSelect } from '@mantine/core';
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';
import { currentEdition, useEditions } from './editions';

/**
 * The proforma edition of a new project's first document, for proformae with more than one
 * (the PC-I: 2005 and 2024). Starts on the province's current edition; an older one is for
 * entering the documents of older projects on the proforma they were prepared under.
 */
export function EditionField({
  proforma,
  value,
  onChange,
  error,
}: {
  proforma: string;
  value: string;
  onChange(edition: string): void;
  error?: string;
}) {
  const { t } = useI18n();
  const editions = useEditions();
  const entry = editions.data?.find((p) => p.proforma === proforma);
  const current = currentEdition(entry);
  const startable = entry?.editions.filter((e) => e.installed) ?? [];
  const choosable = startable.length > 1;
  // The province's current edition is the starting choice, shown as chosen.
  useEffect(() => {
    if (!value && current && choosable) onChange(current.edition);
  }, [value, current, choosable, onChange]);
  if (!entry || !choosable) return null;
  return (
    <NativeSelect
      className="field"
      label={t('editions.field')}
      description={t('editions.fieldHelp', { current: current?.label ?? '' })}
      value={value || current?.edition || ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-testid="edition-select"
      data={startable.map((e) => ({
        value: e.edition,
        label: e.key === current?.key ? t('editions.currentOption', { label: e.label }) : e.label,
      }))}
    />
  );
}
