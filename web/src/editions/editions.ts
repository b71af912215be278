import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';

/*
 * Proforma editions (GET /api/forms/editions): each proforma with the editions the catalogue has
 * and the one the province chose as current. New projects start on the current edition; an older
 * one is for entering documents of older projects as they were prepared.
 */

export interface EditionOption {
  /** The catalogue form of this edition ('pc1-infrastructure-2005'). */
  key: string;
  /** The edition's year as the Planning Commission names it: '2005', '2024' … */
  edition: string;
  label: string;
  source?: string;
  /** Not installed in the province yet (an operator runs the migration): listed, not startable. */
  installed: boolean;
}

export interface ProformaEditions {
  proforma: string;
  family: string;
  variant: string | null;
  title: string;
  /** The form key of the edition new projects start on. */
  current: string;
  /** The province chose it (else the newest edition is the default). */
  chosen: boolean;
  editions: EditionOption[];
}

const EDITIONS_STALE_MS = 5 * 60_000;

export function useEditions() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['form-editions', locale],
    queryFn: () => api.get<ProformaEditions[]>('/api/forms/editions', { query: { locale } }),
    staleTime: EDITIONS_STALE_MS,
  });
}

/** The edition new projects of a proforma start on. */
export function currentEdition(proforma: ProformaEditions | undefined): EditionOption | undefined {
  return proforma?.editions.find((e) => e.key === proforma.current) ?? proforma?.editions[0];
}
