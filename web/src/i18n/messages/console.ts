/* Words of this area of the app. Every key in both languages. */
export const consoleWords = {
  en: {},
  ur: {},
} satisfies { en: Record<string, string>; ur: Record<string, string> };
