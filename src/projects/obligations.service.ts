import { BadRequestException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Calendar, isCalendarDate } from '../common/calendar';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { Obligation } from './obligation';
import { ProjectsRepository } from './projects.repository';

export type { Obligation } from './obligation';

/** PC-III(B) for month M is due by the 5th of month M+1 (Planning Commission 2006 guideline). */
export const PC3B_DUE_DAY = 5;
/** PC-V is due by 31 July each year, for five years after completion. */
export const PC5_YEARS = 5;
export type ObligationStatusFilter = 'due' | 'overdue' | 'all' | 'fulfilled';

/** How far back monthly obligations are listed. */
const MONTHS_SHOWN = 24;

const pad = (n: number) => String(n).padStart(2, '0');
const monthAfter = (y: number, m: number) => (m === 12 ? [y + 1, 1] : [y, m + 1]);

/**
 * Reporting obligations of a province's projects, as dated items derived from the projects'
 * approval and completion dates and the reports already submitted.
 */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly calendar: Calendar,
    private readonly projects: ProjectsRepository,
  ) {}

  /** Obligations as of a date (default today), optionally of one project only. */
  list(status: string, on: string | undefined, projectId?: string): Promise<{ on: string; items: Obligation[] }> {
    if (!['due', 'overdue', 'all', 'fulfilled'].includes(status))
      throw new BadRequestException({ message: ['status must be due, overdue, fulfilled or all'] });
    if (on !== undefined && !isCalendarDate(on))
      throw new BadRequestException({ message: ['on must be a real date (YYYY-MM-DD)'] });
    const asOf = on ?? this.calendar.today();
    return this.db.transaction((em) => this.listIn(em, status as ObligationStatusFilter, asOf, projectId));
  }

  /** The same list inside the caller's unit of work (e.g. the reminder job), as of a checked date. */
  async listIn(
    em: EntityManager,
    status: ObligationStatusFilter,
    asOf: string,
    projectId?: string,
  ): Promise<{ on: string; items: Obligation[] }> {
    const projects = await this.projects.obligated(em, projectId ?? null);
    const reports = await this.projects.submittedReports(em, projectId ?? null);
    const submitted = new Map(reports.map((r) => [`${r.project_id}/${r.kind}/${r.period}`, r.id]));
    const items: Obligation[] = [];
    const add = (p: (typeof projects)[number], kind: Obligation['kind'], period: string, dueDate: string) => {
      const documentId = submitted.get(`${p.id}/${kind}/${period}`) ?? null;
      const status = documentId ? 'fulfilled' : dueDate < asOf ? 'overdue' : 'due';
      items.push({
        projectId: p.id,
        projectTitle: p.title,
        kind,
        period,
        dueDate,
        documentId,
        status,
        departmentId: p.department_id,
        preparedBy: p.created_by,
      });
    };
    const [asOfY, asOfM] = asOf.split('-').map(Number);
    for (const p of projects) {
      if (p.approved_at) {
        // Monthly from the month after approval, to the month before completion or today.
        let [y, m] = monthAfter(...(p.approved_at.split('-').map(Number) as [number, number]));
        const end = p.completed_at ? p.completed_at.split('-').map(Number) : [asOfY, asOfM];
        const months: [number, number][] = [];
        while (y < end[0] || (y === end[0] && m <= end[1])) {
          months.push([y, m]);
          [y, m] = monthAfter(y, m);
        }
        for (const [my, mm] of months.slice(-MONTHS_SHOWN)) {
          const [dy, dm] = monthAfter(my, mm);
          add(p, 'pc3b', `${my}-${pad(mm)}`, `${dy}-${pad(dm)}-${pad(PC3B_DUE_DAY)}`);
        }
      }
      if (p.completed_at) {
        const [cy, cm] = p.completed_at.split('-').map(Number);
        // The first 31 July after completion, then yearly; each covers the year ending 30 June.
        const first = cm <= 6 ? cy : cy + 1;
        for (let k = 0; k < PC5_YEARS; k++) {
          const year = first + k;
          add(p, 'pc5', `${year - 1}-${pad(year % 100)}`, `${year}-07-31`);
        }
      }
    }
    items.sort((a, b) =>
      a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.projectTitle.localeCompare(b.projectTitle),
    );
    return { on: asOf, items: status === 'all' ? items : items.filter((i) => i.status === status) };
  }
}
