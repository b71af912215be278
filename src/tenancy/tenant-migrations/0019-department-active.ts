import { Migration } from '../../database/migration';

/**
 * Departments can be deactivated (departments module): a reorganised department stays on the
 * users, projects and documents that name it, but new form versions no longer offer it and no
 * user can be moved into it.
 */
export const departmentActive0019: Migration = {
  id: '0019-department-active',
  async up(db) {
    await db.query(`ALTER TABLE departments ADD COLUMN active boolean NOT NULL DEFAULT true`);
  },
};
