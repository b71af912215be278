import { Migration } from '../../database/migration';

/**
 * Projects and their documents (filled forms) through their life: every save kept as a
 * revision, every workflow transition recorded, the province's workflow configuration and forum
 * rules as versioned data, attachments (files live outside the database), and the indexes the
 * lists need at 100,000 documents per province.
 */
export const projects0006: Migration = {
  id: '0006-projects',
  async up(db) {
    await db.query(`
      CREATE TABLE workflow_configs (
        version     integer PRIMARY KEY CHECK (version >= 1),
        config      jsonb NOT NULL,
        notes       text CHECK (length(notes) <= 2000),
        created_by  uuid,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE forum_rules (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code              text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 80),
        forum             text NOT NULL CHECK (length(forum) <= 80),
        min_cost          numeric(18, 3),
        max_cost          numeric(18, 3),
        form_kinds        text[],
        foreign_funding   boolean,
        wholly_provincial boolean,
        max_increase_pct  numeric(9, 3),
        effective_from    date NOT NULL,
        effective_to      date,
        priority          integer NOT NULL,
        source            text NOT NULL CHECK (length(source) BETWEEN 1 AND 2000),
        verify            boolean NOT NULL DEFAULT false,
        created_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (code),
        CHECK (effective_to IS NULL OR effective_to >= effective_from),
        CHECK (min_cost IS NULL OR max_cost IS NULL OR max_cost > min_cost)
      )`);
    await db.query(`
      CREATE TABLE projects (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        department_id       uuid REFERENCES departments(id),
        sector              text CHECK (length(sector) <= 80),
        districts           text[] NOT NULL DEFAULT '{}',
        adp_number          text CHECK (length(adp_number) <= 40),
        status              text NOT NULL DEFAULT 'preparation'
                            CHECK (status IN ('preparation', 'approved', 'rejected', 'completed')),
        approved_cost       numeric(18, 3),
        approved_at         date,
        approved_forum      text,
        completed_at        date,
        created_by          uuid,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE documents (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id       uuid NOT NULL REFERENCES projects(id),
        form_key         text NOT NULL,
        form_version_id  uuid NOT NULL REFERENCES form_versions(id),
        kind             text NOT NULL CHECK (kind IN ('pc1', 'pc1-revised', 'pc2', 'pc3a', 'pc3b', 'pc4', 'pc5')),
        sequence         integer NOT NULL DEFAULT 0,
        period           text CHECK (length(period) <= 10),
        parent_id        uuid REFERENCES documents(id),
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        state            text NOT NULL,
        revision         integer NOT NULL DEFAULT 1,
        data             jsonb NOT NULL DEFAULT '{}',
        valid            boolean NOT NULL DEFAULT false,
        error_count      integer NOT NULL DEFAULT 0,
        total_cost       numeric(18, 3),
        forum            text,
        forum_rule_id    uuid REFERENCES forum_rules(id),
        department_id    uuid,
        sector           text,
        districts        text[] NOT NULL DEFAULT '{}',
        created_by       uuid NOT NULL,
        updated_by       uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        submitted_at     timestamptz,
        decided_at       timestamptz
      )`);
    // Lists: by state, by author, by department, sector, district, forum, cost; newest first.
    await db.query(`CREATE INDEX documents_state_updated_idx ON documents (state, updated_at DESC, id DESC)`);
    await db.query(`CREATE INDEX documents_author_state_idx ON documents (created_by, state, updated_at DESC)`);
    await db.query(`CREATE INDEX documents_department_idx ON documents (department_id, updated_at DESC)`);
    await db.query(`CREATE INDEX documents_sector_idx ON documents (sector, updated_at DESC)`);
    await db.query(`CREATE INDEX documents_forum_idx ON documents (forum, updated_at DESC)`);
    await db.query(`CREATE INDEX documents_cost_idx ON documents (total_cost, id)`);
    await db.query(`CREATE INDEX documents_updated_idx ON documents (updated_at DESC, id DESC)`);
    await db.query(`CREATE INDEX documents_project_idx ON documents (project_id, kind, sequence)`);
    await db.query(`CREATE INDEX documents_districts_idx ON documents USING gin (districts)`);
    // Words of the title ('simple': no stemming, works for English and Urdu alike).
    await db.query(`CREATE INDEX documents_title_idx ON documents USING gin (to_tsvector('simple', title))`);
    await db.query(`
      CREATE TABLE document_revisions (
        document_id  uuid NOT NULL REFERENCES documents(id),
        revision     integer NOT NULL,
        data         jsonb NOT NULL,
        error_count  integer NOT NULL,
        saved_by     uuid NOT NULL,
        saved_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, revision)
      )`);
    await db.query(`
      CREATE TABLE document_transitions (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document_id      uuid NOT NULL REFERENCES documents(id),
        action           text NOT NULL,
        from_state       text NOT NULL,
        to_state         text NOT NULL,
        actor_id         uuid NOT NULL,
        actor_email      text NOT NULL,
        comment          text CHECK (length(comment) <= 5000),
        workflow_version integer NOT NULL REFERENCES workflow_configs(version),
        forum            text,
        forum_rule_id    uuid REFERENCES forum_rules(id),
        at               timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX document_transitions_document_idx ON document_transitions (document_id, id)`);
    await db.query(`
      CREATE TABLE attachments (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id   uuid NOT NULL REFERENCES documents(id),
        kind          text NOT NULL CHECK (kind IN ('feasibility-study', 'map', 'drawing', 'other')),
        file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type  text NOT NULL,
        size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key   text NOT NULL UNIQUE,
        uploaded_by   uuid NOT NULL,
        uploaded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX attachments_document_idx ON attachments (document_id)`);
  },
};
