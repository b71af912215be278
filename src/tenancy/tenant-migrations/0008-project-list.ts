import { Migration } from '../../database/migration';

/**
 * The project list (GET /api/projects): each project carries what the list filters and sorts on,
 * kept up to date by the projects module whenever one of its documents is created, saved or moves
 * in the workflow (ProjectsRepository.refreshSummary):
 *
 * - current_document_id, stage, current_state, current_forum: the project's *current document*,
 *   its latest document other than the recurring progress reports (PC-III(A)/(B)): a PC-II, the
 *   PC-I, the latest revised PC-I, then the PC-IV and PC-V. stage is its kind.
 * - current_cost: Rs million, the total of its latest costed document (PC-II, PC-I or revised PC-I).
 * - title, sector and districts follow that costed document when it names them (the proposal is
 *   where they are kept up to date); updated_at is the last change to any of its documents.
 *
 * The backfill applies the same definitions to existing projects.
 */
export const projectList0008: Migration = {
  id: '0008-project-list',
  async up(db) {
    await db.query(`
      ALTER TABLE projects
        ADD COLUMN current_document_id uuid REFERENCES documents(id),
        ADD COLUMN stage text CHECK (stage IN ('pc1', 'pc1-revised', 'pc2', 'pc4', 'pc5')),
        ADD COLUMN current_state text,
        ADD COLUMN current_forum text,
        ADD COLUMN current_cost numeric(18, 3)`);
    // A project's latest documents, read each time one of them changes (and by the backfill below).
    await db.query(`CREATE INDEX documents_project_created_idx ON documents (project_id, created_at DESC, id DESC)`);
    await db.query(`
      UPDATE projects p
         SET current_document_id = m.id, stage = m.kind, current_state = m.state, current_forum = m.forum,
             current_cost = c.total_cost,
             title = COALESCE(c.title, p.title),
             sector = COALESCE(c.sector, p.sector),
             districts = CASE WHEN cardinality(c.districts) > 0 THEN c.districts ELSE p.districts END,
             updated_at = GREATEST(p.updated_at, (SELECT max(d.updated_at) FROM documents d WHERE d.project_id = p.id))
        FROM projects q
        LEFT JOIN LATERAL (
          SELECT id, kind, state, forum FROM documents
           WHERE project_id = q.id AND kind NOT IN ('pc3a', 'pc3b') ORDER BY created_at DESC, id DESC LIMIT 1
        ) m ON true
        LEFT JOIN LATERAL (
          SELECT total_cost, title, sector, districts FROM documents
           WHERE project_id = q.id AND kind IN ('pc2', 'pc1', 'pc1-revised') ORDER BY created_at DESC, id DESC LIMIT 1
        ) c ON true
       WHERE q.id = p.id`);
    // Sorts (newest first by default) and filters of the list.
    await db.query(`CREATE INDEX projects_updated_idx ON projects (updated_at DESC, id DESC)`);
    await db.query(`CREATE INDEX projects_created_idx ON projects (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX projects_title_sort_idx ON projects (title, id)`);
    await db.query(`CREATE INDEX projects_cost_idx ON projects (current_cost, id)`);
    await db.query(`CREATE INDEX projects_stage_idx ON projects (stage, updated_at DESC)`);
    await db.query(`CREATE INDEX projects_state_idx ON projects (current_state, updated_at DESC)`);
    await db.query(`CREATE INDEX projects_department_idx ON projects (department_id, updated_at DESC)`);
    await db.query(`CREATE INDEX projects_sector_idx ON projects (sector, updated_at DESC)`);
    await db.query(`CREATE INDEX projects_current_forum_idx ON projects (current_forum)`);
    await db.query(`CREATE INDEX projects_approved_forum_idx ON projects (approved_forum)`);
    await db.query(`CREATE INDEX projects_districts_idx ON projects USING gin (districts)`);
    // Words of the title ('simple': no stemming, works for English and Urdu alike), as for documents.
    await db.query(`CREATE INDEX projects_title_idx ON projects USING gin (to_tsvector('simple', title))`);
  },
};
