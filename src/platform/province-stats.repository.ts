import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A province's figures for the operator console, read from its own schema. */
export interface ProvinceCounts {
  users: number;
  projects: number;
  documents: number;
  attachments: number;
  attachmentBytes: number;
  lastActivityAt: Date | null;
}

/**
 * One statement per province, unqualified: it runs in the province's unit of work (search_path
 * fixed for that transaction), so it reads one schema only, as every query must (README, "How
 * provinces are kept apart"). Counts use the primary keys; the two maxima use the indexes on
 * audit_log (at) and documents (updated_at).
 */
@Injectable()
export class ProvinceStatsRepository {
  async counts(em: EntityManager): Promise<ProvinceCounts> {
    const [row] = await em.query(`
      SELECT
        (SELECT count(*) FROM users)::int AS users,
        (SELECT count(*) FROM projects)::int AS projects,
        (SELECT count(*) FROM documents)::int AS documents,
        a.attachments,
        a.bytes AS "attachmentBytes",
        GREATEST((SELECT max(at) FROM audit_log), (SELECT max(updated_at) FROM documents)) AS "lastActivityAt"
      FROM (SELECT count(*)::int AS attachments, coalesce(sum(size_bytes), 0)::text AS bytes FROM attachments) a`);
    // bigint arrives as text; a byte total stays exact as a JS number up to 8 PiB.
    return { ...row, attachmentBytes: Number(row.attachmentBytes) } as ProvinceCounts;
  }
}
