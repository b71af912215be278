import { Migration } from '../../database/migration';
import { core0001 } from './0001-core';
import { auditLog0002 } from './0002-audit-log';
import { refreshTokens0003 } from './0003-refresh-tokens';
import { userProfiles0004 } from './0004-user-profiles';
import { forms0005 } from './0005-forms';
import { projects0006 } from './0006-projects';
import { approvalBaseline0007 } from './0007-approval-baseline';
import { projectList0008 } from './0008-project-list';
import { provinceEvents0009 } from './0009-province-events';
import { mailAndNotifications0010 } from './0010-mail-and-notifications';
import { webhooks0012 } from './0012-webhooks';
import { reminders0013 } from './0013-reminders';
import { renderedDocuments0011 } from './0011-rendered-documents';
import { editions0014 } from './0014-editions';
import { approvalRecords0015 } from './0015-approval-records';
import { warningAnswers0016 } from './0016-warning-answers';
import { portfolioImport0017 } from './0017-portfolio-import';
import { forumRuleLevels0018 } from './0018-forum-rule-levels';
import { departmentActive0019 } from './0019-department-active';
import { userTokenVersion0020 } from './0020-user-token-version';
import { training0021 } from './0021-training';
import { provinceSettings0022 } from './0022-province-settings';

/** Tenant migrations in the order they apply to every province. Append only. */
export const tenantMigrations: readonly Migration[] = [
  core0001,
  auditLog0002,
  refreshTokens0003,
  userProfiles0004,
  forms0005,
  projects0006,
  approvalBaseline0007,
  projectList0008,
  provinceEvents0009,
  mailAndNotifications0010,
  renderedDocuments0011,
  webhooks0012,
  reminders0013,
  editions0014,
  approvalRecords0015,
  warningAnswers0016,
  portfolioImport0017,
  forumRuleLevels0018,
  departmentActive0019,
  userTokenVersion0020,
  training0021,
  provinceSettings0022,
];
