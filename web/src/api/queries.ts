import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n';
import { api } from './client';
import { FormListItem, MasterItem, Workflow } from './types';

/* Province configuration that many screens read; cached for the session (it rarely changes). */
const CONFIG_STALE_MS = 5 * 60_000;

export function useWorkflow() {
  return useQuery({
    queryKey: ['workflow'],
    queryFn: () => api.get<Workflow>('/api/workflow'),
    staleTime: CONFIG_STALE_MS,
  });
}

export function useMasterList(
  list: 'districts' | 'tehsils' | 'sectors' | 'sub-sectors' | 'funding-sources' | 'approval-forums',
) {
  return useQuery({
    queryKey: ['master-data', list],
    queryFn: () => api.get<MasterItem[]>(`/api/master-data/${list}`),
    staleTime: CONFIG_STALE_MS,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<{ id: string; name: string; nameUr?: string | null; code?: string }[]>('/api/departments'),
    staleTime: CONFIG_STALE_MS,
  });
}

export function useForms() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['forms', locale],
    queryFn: () => api.get<FormListItem[]>('/api/forms', { query: { locale } }),
    staleTime: CONFIG_STALE_MS,
  });
}

/** A master-data item's name in the current language (falls back to the code). */
export function useMasterName(list: Parameters<typeof useMasterList>[0]) {
  const { locale } = useI18n();
  const { data } = useMasterList(list);
  return (code: string | null | undefined) => {
    if (!code) return '';
    const item = data?.find((i) => i.code === code);
    return item ? (locale === 'ur' ? item.nameUr || item.nameEn : item.nameEn) : code;
  };
}

/** A workflow state's label in the current language. */
export function useStateLabel() {
  const { locale } = useI18n();
  const { data } = useWorkflow();
  return (state: string) => data?.config.states.find((s) => s.id === state)?.label[locale] ?? state;
}
