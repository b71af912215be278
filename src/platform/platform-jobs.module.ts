import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OPERATOR_ACCOUNTS } from '../auth/operator-accounts';
import { MigrationFanOut } from './migration-fan-out.service';
import { MigrationRunsRepository } from './migration-runs.repository';
import { MigrationsProcessor } from './migrations.processor';
import { Operator } from './operator.entity';
import { OperatorStatusCheck } from './operator-status.check';
import { OperatorsRepository } from './operators.repository';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { ProjectsModule } from '../projects/projects.module';
import { PortfolioAggregatesRepository } from './portfolio-aggregates.repository';
import { PortfolioAggregationService } from './portfolio-aggregation.service';
import { PortfolioProcessor } from './portfolio.processor';

/**
 * The worker's platform jobs (no HTTP): the console's migration fan-outs and the portfolio refresh.
 * Also auth's operator check, which every process that loads auth provides (see OperatorStatusCheck).
 */
@Module({
  // The platform's entity in the worker too, so every process's DataSource knows every entity.
  // Projects and portfolio: the host's portfolio figures are read from them in each province.
  imports: [TypeOrmModule.forFeature([Operator]), ProjectsModule, PortfolioModule],
  providers: [
    MigrationsProcessor,
    MigrationFanOut,
    MigrationRunsRepository,
    OperatorsRepository,
    OperatorStatusCheck,
    PortfolioProcessor,
    PortfolioAggregationService,
    PortfolioAggregatesRepository,
    { provide: OPERATOR_ACCOUNTS, useExisting: OperatorStatusCheck },
  ],
})
export class PlatformJobsModule {}
