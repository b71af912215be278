import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Calendar } from '../common/calendar';
import { AppConfig } from '../config/app-config';
import { WorkflowService } from '../workflow/workflow.service';
import { ObligationsService } from './obligations.service';
import { financialYearLabel, ProvinceFigure } from './project-aggregates';
import { FigureRow, ProjectAggregatesRepository, ProjectGrouping } from './project-aggregates.repository';

export type { ProvinceFigure } from './project-aggregates';

const figure = (f: Partial<ProvinceFigure> & Pick<ProvinceFigure, 'metric' | 'count'>): ProvinceFigure => ({
  stage: null,
  state: null,
  forum: null,
  sector: null,
  financialYear: null,
  amount: null,
  ...f,
});

/** Which dimension column each grouping of projects fills. */
const GROUPINGS: { grouping: ProjectGrouping; metric: ProvinceFigure['metric']; into: keyof ProvinceFigure }[] = [
  { grouping: 'stage', metric: 'projects.by_stage', into: 'stage' },
  { grouping: 'state', metric: 'projects.by_state', into: 'state' },
  { grouping: 'status', metric: 'projects.by_status', into: 'state' },
  { grouping: 'forum', metric: 'projects.by_forum', into: 'forum' },
  { grouping: 'sector', metric: 'projects.by_sector', into: 'sector' },
];

/**
 * A province's aggregate figures for the host's portfolio view (issue 17), read in the caller's
 * unit of work on the province. Only counts, sums and the values of the dimensions leave: the
 * obligations are counted here, and their project titles stay behind.
 */
@Injectable()
export class ProjectAggregatesService {
  constructor(
    private readonly repository: ProjectAggregatesRepository,
    private readonly workflow: WorkflowService,
    private readonly obligations: ObligationsService,
    private readonly calendar: Calendar,
    private readonly config: AppConfig,
  ) {}

  async compute(em: EntityManager): Promise<ProvinceFigure[]> {
    const figures: ProvinceFigure[] = [];
    const total: FigureRow = await this.repository.total(em);
    figures.push(figure({ metric: 'projects.total', count: total.count, amount: total.amount }));
    for (const { grouping, metric, into } of GROUPINGS)
      for (const row of await this.repository.byColumn(em, grouping))
        figures.push(figure({ metric, [into]: row.key, count: row.count, amount: row.amount }));
    for (const row of await this.repository.submittedByYear(em, this.config.timeZone))
      figures.push(
        figure({
          metric: 'cost.submitted',
          financialYear: financialYearLabel(row.startYear),
          count: row.count,
          amount: row.amount,
        }),
      );
    for (const row of await this.repository.approvedByYear(em))
      figures.push(
        figure({
          metric: 'cost.approved',
          financialYear: financialYearLabel(row.startYear),
          count: row.count,
          amount: row.amount,
        }),
      );
    // Waiting: the province's own workflow says which states are neither editable nor final.
    const { config } = await this.workflow.current(em);
    const waiting = config.states.filter((s) => !s.editable && !s.final).map((s) => s.id);
    for (const row of await this.repository.documentsIn(em, waiting))
      figures.push(figure({ metric: 'documents.waiting', stage: row.kind, state: row.state, count: row.count }));
    const overdue = await this.obligations.listIn(em, 'overdue', this.calendar.today());
    const byKind = new Map<string, number>();
    for (const item of overdue.items) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
    for (const [kind, count] of [...byKind].sort())
      figures.push(figure({ metric: 'obligations.overdue', stage: kind, count }));
    return figures;
  }
}
