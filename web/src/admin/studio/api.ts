import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { DefinitionChange } from '../../../../src/forms/diff';
import type { FormDefinition } from '../../../../src/forms/definition';
import type { Overlay, OverlayConflict, OverlayOperation } from '../../../../src/forms/overlay';
import { api, ApiError } from '../../api/client';
import type { FormVersionView } from '../../editor/types';
import { useI18n } from '../../i18n/i18n';

/*
 * The form studio's calls to /api/forms (src/forms/forms.controller.ts): the catalogue, the
 * province's working overlay, previews of a draft, publishing, history, diffs and base upgrades.
 */

export type { DefinitionChange, FormDefinition, Overlay, OverlayConflict, OverlayOperation };

/** A row of GET /api/forms. */
export interface StudioForm {
  key: string;
  family: string;
  variant: string | null;
  proforma: string;
  edition: { id: string; label: string };
  title: string;
  currentVersion: { id: string; number: number; baseVersion: string; publishedAt: string } | null;
  latestBaseVersion: string;
  upgradeAvailable: boolean;
}

/** GET /api/forms/:key/overlay. */
export interface SavedOverlay extends Overlay {
  formKey: string;
  revision: number;
  updatedAt: string | null;
}

/** POST /api/forms/:key/preview. */
export interface PreviewResult {
  contentHash: string;
  conflicts: OverlayConflict[];
  warnings: string[];
  unchangedFrom: number | null;
  compiled: Omit<FormVersionView, 'id' | 'formKey' | 'number' | 'contentHash'>;
}

/** A row of GET /api/forms/:key/versions. */
export interface VersionSummary {
  id: string;
  number: number;
  baseVersion: string;
  contentHash: string;
  publishedAt: string;
  publishedBy: string | null;
  publisherType: string;
  notes: string | null;
  operations: number;
}

export interface DiffResult {
  formKey: string;
  from: VersionSummary;
  to: VersionSummary;
  changes: DefinitionChange[];
}

export interface UpgradePreview {
  formKey: string;
  from: string;
  to: string;
  conflicts: OverlayConflict[];
  warnings: string[];
  changes: DefinitionChange[];
}

/** A shape problem of a draft overlay (400 from preview or save): pointer into the overlay. */
export interface ShapeProblem {
  pointer: string;
  message: string;
}

const formPath = (key: string, rest = '') => `/api/forms/${encodeURIComponent(key)}${rest}`;
const PREVIEW_DEBOUNCE_MS = 400;

export function useStudioForms() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['studio', 'forms', locale],
    queryFn: () => api.get<StudioForm[]>('/api/forms', { query: { locale } }),
  });
}

export function useOverlay(key: string | undefined) {
  return useQuery({
    queryKey: ['studio', 'overlay', key],
    queryFn: () => api.get<SavedOverlay>(formPath(key!, '/overlay')),
    enabled: !!key,
  });
}

export function useVersions(key: string | undefined) {
  return useQuery({
    queryKey: ['studio', 'versions', key],
    queryFn: () => api.get<VersionSummary[]>(formPath(key!, '/versions')),
    enabled: !!key,
  });
}

/** A published version with its definition (labels of both languages are in `definition`). */
export function useVersion(key: string, number: number | null) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['studio', 'version', key, number, locale],
    queryFn: () => api.get<FormVersionView>(formPath(key, `/versions/${number}`), { query: { locale } }),
    enabled: number !== null,
    staleTime: Infinity, // published versions never change
  });
}

export function useDiff(key: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['studio', 'diff', key, from, to],
    queryFn: () => api.get<DiffResult>(formPath(key, '/diff'), { query: { from: from!, to: to! } }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}

export function useUpgradePreview(key: string) {
  return useQuery({
    queryKey: ['studio', 'upgrade', key],
    queryFn: () => api.get<UpgradePreview>(formPath(key, '/upgrade')),
  });
}

/**
 * The compiled draft, asked for once the draft has been still for a moment. The last good
 * answer stays on screen while the next one is on its way, and a draft the server cannot read
 * (a shape problem) keeps it too, with the problems beside it. Verdicts (conflicts, problems)
 * are given only for the draft on screen, never an earlier one's by its old indices.
 */
export function useDraftPreview(key: string, draft: Overlay) {
  const { locale } = useI18n();
  const [settled, setSettled] = useState(draft);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(draft), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const query = useQuery({
    queryKey: ['studio', 'preview', key, locale, settled],
    queryFn: ({ signal }) => api.post<PreviewResult>(formPath(key, '/preview'), settled, { query: { locale }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const lastGood = useRef<PreviewResult | undefined>(undefined);
  if (query.data && !query.isPlaceholderData) lastGood.current = query.data;
  const current = settled === draft && !query.isFetching;
  const problems = current ? shapeProblems(query.error) : [];
  const conflicts = query.data && !query.error ? query.data.conflicts : [];
  return {
    result: lastGood.current ?? query.data,
    /** The server's verdict on the draft on screen; null while it is being asked for. */
    verdict: current ? { conflicts, problems, error: problems.length ? null : query.error } : null,
    updating: !current,
    retry: () => query.refetch(),
  };
}

/** The shape problems of a refused draft (400 with `problems`), else none. */
export function shapeProblems(error: unknown): ShapeProblem[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const problems = (error.body as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as ShapeProblem[]) : [];
}

/** The conflicts of a refused save or upgrade (400/409 with `conflicts`), else none. */
export function refusedConflicts(error: unknown): OverlayConflict[] {
  if (!(error instanceof ApiError)) return [];
  const conflicts = (error.body as { conflicts?: unknown } | null)?.conflicts;
  return Array.isArray(conflicts) ? (conflicts as OverlayConflict[]) : [];
}

function useInvalidateForm(key: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['studio', 'overlay', key] }),
      queryClient.invalidateQueries({ queryKey: ['studio', 'versions', key] }),
      queryClient.invalidateQueries({ queryKey: ['studio', 'upgrade', key] }),
      // "Same as version n" in the preview changes with a publish.
      queryClient.invalidateQueries({ queryKey: ['studio', 'preview', key] }),
      queryClient.invalidateQueries({ queryKey: ['studio', 'forms'] }),
      queryClient.invalidateQueries({ queryKey: ['forms'] }),
    ]);
}

/** Saves the draft as the working overlay; If-Match makes a concurrent save a 409, not a silent overwrite. */
export function useSaveOverlay(key: string) {
  const invalidate = useInvalidateForm(key);
  return useMutation({
    mutationFn: ({ overlay, revision }: { overlay: Overlay; revision: number }) =>
      api.put<SavedOverlay>(formPath(key, '/overlay'), overlay, { headers: { 'If-Match': `"${revision}"` } }),
    onSuccess: invalidate,
  });
}

export function usePublish(key: string) {
  const invalidate = useInvalidateForm(key);
  return useMutation({
    mutationFn: (notes: string) =>
      api.post<VersionSummary>(formPath(key, '/publish'), notes.trim() ? { notes: notes.trim() } : {}),
    onSuccess: invalidate,
  });
}

export function useApplyUpgrade(key: string) {
  const invalidate = useInvalidateForm(key);
  return useMutation({
    mutationFn: (body: { to: string; dropConflicting: boolean }) =>
      api.post<SavedOverlay & { dropped: OverlayConflict[] }>(formPath(key, '/upgrade'), body),
    onSuccess: invalidate,
  });
}
