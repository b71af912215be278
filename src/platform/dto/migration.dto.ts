import { ApiProperty } from '@nestjs/swagger';

export class MigrationRunFailureResponse {
  @ApiProperty({ example: 'gb' }) slug: string;
  @ApiProperty({ example: 'migration 0014-x failed in schema t_gb: …' }) error: string;
}

export class MigrationRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['queued', 'running', 'completed', 'failed'],
    description:
      'completed: every province migrated; failed: some did not (see failures) or the run itself broke (see error)',
  })
  status: string;
  @ApiProperty({ enum: ['console', 'cli'], description: 'Started from the console or by `npm run cli -- migrate`' })
  source: string;
  @ApiProperty({ description: 'Provinces to migrate (known once the run starts)' }) total: number;
  @ApiProperty({ description: 'Provinces settled so far, migrated or failed' }) done: number;
  @ApiProperty({ type: [MigrationRunFailureResponse] }) failures: MigrationRunFailureResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the run itself stopped short' }) error: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: "The operator's email; null from the command line" })
  startedBy: string | null;
}

export class ProvinceMigrationStateResponse {
  @ApiProperty({ example: 'gb' }) slug: string;
  @ApiProperty({ example: 'Gilgit-Baltistan' }) name: string;
  @ApiProperty({ enum: ['provisioning', 'active', 'suspended', 'failed'] }) status: string;
  @ApiProperty({ type: String, nullable: true, example: '0014-editions' }) schemaVersion: string | null;
  @ApiProperty({ description: 'Tenant migrations still to apply' }) pending: number;
}

export class MigrationsOverviewResponse {
  @ApiProperty({ type: String, nullable: true, example: '0014-editions' }) latestVersion: string | null;
  @ApiProperty({ type: [ProvinceMigrationStateResponse] }) provinces: ProvinceMigrationStateResponse[];
  @ApiProperty({ type: MigrationRunResponse, nullable: true }) lastRun: MigrationRunResponse | null;
}

export class MigrationRunStartedResponse {
  @ApiProperty({ format: 'uuid', description: 'Poll GET /api/platform/migrations/runs/{runId} for progress' })
  runId: string;
}
