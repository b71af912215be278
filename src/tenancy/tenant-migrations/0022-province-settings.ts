import { Migration } from '../../database/migration';

/**
 * The province's own settings that only its admin changes (src/portfolio): for now whether the
 * province's aggregate figures are shown to the host's operators (issue 17). One row, made here, so
 * reading it never has to guess a default; who changed it last and when sit beside it (the full
 * history is in the audit log).
 */
export const provinceSettings0022: Migration = {
  id: '0022-province-settings',
  async up(db) {
    await db.query(`
      CREATE TABLE province_settings (
        id                boolean PRIMARY KEY DEFAULT true CHECK (id),
        portfolio_shared  boolean NOT NULL DEFAULT false,
        changed_at        timestamptz,
        changed_by        uuid
      )`);
    await db.query(`INSERT INTO province_settings (id) VALUES (true)`);
  },
};
