import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { PlatformHost } from '../tenancy/host-scope';
import { ProvinceStatsService } from './province-stats.service';

/** Registered before TenantsController, so `stats` is not taken for a province's slug. */
@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/tenants')
export class ProvinceStatsController {
  constructor(private readonly stats: ProvinceStatsService) {}

  @Get('stats')
  @ApiOperation({ summary: 'Users, projects, documents, attachments (count and bytes) and last activity per province' })
  all() {
    return this.stats.all();
  }
}
