import { Migration } from '../migration';
import { registry0001 } from './0001-registry';
import { adminName0002 } from './0002-admin-name';
import { console0003 } from './0003-console';
import { rateLimit0004 } from './0004-rate-limit';
import { trainingSandboxes0005 } from './0005-training-sandboxes';
import { portfolio0006 } from './0006-portfolio';

/** Platform migrations in the order they apply. Append only. */
export const platformMigrations: readonly Migration[] = [
  registry0001,
  adminName0002,
  console0003,
  rateLimit0004,
  trainingSandboxes0005,
  portfolio0006,
];
