import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OPERATOR_ACCOUNTS } from '../auth/operator-accounts';
import { MigrationFanOut } from './migration-fan-out.service';
import { MigrationRunsRepository } from './migration-runs.repository';
import { MigrationsProcessor } from './migrations.processor';
import { Operator } from './operator.entity';
import { OperatorStatusCheck } from './operator-status.check';
import { OperatorsRepository } from './operators.repository';

/**
 * The worker's platform jobs (no HTTP): the console's migration fan-outs. Also auth's operator check,
 * which every process that loads auth provides (see OperatorStatusCheck).
 */
@Module({
  // The platform's entity in the worker too, so every process's DataSource knows every entity.
  imports: [TypeOrmModule.forFeature([Operator])],
  providers: [
    MigrationsProcessor,
    MigrationFanOut,
    MigrationRunsRepository,
    OperatorsRepository,
    OperatorStatusCheck,
    { provide: OPERATOR_ACCOUNTS, useExisting: OperatorStatusCheck },
  ],
})
export class PlatformJobsModule {}
