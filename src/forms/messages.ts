import { Locale } from './definition';

/*
 * Validation messages in the user's language. Ajv's own messages are English only (ajv-i18n
 * has no Urdu), so each error code maps to a sentence per locale with the field's label.
 */

type Template = (p: Record<string, unknown>) => string;

const en: Record<string, Template> = {
  required: (p) => `${p.label} is required`,
  type: (p) => `${p.label} must be ${p.expected}`,
  money: (p) =>
    `${p.label} must be an amount in Rs million such as 1250.5, ` +
    `with at most ${p.scale} decimals${p.negative ? '' : ', not negative'}`,
  decimal: (p) =>
    `${p.label} must be a number such as 12.5, with at most ${p.scale} decimals${p.negative ? '' : ', not negative'}`,
  fiscalYear: (p) => `${p.label} must be a financial year such as 2025-26`,
  date: (p) => `${p.label} must be a date (YYYY-MM-DD)`,
  email: (p) => `${p.label} must be an email address`,
  uuid: (p) => `${p.label} must be an uploaded file's id`,
  pattern: (p) => `${p.label} is not in the expected format`,
  minLength: (p) => `${p.label} must be at least ${p.limit} characters`,
  maxLength: (p) => `${p.label} must be at most ${p.limit} characters`,
  minimum: (p) => `${p.label} must be at least ${p.limit}`,
  maximum: (p) => `${p.label} must be at most ${p.limit}`,
  minItems: (p) => `${p.label} needs at least ${p.limit} entries`,
  maxItems: (p) => `${p.label} allows at most ${p.limit} entries`,
  uniqueItems: (p) => `${p.label} lists the same entry twice`,
  enum: (p) => `${p.label} must be one of the listed options`,
  unknown: (p) => `"${p.key}" is not a field of this form`,
  calculation: (p) => `${p.label}: ${p.entered} was entered but the calculated value is ${p.calculated}`,
  calculatedOutOfRange: (p) =>
    p.reason === 'negative'
      ? `${p.label}: the calculated value ${p.calculated} is negative, which this field does not allow`
      : `${p.label}: the calculated value ${p.calculated} is larger than the form allows (it must be below 10^15)`,
  check: (p) =>
    p.left === undefined
      ? `${p.message}`
      : `${p.message} (${p.left} against ${p.right}${p.tolerance ? `, tolerance ${p.tolerance}` : ''})`,
  placeholder: (p) =>
    `${p.label}: "${p.value}" does not answer this item; write its content, or mark it not applicable with the reason`,
  notApplicableReason: (p) =>
    `${p.label}: the reason it is not applicable must say why (at least ${p.limit} characters, not a placeholder)`,
  notObject: () => 'The form data must be a JSON object',
  invalid: (p) => `${p.label} is not valid`,
};

const ur: Record<string, Template> = {
  required: (p) => `${p.label} لازمی ہے`,
  type: (p) => `${p.label} کی قسم درست نہیں`,
  money: (p) =>
    `${p.label} ملین روپے میں رقم ہونی چاہیے (مثلاً 1250.5)، زیادہ سے ` +
    `زیادہ ${p.scale} اعشاری ہندسے${p.negative ? '' : '، منفی نہیں'}`,
  decimal: (p) =>
    `${p.label} عدد ہونا چاہیے (مثلاً 12.5)، زیادہ سے زیادہ ${p.scale} اعشاری ہندسے${p.negative ? '' : '، منفی نہیں'}`,
  fiscalYear: (p) => `${p.label} مالی سال ہونا چاہیے، مثلاً 2025-26`,
  date: (p) => `${p.label} تاریخ ہونی چاہیے (YYYY-MM-DD)`,
  email: (p) => `${p.label} درست ای میل پتہ ہونا چاہیے`,
  uuid: (p) => `${p.label} اپ لوڈ شدہ فائل کی شناخت ہونی چاہیے`,
  pattern: (p) => `${p.label} مطلوبہ شکل میں نہیں`,
  minLength: (p) => `${p.label} کم از کم ${p.limit} حروف کا ہونا چاہیے`,
  maxLength: (p) => `${p.label} زیادہ سے زیادہ ${p.limit} حروف کا ہو سکتا ہے`,
  minimum: (p) => `${p.label} کم از کم ${p.limit} ہونا چاہیے`,
  maximum: (p) => `${p.label} زیادہ سے زیادہ ${p.limit} ہو سکتا ہے`,
  minItems: (p) => `${p.label} میں کم از کم ${p.limit} اندراج ضروری ہیں`,
  maxItems: (p) => `${p.label} میں زیادہ سے زیادہ ${p.limit} اندراج ہو سکتے ہیں`,
  uniqueItems: (p) => `${p.label} میں ایک ہی اندراج دو بار ہے`,
  enum: (p) => `${p.label} دی گئی فہرست میں سے ہونا چاہیے`,
  unknown: (p) => `"${p.key}" اس فارم کا خانہ نہیں`,
  calculation: (p) => `${p.label}: درج شدہ ${p.entered} ہے جبکہ حساب سے ${p.calculated} بنتا ہے`,
  calculatedOutOfRange: (p) =>
    p.reason === 'negative'
      ? `${p.label}: حساب سے ${p.calculated} منفی بنتا ہے، جس کی اس خانے میں اجازت نہیں`
      : `${p.label}: حساب سے ${p.calculated} فارم کی حد (10^15 سے کم) سے زیادہ ہے`,
  check: (p) =>
    p.left === undefined
      ? `${p.message}`
      : `${p.message} (${p.left} بمقابلہ ${p.right}${p.tolerance ? `، گنجائش ${p.tolerance}` : ''})`,
  placeholder: (p) =>
    `${p.label}: "${p.value}" اس مد کا جواب نہیں؛ اس کا مواد لکھیں، یا وجہ بتا کر اسے لاگو نہیں قرار دیں`,
  notApplicableReason: (p) => `${p.label}: لاگو نہ ہونے کی وجہ واضح لکھیں (کم از کم ${p.limit} حروف، خالی نشان نہیں)`,
  notObject: () => 'فارم کا ڈیٹا JSON آبجیکٹ ہونا چاہیے',
  invalid: (p) => `${p.label} درست نہیں`,
};

const MESSAGES: Record<Locale, Record<string, Template>> = { en, ur };

export function message(locale: Locale, code: string, params: Record<string, unknown>): string {
  const table = MESSAGES[locale];
  return (table[code] ?? table.invalid)(params);
}

/**
 * "Item 7: …": every message names the proforma item it concerns, as a scrutiny officer cites it.
 * Item '0' is the cover page (the proforma has no number for it).
 */
export function withItem(locale: Locale, item: string | undefined, text: string, checkSentence = false): string {
  if (item === undefined || (checkSentence && NAMES_ITS_ITEM[locale].test(text))) return text;
  if (item === COVER_ITEM) return locale === 'ur' ? `سرورق: ${text}` : `Cover page: ${text}`;
  return locale === 'ur' ? `مد ${item}: ${text}` : `Item ${item}: ${text}`;
}

/**
 * A check's own sentence may already name the items it concerns ("Items 0 and 7: …", a cross-check
 * of two items); it is then not prefixed again. (Only a check's sentence: a field label may begin
 * with the word, e.g. "مد / جزو".)
 */
const NAMES_ITS_ITEM: Record<Locale, RegExp> = { en: /^(Items? [0-9]|Cover page:)/, ur: /^((مد|مدات) [0-9]|سرورق:)/ };

/** The item number a definition gives its cover page. */
export const COVER_ITEM = '0';

/** What a "not applicable" reason is called next to its field's label. */
export const notApplicableWord: Record<Locale, string> = { en: 'not applicable', ur: 'لاگو نہیں' };

/** "row 3" in the user's language, for errors inside tables. */
export const rowWord: Record<Locale, (n: number) => string> = {
  en: (n) => `row ${n}`,
  ur: (n) => `قطار ${n}`,
};
