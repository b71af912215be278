import { Migration } from '../migration';

/**
 * The first administrator's name as the operator gave it when provisioning (adminName); until
 * now every first admin was called "Province administrator". Runs made before keep no name and
 * still get that default.
 */
export const adminName0002: Migration = {
  id: '0002-admin-name',
  async up(db) {
    await db.query(
      `ALTER TABLE platform.provisioning_runs ADD COLUMN admin_name text CHECK (length(admin_name) BETWEEN 1 AND 200)`,
    );
  },
};
