import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** Filters of the projects list; they live in the address, so a filtered list can be bookmarked and shared. */
export const FILTER_KEYS = [
  'q',
  'stage',
  'state',
  'district',
  'sector',
  'forum',
  'minCost',
  'maxCost',
  'approvedForum',
  'minApprovedCost',
  'maxApprovedCost',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS = [
  '-updatedAt',
  'updatedAt',
  'title',
  '-title',
  '-cost',
  'cost',
  '-createdAt',
  'createdAt',
  '-approvedCost',
  'approvedCost',
  '-approvedAt',
  'approvedAt',
] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = '-updatedAt';
export const PAGE_SIZE = 25;

/** The server's amount format (Rs million, up to three decimals). */
export const AMOUNT = /^\d{1,15}(\.\d{1,3})?$/;

export interface ProjectSearch {
  filters: Record<FilterKey, string>;
  sort: Sort;
  page: number;
  /** How many filters are set (for the phone's "Filters (2)" button). */
  active: number;
}

export function useProjectSearch() {
  const [params, setParams] = useSearchParams();

  const search = useMemo<ProjectSearch>(() => {
    const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<FilterKey, string>;
    const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '')
      ? (params.get('sort') as Sort)
      : DEFAULT_SORT;
    const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
    return { filters, sort, page, active: FILTER_KEYS.filter((k) => filters[k]).length };
  }, [params]);

  /** Changes some parameters; any change but the page starts again at page 1. Typing replaces the history entry. */
  const update = useCallback(
    (changes: Partial<Record<FilterKey | 'sort' | 'page', string>>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          if (!('page' in changes)) next.delete('page');
          if (next.get('sort') === DEFAULT_SORT) next.delete('sort');
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const clear = useCallback(
    () => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as Record<FilterKey, string>),
    [update],
  );

  return { search, update, clear };
}
