import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { PlatformHost } from '../tenancy/host-scope';
import { MigrationRunResponse, MigrationRunStartedResponse, MigrationsOverviewResponse } from './dto/migration.dto';
import { MigrationRun } from './migration-runs.repository';
import { MigrationsOverview, PlatformMigrationsService } from './platform-migrations.service';

const RUN_ID = new ParseUuidPipe('a migration run id');

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/migrations')
export class MigrationsController {
  constructor(private readonly migrations: PlatformMigrationsService) {}

  @Get()
  @ApiOperation({ summary: "Every province's schema version against the latest, and the last migration run" })
  @ApiOkResponse({ type: MigrationsOverviewResponse })
  overview(): Promise<MigrationsOverview> {
    return this.migrations.overview();
  }

  @Post('run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Migrate every province in the background (the worker); poll the run for progress' })
  @ApiAcceptedResponse({ type: MigrationRunStartedResponse })
  @ApiConflictResponse({ description: 'A run is already queued or running (its id in `runId`)' })
  start(): Promise<{ runId: string }> {
    return this.migrations.start();
  }

  @Get('runs/:id')
  @ApiOperation({ summary: "A migration run's progress: provinces done out of total, and the failures so far" })
  @ApiOkResponse({ type: MigrationRunResponse })
  @ApiNotFoundResponse({ description: 'No such run' })
  run(@Param('id', RUN_ID) id: string): Promise<MigrationRun> {
    return this.migrations.run(id);
  }
}
