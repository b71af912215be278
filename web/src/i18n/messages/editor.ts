/* Words of the editor screens. Every key exists in both languages (test/web/i18n.spec.ts checks). */
export const editor = {
  en: {},
  ur: {},
} as const;
