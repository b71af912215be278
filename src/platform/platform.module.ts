import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { BrowserSessions } from '../auth/browser-sessions';
import { OPERATOR_ACCOUNTS } from '../auth/operator-accounts';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { ProjectsModule } from '../projects/projects.module';
import { ProvisioningModule } from '../provisioning/provisioning.module';
import { RoutingModule } from '../routing/routing.module';
import { UsersModule } from '../users/users.module';
import { MigrationFanOut } from './migration-fan-out.service';
import { MigrationRunsRepository } from './migration-runs.repository';
import { MigrationsController } from './migrations.controller';
import { OperatorSessionsService } from './operator-sessions.service';
import { OperatorsController } from './operators.controller';
import { OperatorsRepository } from './operators.repository';
import { OperatorsService } from './operators.service';
import { OperatorStatusCheck } from './operator-status.check';
import { PlatformAuditController } from './platform-audit.controller';
import { PlatformAuditRepository } from './platform-audit.repository';
import { PlatformAuditService } from './platform-audit.service';
import { PlatformAuthController } from './platform-auth.controller';
import { PortfolioAggregatesRepository } from './portfolio-aggregates.repository';
import { PortfolioController } from './portfolio.controller';
import { PortfolioService } from './portfolio.service';
import { PlatformMigrationsService } from './platform-migrations.service';
import { PlatformProfileController } from './platform-profile.controller';
import { ProvinceStatsController } from './province-stats.controller';
import { ProvinceStatsService } from './province-stats.service';
import { ProvinceUsersService } from './province-users.service';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Operator } from './operator.entity';

/** The operators' console API on `admin.<base domain>`. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Operator]),
    ProvisioningModule,
    UsersModule,
    RoutingModule,
    // The province figures of the console come from the modules that own the tables.
    ProjectsModule,
    AttachmentsModule,
    // A province's withdrawal of sharing removes its portfolio figures (PortfolioService).
    PortfolioModule,
  ],
  controllers: [
    PlatformAuthController,
    PlatformProfileController,
    OperatorsController,
    PlatformAuditController,
    MigrationsController,
    PortfolioController,
    // Before TenantsController: GET tenants/stats must not be read as the province "stats".
    ProvinceStatsController,
    TenantsController,
  ],
  providers: [
    OperatorsService,
    OperatorsRepository,
    OperatorSessionsService,
    BrowserSessions,
    TenantsService,
    ProvinceUsersService,
    PlatformAuditService,
    PlatformAuditRepository,
    PlatformMigrationsService,
    MigrationFanOut,
    MigrationRunsRepository,
    ProvinceStatsService,
    PortfolioService,
    PortfolioAggregatesRepository,
    // Auth's check that an operator is still active at each request (auth sits below platform).
    OperatorStatusCheck,
    { provide: OPERATOR_ACCOUNTS, useExisting: OperatorStatusCheck },
  ],
  exports: [OperatorsService, TenantsService, PlatformAuditService, MigrationFanOut],
})
export class PlatformModule {}
