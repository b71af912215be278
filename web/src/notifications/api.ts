import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** GET /api/notifications, as the server sends it (src/notifications/dto.ts). */
export interface AppNotification {
  id: string;
  type: string;
  title: string;
  body: string;
  documentId: string | null;
  projectId: string | null;
  /** Where the app opens it, e.g. /documents/:id. */
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationsPage {
  items: AppNotification[];
  unread: number;
  total: number;
  page: number;
  pageSize: number;
}

/** The bell asks this often (and whenever the window regains focus): fresh enough for workflow news. */
export const POLL_MS = 30_000;
export const PAGE_SIZE = 10;

const KEY = ['notifications'] as const;

export function useNotifications(pages: number) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: [...KEY, locale, pages],
    // One request for the pages shown: the newest `pages × PAGE_SIZE`.
    queryFn: () =>
      api.get<NotificationsPage>('/api/notifications', { query: { locale, page: 1, pageSize: pages * PAGE_SIZE } }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    placeholderData: (previous) => previous,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/notifications/${id}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all'),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
