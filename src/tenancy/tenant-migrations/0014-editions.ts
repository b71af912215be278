import { Migration } from '../../database/migration';

/**
 * Proforma editions. Each document records the edition of the proforma it was prepared on (the
 * PC-I of 2005 or of 2024, the revised PC-I of 2017 …); a province chooses which edition of each
 * proforma its new projects start on (no row: the newest edition the catalogue ships).
 *
 * Documents made before editions existed are on the forms that are now the newest editions: the
 * PC-I variants with the 2024 climate items, the 2017 revised PC-I, and the PC-II…PC-V as shipped
 * (the edition names are those of src/forms/catalogue/editions.ts when this migration was written;
 * the 2005 forms ship with it, so a province has none of their documents before it runs).
 */
export const editions0014: Migration = {
  id: '0014-editions',
  async up(db) {
    await db.query(`ALTER TABLE documents ADD COLUMN edition text CHECK (edition ~ '^[0-9A-Za-z.-]{1,20}$')`);
    await db.query(
      `
      UPDATE documents SET edition = CASE form_key
        WHEN 'pc1-infrastructure' THEN '2024' WHEN 'pc1-production' THEN '2024' WHEN 'pc1-social' THEN '2024'
        WHEN 'pc1-revised' THEN '2017' WHEN 'pc2' THEN '2005' WHEN 'pc3a' THEN '2006' WHEN 'pc3b' THEN '2006'
        WHEN 'pc4' THEN '2010' WHEN 'pc5' THEN '2005'
        WHEN 'pc1-infrastructure-2005' THEN '2005' WHEN 'pc1-production-2005' THEN '2005' WHEN ` +
        `'pc1-social-2005' THEN '2005' END`,
    );
    await db.query(`ALTER TABLE documents ALTER COLUMN edition SET NOT NULL`);
    await db.query(`
      CREATE TABLE form_current_editions (
        proforma    text PRIMARY KEY CHECK (proforma ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(proforma) <= 60),
        form_key    text NOT NULL CHECK (form_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(form_key) <= 60),
        chosen_by   uuid,
        chosen_at   timestamptz NOT NULL DEFAULT now()
      )`);
  },
};
