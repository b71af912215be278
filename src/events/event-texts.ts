import type { DocumentEventData, ObligationEventData, ProvinceEventType } from './province-event';

/**
 * The words of each province event in English and Urdu, in one place: the mail's subjects and
 * the bell's titles are built from them. Only type imports, so the web app can share it too.
 */
export interface Bilingual {
  en: string;
  ur: string;
}

export type DocumentEventType = Extract<ProvinceEventType, `document.${string}`>;
export type ObligationEventType = Extract<ProvinceEventType, `obligation.${string}`>;

const KIND_NAMES: Record<string, string> = {
  pc1: 'PC-I',
  'pc1-revised': 'PC-I (revised)',
  pc2: 'PC-II',
  pc3a: 'PC-III(A)',
  pc3b: 'PC-III(B)',
  pc4: 'PC-IV',
  pc5: 'PC-V',
};

/** What happened to a document, before the colon of its title. */
const DOCUMENT_HEADLINES: Record<DocumentEventType, Bilingual> = {
  'document.submitted': { en: 'Submitted for review', ur: 'جائزے کے لیے جمع' },
  'document.returned': { en: 'Returned for rectification', ur: 'درستی کے لیے واپس' },
  'document.forum': { en: 'Placed before the forum', ur: 'فورم کے سامنے پیش' },
  'document.approved': { en: 'Approved', ur: 'منظور' },
  'document.rejected': { en: 'Rejected', ur: 'مسترد' },
  'document.deferred': { en: 'Deferred', ur: 'مؤخر' },
};

export const WEBHOOK_DISABLED_HEADLINE: Bilingual = { en: 'Webhook disabled', ur: 'ویب ہک بند کر دیا گیا' };

/** Whether an event is about a document (the events that have a headline above). */
export function isDocumentEvent<E extends { type: string }>(
  event: E,
): event is Extract<E, { type: DocumentEventType }> {
  return Object.hasOwn(DOCUMENT_HEADLINES, event.type);
}

/** Left-to-right isolation for codes, dates and URLs inside Urdu text (Unicode FSI … PDI). */
export const ltr = (s: string) => `\u2068${s}\u2069`;

export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind.toUpperCase();
}

/** `PC-I “Bahrain–Kalam road”`: the same in both languages. */
export function documentLabel(d: Pick<DocumentEventData, 'kind' | 'projectTitle'>): string {
  return `${kindName(d.kind)} “${d.projectTitle}”`;
}

/** `PC-III(B) (2025-09)`: the report an obligation asks for. */
export function reportLabel(d: Pick<ObligationEventData, 'kind' | 'period'>): string {
  return `${kindName(d.kind)} (${d.period})`;
}

/**
 * `Approved: PC-I “…”`. With `forum` named, a document placed before a forum says which one
 * (the bell, where the title is all there is); without it, "the forum" (the mail names it below).
 */
export function documentEventTitle(
  type: DocumentEventType,
  d: Pick<DocumentEventData, 'kind' | 'projectTitle'>,
  forum?: string | null,
): Bilingual {
  const doc = documentLabel(d);
  if (type === 'document.forum' && forum)
    return { en: `Placed before ${forum}: ${doc}`, ur: `${forum} کے سامنے پیش: ${doc}` };
  const headline = DOCUMENT_HEADLINES[type];
  return { en: `${headline.en}: ${doc}`, ur: `${headline.ur}: ${doc}` };
}

/**
 * `Report due: PC-III(B) (2025-09)` (the mail, whose subject goes on with the project), or with
 * `dated`, `Report due on 2025-10-15: PC-III(B) (2025-09)` (the bell, where the title is all there is).
 */
export function obligationEventTitle(
  type: ObligationEventType,
  d: Pick<ObligationEventData, 'kind' | 'period' | 'dueDate'>,
  dated = false,
): Bilingual {
  const what = reportLabel(d);
  const due = type === 'obligation.due';
  if (dated) {
    return due
      ? { en: `Report due on ${d.dueDate}: ${what}`, ur: `رپورٹ ${d.dueDate} تک واجب: ${what}` }
      : { en: `Report overdue since ${d.dueDate}: ${what}`, ur: `رپورٹ ${d.dueDate} سے واجب الادا: ${what}` };
  }
  return due
    ? { en: `Report due: ${what}`, ur: `رپورٹ واجب: ${ltr(what)}` }
    : { en: `Report overdue: ${what}`, ur: `رپورٹ واجب الادا: ${ltr(what)}` };
}
