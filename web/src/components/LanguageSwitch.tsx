import { SegmentedControl } from '@mantine/core';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { Locale, useI18n } from '../i18n/i18n';

/** English ⇄ اردو. Signed in, the choice is stored on the user, so it follows them to any device. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { locale, setLocale, t } = useI18n();
  const session = useSession();
  const change = (value: string) => {
    const next = value as Locale;
    setLocale(next);
    if (session.status === 'signed-in') void api.patch('/api/me', { locale: next }).catch(() => undefined);
  };
  return (
    <SegmentedControl
      size={size}
      value={locale}
      onChange={change}
      aria-label={t('language.label')}
      data={[
        { value: 'en', label: <span lang="en">English</span> },
        { value: 'ur', label: <span lang="ur">اردو</span> },
      ]}
    />
  );
}
