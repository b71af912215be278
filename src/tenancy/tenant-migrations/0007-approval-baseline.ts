import { Migration } from '../../database/migration';

/**
 * The cost a revision's increase is measured against: the cost last approved by a forum on its
 * own authority. A revision approved under a "within 15 %" rule changes the approved cost but not
 * this baseline, so steps of 14 % cannot add up to an unexamined 48 %.
 *
 * Forum rules stored with wholly_provincial = false were written when false meant "either";
 * it now means "only projects not wholly provincial", so those become NULL (either).
 */
export const approvalBaseline0007: Migration = {
  id: '0007-approval-baseline',
  async up(db) {
    await db.query(`ALTER TABLE projects ADD COLUMN baseline_cost numeric(18, 3)`);
    await db.query(`UPDATE projects SET baseline_cost = approved_cost WHERE approved_cost IS NOT NULL`);
    await db.query(`UPDATE forum_rules SET wholly_provincial = NULL WHERE wholly_provincial = false`);
  },
};
