/* Words of the profile screens. Every key exists in both languages (test/web/i18n.spec.ts checks). */
export const profile = {
  en: {},
  ur: {},
} as const;
