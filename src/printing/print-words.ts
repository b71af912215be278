import { Locale } from '../forms/definition';

/** Words the printed proforma adds around the form's own labels, in both languages. */
export const PRINT_WORDS = {
  en: {
    government: 'Government of {province}',
    blank: 'Blank proforma',
    blankNote: 'For training and for filling on paper. Amounts in Rs million.',
    project: 'Project',
    formVersion: 'Form version',
    revision: 'Revision',
    contentHash: 'Content hash',
    status: 'Status',
    approved: 'Approved',
    draft: 'Draft (not approved)',
    amounts: 'All amounts in Rs million unless stated otherwise.',
    total: 'Total',
    yes: 'Yes',
    no: 'No',
    attached: 'Attached (file {id})',
    none: '—',
    signature: 'Signature',
    page: 'Page {page} of {pages}',
    watermark: 'DRAFT',
  },
  ur: {
    government: 'حکومت {province}',
    blank: 'خالی پروفارما',
    blankNote: 'تربیت اور کاغذ پر پُر کرنے کے لیے۔ رقوم ملین روپے میں۔',
    project: 'منصوبہ',
    formVersion: 'فارم کا نسخہ',
    revision: 'نظرِ ثانی',
    contentHash: 'مواد کا ہیش',
    status: 'حیثیت',
    approved: 'منظور شدہ',
    draft: 'مسودہ (غیر منظور شدہ)',
    amounts: 'تمام رقوم ملین روپے میں ہیں، جب تک کہ کچھ اور نہ لکھا ہو۔',
    total: 'میزان',
    yes: 'ہاں',
    no: 'نہیں',
    attached: 'منسلک (فائل {id})',
    none: '—',
    signature: 'دستخط',
    page: 'صفحہ {page} از {pages}',
    watermark: 'DRAFT',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type PrintWord = keyof (typeof PRINT_WORDS)['en'];
