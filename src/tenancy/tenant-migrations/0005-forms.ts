import { Migration } from '../../database/migration';

/**
 * Forms: the province's master data (the lists its forms draw options from), its overlay on
 * each base form (one working copy per form), and the published form versions, immutable once
 * written (a trigger refuses updates and deletes, as for the audit log).
 */
export const forms0005: Migration = {
  id: '0005-forms',
  async up(db) {
    await db.query(
      `
      CREATE TABLE master_data_items (
        list        text NOT NULL CHECK (list IN ('districts', 'tehsils', 'sectors', 'sub-sectors', ` +
        `'funding-sources', 'approval-forums')),
        code        text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 80),
        parent_code text CHECK (length(parent_code) <= 80),
        name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        name_ur     text NOT NULL CHECK (length(name_ur) BETWEEN 1 AND 200),
        sort_order  integer NOT NULL DEFAULT 0,
        active      boolean NOT NULL DEFAULT true,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (list, code)
      )`,
    );
    await db.query(`
      CREATE TABLE form_overlays (
        form_key      text PRIMARY KEY,
        base_version  text NOT NULL,
        operations    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(operations) = 'array'),
        revision      integer NOT NULL DEFAULT 1,
        updated_by    uuid,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE form_versions (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        form_key      text NOT NULL,
        number        integer NOT NULL CHECK (number >= 1),
        base_version  text NOT NULL,
        overlay       jsonb NOT NULL,
        compiled      jsonb NOT NULL,
        content_hash  text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        published_by  uuid,
        publisher_type text NOT NULL CHECK (publisher_type IN ('user', 'operator', 'system')),
        published_at  timestamptz NOT NULL DEFAULT now(),
        notes         text CHECK (length(notes) <= 2000),
        UNIQUE (form_key, number)
      )`);
    await db.query(`
      CREATE FUNCTION form_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'form versions are immutable (publish a new version instead)';
      END $$`);
    await db.query(`
      CREATE TRIGGER form_versions_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON form_versions
        FOR EACH STATEMENT EXECUTE FUNCTION form_versions_immutable()`);
  },
};
