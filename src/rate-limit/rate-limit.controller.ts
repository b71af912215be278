import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { TenantsService, TenantView } from '../platform/tenants.service';
import { RequirePermission } from '../tenancy/access.decorators';
import { PlatformHost } from '../tenancy/host-scope';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { ProvinceRateLimitView, SetRateLimitRequest } from './dto/rate-limit.dto';
import { ProvinceRateLimiter } from './province-rate-limiter.service';

/** Operators read and set each province's share of the API. */
@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/tenants/:slug/rate-limit')
export class RateLimitController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly limiter: ProvinceRateLimiter,
  ) {}

  @Get()
  @ApiOperation({ summary: "A province's request limit and its use this minute" })
  @ApiOkResponse({ type: ProvinceRateLimitView })
  @ApiNotFoundResponse({ description: 'No such province' })
  async get(@Param('slug') slug: string): Promise<ProvinceRateLimitView> {
    return this.view(await this.tenants.describe(slug));
  }

  @Patch()
  @ApiOperation({
    summary:
      "Set a province's request limit a minute (null: the deployment's default); audited, obeyed by every API process",
  })
  @ApiOkResponse({ type: ProvinceRateLimitView })
  @ApiBadRequestResponse({ description: 'perMinute is not a whole number within bounds, nor null' })
  @ApiNotFoundResponse({ description: 'No such province' })
  async set(@Param('slug') slug: string, @Body() body: SetRateLimitRequest): Promise<ProvinceRateLimitView> {
    return this.view(await this.tenants.setRateLimit(slug, body.perMinute));
  }

  private async view(tenant: TenantView): Promise<ProvinceRateLimitView> {
    return {
      slug: tenant.slug,
      perMinute: tenant.rateLimitPerMinute,
      defaultPerMinute: this.limiter.limitOf({ rateLimitPerMinute: null }),
      effectivePerMinute: this.limiter.limitOf(tenant),
      usage: await this.limiter.usage(tenant.id),
    };
  }
}
