/* Words of the auth screens. Every key exists in both languages (test/web/i18n.spec.ts checks). */
export const auth = {
  en: {},
  ur: {},
} as const;
