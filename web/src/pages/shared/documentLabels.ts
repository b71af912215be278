import { useI18n } from '../../i18n/i18n';

import {
  DOCUMENT_KINDS,
  KIND_OF_FORM,
  ROUTED_KINDS as ROUTED,
  STARTING_FORMS as STARTING,
} from '../../../../src/projects/document-kinds';

/**
 * The documents of a project in the order of its life: feasibility, approval, revisions, execution, completion,
 * operation.
 */
export const KIND_ORDER = DOCUMENT_KINDS;

/** Kinds whose cost routes them to a forum. */
export const ROUTED_KINDS = new Set<string>(ROUTED);

/** The forms a project can start with. */
export const STARTING_FORMS = STARTING;

export function kindOfForm(formKey: string | null | undefined): string | null {
  return formKey ? (KIND_OF_FORM[formKey] ?? null) : null;
}

/** PC-III(B) reports a month; PC-III(A) and PC-V a financial year (July to June). */
export const PERIOD_KIND: Record<string, 'month' | 'year' | undefined> = { pc3b: 'month', pc3a: 'year', pc5: 'year' };

const KIND_KEYS: Record<string, string> = {
  pc1: 'projects.kind.pc1',
  'pc1-revised': 'projects.kind.pc1Revised',
  pc2: 'projects.kind.pc2',
  pc3a: 'projects.kind.pc3a',
  pc3b: 'projects.kind.pc3b',
  pc4: 'projects.kind.pc4',
  pc5: 'projects.kind.pc5',
};

export interface DocumentLike {
  kind?: string | null;
  formKey?: string | null;
  sequence?: number | null;
  period?: string | null;
}

/** Names of document kinds and reporting periods in the current language. */
export function useDocumentLabels() {
  const { t, locale } = useI18n();
  const monthFormat = new Intl.DateTimeFormat(locale === 'ur' ? 'ur-PK' : 'en-PK', {
    month: 'long',
    year: 'numeric',
    numberingSystem: 'latn',
  });

  const kind = (code: string | null | undefined): string => (code ? (KIND_KEYS[code] ? t(KIND_KEYS[code]) : code) : '');

  const period = (kindCode: string | null | undefined, value: string | null | undefined): string => {
    if (!value) return '';
    const m = /^(\d{4})-(\d{2})$/.exec(value);
    if (!m) return value;
    if (PERIOD_KIND[kindCode ?? ''] === 'month') return monthFormat.format(new Date(Number(m[1]), Number(m[2]) - 1, 1));
    return t('projects.period.financialYear', { year: value });
  };

  /** "PC-I", "Revised PC-I no. 2", "PC-III(B) · September 2025". */
  const name = (doc: DocumentLike): string => {
    const code = doc.kind ?? kindOfForm(doc.formKey);
    if (code === 'pc1-revised' && doc.sequence) return t('projects.kind.pc1RevisedNumber', { n: doc.sequence });
    const base = kind(code);
    return doc.period ? `${base} · ${period(code, doc.period)}` : base;
  };

  return { kind, period, name };
}

/** Sorts documents into their place in the project's life, then by revision number, period and age. */
export function lifecycleOrder<T extends DocumentLike & { createdAt?: string }>(documents: readonly T[]): T[] {
  const rank = (d: T) => {
    const i = KIND_ORDER.indexOf((d.kind ?? kindOfForm(d.formKey) ?? '') as (typeof KIND_ORDER)[number]);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...documents].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.sequence ?? 0) - (b.sequence ?? 0) ||
      (a.period ?? '').localeCompare(b.period ?? '') ||
      (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  );
}
