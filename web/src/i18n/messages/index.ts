import { auth } from './auth';
import { common } from './common';
import { editor } from './editor';
import { exportWords } from './exports';
import { notifications } from './notifications';
import { printing } from './printing';
import { profile } from './profile';
import { projects } from './projects';
import { work } from './work';
import { approvals } from './approvals';
import { editions } from './editions';
import { imports } from './imports';
import { warnings } from './warnings';
import { admin } from './admin';
import { usersAdmin } from './users-admin';
import { studio } from './studio';
import { workflowEditor } from './workflow-editor';
import { forumRulesAdmin } from './forum-rules';
import { consoleWords } from './console';
import { portfolio } from './portfolio';
import { training } from './training';

/** One catalogue per area of the app, so each screen's words live beside each other. */
export const CATALOGUES = {
  common,
  auth,
  work,
  projects,
  editor,
  profile,
  exports: exportWords,
  notifications,
  printing,
  editions,
  warnings,
  approvals,
  imports,
  admin,
  usersAdmin,
  studio,
  workflowEditor,
  forumRulesAdmin,
  console: consoleWords,
  portfolio,
  training,
} as const;

export type Locale = 'en' | 'ur';

export function messagesFor(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(CATALOGUES).map((c) => c[locale] as Record<string, string>));
}
