import { Injectable } from '@nestjs/common';
import { DepartmentsService } from '../departments/departments.service';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { LIST_COUNT_CAP } from './documents.service';
import { ListProjectsQuery } from './dto';
import { ProjectRow, ProjectsRepository, ProjectSort } from './projects.repository';
import { titleWords } from './title-search';

export type ProjectListItem = ProjectRow & { departmentName: string | null };

/** The province's projects as a list: filtered, sorted and paginated in SQL (indexes in migration 0008). */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly projects: ProjectsRepository,
    private readonly departments: DepartmentsService,
  ) {}

  list(query: ListProjectsQuery): Promise<{ items: ProjectListItem[]; total: number; totalIsExact: boolean; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    return this.db.transaction(async (em) => {
      const { rows, total } = await this.projects.list(em, {
        stage: query.stage,
        state: query.state,
        status: query.status,
        departmentId: query.departmentId,
        district: query.district,
        sector: query.sector,
        forum: query.forum,
        minCost: query.minCost,
        maxCost: query.maxCost,
        words: query.q ? titleWords(query.q) : undefined,
        sort: (query.sort ?? '-updatedAt') as ProjectSort,
        page,
        pageSize,
        countCap: LIST_COUNT_CAP,
      });
      const names = await this.departments.namesOf(em, rows.map((r) => r.departmentId));
      const items = rows.map((r) => ({ ...r, departmentName: r.departmentId ? (names.get(r.departmentId) ?? null) : null }));
      return { items, total: Math.min(total, LIST_COUNT_CAP), totalIsExact: total <= LIST_COUNT_CAP, page, pageSize };
    });
  }
}
