import { Migration } from '../../database/migration';

/**
 * Forum rules: federal or provincial level (routing module). A federal rule is one of the
 * federal forums' own limits (ministries' DDWP, CDWP, ECNEC); a provincial rule is the
 * province's own (its cost bands and special rules, even those that send a case to CDWP).
 * Routing warns, and does not route, when no provincial band is in force on the decision date,
 * so a province is never silently sent to the federal forums. Federal are the seeded federal
 * rules (codes starting with "federal-") and any plain CDWP/ECNEC cost band a province added
 * itself (no condition on the form, funding or increase): those are the federal limits whatever
 * their code.
 */
export const forumRuleLevels0018: Migration = {
  id: '0018-forum-rule-levels',
  async up(db) {
    await db.query(
      `ALTER TABLE forum_rules ADD COLUMN level text NOT NULL DEFAULT 'provincial' ` +
        `CONSTRAINT forum_rules_level_check CHECK (level IN ('federal', 'provincial'))`,
    );
    await db.query(
      `
      UPDATE forum_rules SET level = 'federal'
       WHERE code LIKE 'federal-%'
          OR (forum IN ('cdwp', 'ecnec') AND form_kinds IS NULL AND foreign_funding IS NULL ` +
        `AND wholly_provincial IS NULL AND max_increase_pct IS NULL)`,
    );
  },
};
