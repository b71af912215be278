import { FieldDefinition, FormDefinition } from './definition';

/*
 * Placeholders in narrative items, and the "not applicable" reasons that excuse them. Real PC-Is
 * answer items they skip with "-", "N/A", "Nil" or "Same as above"; a scrutiny officer returns
 * those. The engine refuses them in required text items unless the data's reserved top-level
 * object `notApplicable` gives, for that field's address ("section.field"), a reason the item does
 * not apply. Browser-safe (the editor runs FormValidator too).
 */

/** The reserved top-level key of a document's data holding "not applicable" reasons. */
export const NOT_APPLICABLE = 'notApplicable';

/** A reason shorter than this does not say why (e.g. "n/a", "none"). */
export const MIN_REASON_LENGTH = 10;
export const MAX_REASON_LENGTH = 1000;

/**
 * Values that fill an item without answering it, compared trimmed, lower-cased and with runs of
 * spaces as one: the dashes, dots and abbreviations of "not applicable" / "nil" / "ditto" found in
 * published PC-Is, "to be decided" forms, and their Urdu equivalents. A plain "no" (or "نہیں") is
 * not here: it answers a yes/no item.
 */
export const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  '-',
  '--',
  '---',
  '—',
  '–',
  '.',
  '..',
  '...',
  '…',
  '_',
  '?',
  '*',
  'n/a',
  'n / a',
  'na',
  'n.a',
  'n.a.',
  'n. a.',
  'not applicable',
  'not available',
  'not known',
  'nil',
  'nill',
  'none',
  'null',
  'nothing',
  'same as above',
  'as above',
  'same',
  'ditto',
  'do',
  'do.',
  '-do-',
  '-do',
  'xx',
  'xxx',
  'tbd',
  'tba',
  'to be decided',
  'to be determined',
  'to be provided',
  'later',
  'لاگو نہیں',
  'قابل اطلاق نہیں',
  'قابلِ اطلاق نہیں',
  'ایضاً',
  'ایضا',
  'کچھ نہیں',
  'کوئی نہیں',
]);

/** Only punctuation and spaces ("- -", "./.", "***"): nothing written. */
const PUNCTUATION_ONLY = /^[\s\p{P}\p{S}]+$/u;

/** The longest listed placeholder, in UTF-16 units after folding. */
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDER_VALUES].map((p) => p.length));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WHITESPACE = /\s/;

/** True once `value` has more than `limit` characters that are not white space (stops early). */
function moreNonSpaceThan(value: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    if (!WHITESPACE.test(value[i]) && ++count > limit) return true;
  }
  return false;
}

export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Most answers are prose. One with more non-space characters than the longest placeholder and a
  // letter or digit can be neither a listed placeholder (folding never removes those characters)
  // nor punctuation only: answered without folding the whole text.
  if (moreNonSpaceThan(value, LONGEST_PLACEHOLDER) && LETTER_OR_DIGIT.test(value)) return false;
  const folded = value.trim().replace(/\s+/g, ' ').toLowerCase();
  if (folded === '') return false; // empty is "required", not a placeholder
  return PLACEHOLDER_VALUES.has(folded) || PUNCTUATION_ONLY.test(folded);
}

/** Why a "not applicable" reason does not count, or null when it does. */
export function reasonProblem(reason: unknown): 'missing' | 'short' | 'placeholder' | null {
  if (typeof reason !== 'string' || reason.trim() === '') return 'missing';
  if (isPlaceholder(reason)) return 'placeholder';
  return reason.trim().length < MIN_REASON_LENGTH ? 'short' : null;
}

export interface NarrativeField {
  /** "section.field": the key in `notApplicable`. */
  address: string;
  pointer: string;
  section: string;
  field: FieldDefinition;
}

/**
 * The items a placeholder is looked for in, and that `notApplicable` may name: a section's own
 * text and textarea fields. Table cells are not: a published table leaves an empty cell as "-",
 * and a row that does not apply is removed rather than excused.
 */
export function narrativeFields(def: FormDefinition): NarrativeField[] {
  return def.sections.flatMap((s) =>
    s.fields
      .filter((f) => f.type === 'text' || f.type === 'textarea')
      .map((f) => ({ address: `${s.id}.${f.id}`, pointer: `/${s.id}/${f.id}`, section: s.id, field: f })),
  );
}
