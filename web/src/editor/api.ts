import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { DocumentDetail, FormVersionView, Revision, RevisionDiff, Routing, TransitionEntry } from './types';

/*
 * The editor's reads. The document and the form version carry the user's language in their keys
 * (labels, messages), and keep showing the previous answer while the other language loads, so
 * switching language never unmounts the editor or what it holds unsaved.
 */

export const documentKey = (id: string) => ['editor', 'document', id] as const;

export function useDocument(id: string) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: [...documentKey(id), locale],
    queryFn: () => api.get<DocumentDetail>(`/api/documents/${id}`, { query: { locale } }),
    // The same document in the previous language, never another document.
    placeholderData: (previous: DocumentDetail | undefined) => (previous?.id === id ? previous : undefined),
    // The editor owns the data once open; it asks again itself after an action or a conflict.
    staleTime: Infinity,
  });
}

export function fetchDocument(id: string, locale: string) {
  return api.get<DocumentDetail>(`/api/documents/${id}`, { query: { locale } });
}

export function useFormVersion(formKey: string | undefined, number: number | undefined) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['editor', 'form-version', formKey, number, locale],
    queryFn: () => api.get<FormVersionView>(`/api/forms/${formKey}/versions/${number}`, { query: { locale } }),
    enabled: !!formKey && !!number,
    placeholderData: (previous: FormVersionView | undefined) =>
      previous?.formKey === formKey && previous?.number === number ? previous : undefined,
    // Published versions never change.
    staleTime: Infinity,
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: ['editor', 'revisions', id],
    queryFn: () => api.get<Revision[]>(`/api/documents/${id}/revisions`),
  });
}

export function useRevisionDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['editor', 'diff', id, from, to],
    queryFn: () => api.get<RevisionDiff>(`/api/documents/${id}/diff`, { query: { from, to } }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}

export function useTransitions(id: string) {
  return useQuery({
    queryKey: ['editor', 'transitions', id],
    queryFn: () => api.get<TransitionEntry[]>(`/api/documents/${id}/transitions`),
  });
}

/** The forum that would decide the document today; it follows the saved figures, so it is keyed by revision. */
export function useRouting(id: string, revision: number, enabled: boolean) {
  return useQuery({
    queryKey: ['editor', 'routing', id, revision],
    queryFn: () => api.get<Routing>(`/api/documents/${id}/routing`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
