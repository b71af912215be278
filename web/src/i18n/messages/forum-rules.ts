/* Words of this area of the app. Every key in both languages. */
export const forumRulesAdmin = {
  en: {},
  ur: {},
} satisfies { en: Record<string, string>; ur: Record<string, string> };
