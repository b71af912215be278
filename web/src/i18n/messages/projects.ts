/* Words of the projects screens. Every key exists in both languages (test/web/i18n.spec.ts checks). */
export const projects = {
  en: {},
  ur: {},
} as const;
