import { Migration } from '../migration';
import { registry0001 } from './0001-registry';

/** Platform migrations in the order they apply. Append only. */
export const platformMigrations: readonly Migration[] = [registry0001];
