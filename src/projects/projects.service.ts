import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DepartmentsService } from '../departments/departments.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { LIST_COUNT_CAP } from './documents.service';
import { ListProjectsQuery } from './dto';
import {
  ProjectFigures,
  ProjectListCriteria,
  ProjectRow,
  ProjectsRepository,
  ProjectSort,
} from './projects.repository';
import { titleWords } from './title-search';

export type ProjectListItem = ProjectRow & { departmentName: string | null };

/**
 * Rows fetched from the cursor at a time by scan(): large enough to amortise a round trip, small enough to stay a few
 * hundred KB.
 */
const SCAN_BATCH_ROWS = 1000;

/** The province's projects as a list: filtered, sorted and paginated in SQL (indexes in migration 0008). */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly projects: ProjectsRepository,
    private readonly departments: DepartmentsService,
  ) {}

  list(
    query: ListProjectsQuery,
  ): Promise<{ items: ProjectListItem[]; total: number; totalIsExact: boolean; page: number; pageSize: number }> {
    const { page, pageSize } = query;
    return this.db.transaction(async (em) => {
      const { rows, total } = await this.projects.list(em, {
        ...this.filterOf(query),
        page,
        pageSize,
        countCap: LIST_COUNT_CAP,
      });
      const items = await this.withDepartmentNames(em, rows);
      return { items, total: Math.min(total, LIST_COUNT_CAP), totalIsExact: total <= LIST_COUNT_CAP, page, pageSize };
    });
  }

  /**
   * Every project the list would show for these filters and sort (paging ignored), up to maxRows,
   * handed to `consume` one batch at a time from a cursor in one unit of work: memory holds one
   * batch however long the list. `consume` is called at least once (with [] when nothing matches)
   * so a caller can start its output there. Resolves with the number of rows.
   */
  scan(
    query: ListProjectsQuery,
    maxRows: number,
    consume: (batch: ProjectListItem[]) => Promise<void>,
  ): Promise<number> {
    return this.db.transaction(async (em) => {
      let count = 0;
      for await (const rows of this.projects.scan(em, this.filterOf(query), maxRows, SCAN_BATCH_ROWS)) {
        count += rows.length;
        await consume(await this.withDepartmentNames(em, rows));
      }
      if (count === 0) await consume([]);
      return count;
    });
  }

  private filterOf(query: ListProjectsQuery): ProjectListCriteria {
    return {
      stage: query.stage,
      state: query.state,
      status: query.status,
      departmentId: query.departmentId,
      district: query.district,
      sector: query.sector,
      forum: query.forum,
      minCost: query.minCost,
      maxCost: query.maxCost,
      approvedForum: query.approvedForum,
      approvedFrom: query.approvedFrom,
      approvedTo: query.approvedTo,
      completedFrom: query.completedFrom,
      completedTo: query.completedTo,
      minApprovedCost: query.minApprovedCost,
      maxApprovedCost: query.maxApprovedCost,
      words: query.q ? titleWords(query.q) : undefined,
      sort: (query.sort ?? '-updatedAt') as ProjectSort,
    };
  }

  private async withDepartmentNames(em: EntityManager, rows: ProjectRow[]): Promise<ProjectListItem[]> {
    const names = await this.departments.namesOf(
      em,
      rows.map((r) => r.departmentId),
    );
    return rows.map((r) => ({ ...r, departmentName: r.departmentId ? (names.get(r.departmentId) ?? null) : null }));
  }

  /** How many projects and documents the province has, and when a document last changed. */
  figures(em: EntityManager): Promise<ProjectFigures> {
    return this.projects.figures(em);
  }
}
