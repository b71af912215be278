/* Words of the work screens. Every key exists in both languages (test/web/i18n.spec.ts checks). */
export const work = {
  en: {},
  ur: {},
} as const;
