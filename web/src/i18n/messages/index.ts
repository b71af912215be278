import { auth } from './auth';
import { common } from './common';
import { editor } from './editor';
import { exportWords } from './exports';
import { notifications } from './notifications';
import { printing } from './printing';
import { profile } from './profile';
import { projects } from './projects';
import { work } from './work';

/** One catalogue per area of the app, so each screen's words live beside each other. */
export const CATALOGUES = { common, auth, work, projects, editor, profile, exports: exportWords, notifications, printing } as const;

export type Locale = 'en' | 'ur';

export function messagesFor(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(CATALOGUES).map((c) => c[locale] as Record<string, string>));
}
