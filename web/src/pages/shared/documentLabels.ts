import { useI18n } from '../../i18n/i18n';

/** The documents of a project in the order of its life: feasibility, approval, revisions, execution, completion, operation. */
export const KIND_ORDER = ['pc2', 'pc1', 'pc1-revised', 'pc3a', 'pc3b', 'pc4', 'pc5'] as const;

/** Kinds whose cost routes them to a forum (src/projects/documents.service.ts ROUTED). */
export const ROUTED_KINDS = new Set(['pc1', 'pc1-revised', 'pc2']);

/** The forms a project can start with (src/projects/document-figures.ts STARTING_FORMS). */
export const STARTING_FORMS = ['pc1-infrastructure', 'pc1-production', 'pc1-social', 'pc2'] as const;

/** Which kind of document each catalogue form is (src/projects/document-figures.ts KIND_OF_FORM). */
const KIND_OF_FORM: Record<string, string> = {
  'pc1-infrastructure': 'pc1',
  'pc1-production': 'pc1',
  'pc1-social': 'pc1',
  'pc1-revised': 'pc1-revised',
  pc2: 'pc2',
  pc3a: 'pc3a',
  pc3b: 'pc3b',
  pc4: 'pc4',
  pc5: 'pc5',
};

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
  const monthFormat = new Intl.DateTimeFormat(locale === 'ur' ? 'ur-PK' : 'en-PK', { month: 'long', year: 'numeric', numberingSystem: 'latn' });

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
