import { useDepartments, useMasterList } from '../../api/queries';
import { useI18n } from '../../i18n/i18n';

/** A department's name in the current language, with the server's name as the fallback. */
export function useDepartmentName() {
  const { locale } = useI18n();
  const { data } = useDepartments();
  return (id: string | null | undefined, fallback?: string | null): string => {
    const d = id ? data?.find((x) => x.id === id) : undefined;
    if (d) return (locale === 'ur' && d.nameUr) || d.name;
    return fallback ?? '';
  };
}

/** File sizes as people read them (bytes, KB, MB), in Western digits like every figure here. */
export function useFileSize() {
  const { t, formatNumber } = useI18n();
  return (bytes: number): string => {
    if (bytes < 1024) return t('projects.size.bytes', { n: formatNumber(bytes) });
    if (bytes < 1024 * 1024) return t('projects.size.kb', { n: formatNumber(bytes / 1024, 0) });
    return t('projects.size.mb', { n: formatNumber(bytes / (1024 * 1024), 1) });
  };
}

/** A master-data list's active items as select options, named in the current language. */
export function useMasterOptions(list: 'districts' | 'sectors' | 'approval-forums') {
  const { locale } = useI18n();
  const { data } = useMasterList(list);
  return (data ?? [])
    .filter((i) => i.active !== false)
    .map((i) => ({ value: i.code, label: locale === 'ur' ? i.nameUr || i.nameEn : i.nameEn }));
}
