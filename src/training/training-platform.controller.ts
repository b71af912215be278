import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PasswordHasher } from '../users/password-hasher.service';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { PlatformHost } from '../tenancy/host-scope';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { Principal } from '../tenancy/tenant-context';
import { OperatorCreateSandboxRequest, ResetSandboxRequest } from './dto';
import { TrainingService } from './training.service';

/** The operators' side, on the console's host: a province's sandbox. */
@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/tenants/:slug/sandbox')
export class TrainingPlatformController {
  constructor(
    private readonly training: TrainingService,
    private readonly hasher: PasswordHasher,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: "Create a province's training sandbox with its first administrator" })
  @ApiAcceptedResponse({ description: 'Queued: watch GET /api/platform/tenants/{slug}/sandbox' })
  async create(
    @Param('slug') slug: string,
    @Body() body: OperatorCreateSandboxRequest,
    @CurrentPrincipal() operator: Principal,
  ) {
    const admin = {
      email: body.adminEmail.toLowerCase(),
      name: body.adminName ?? 'Trainer',
      passwordHash: await this.hasher.hash(body.adminPassword),
    };
    const { sandbox, run } = await this.training.create(slug, admin, 'operator', operator.email);
    return { sandbox, runId: run.id };
  }

  @Get()
  @ApiOperation({ summary: "A province's sandbox: status, expiry, figures, last reset and recent builds" })
  view(@Param('slug') slug: string) {
    return this.training.view(slug);
  }

  @Post('reset')
  @HttpCode(202)
  @ApiOperation({ summary: "Reset a province's sandbox" })
  async reset(@Param('slug') slug: string, @Body() body: ResetSandboxRequest, @CurrentPrincipal() operator: Principal) {
    const run = await this.training.reset(slug, body.keepTrainees ?? true, 'operator', operator.email);
    return { runId: run.id, status: run.status };
  }

  @Post('extend')
  @HttpCode(200)
  @ApiOperation({ summary: "Keep a province's sandbox open SANDBOX_DAYS longer" })
  extend(@Param('slug') slug: string) {
    return this.training.extend(slug);
  }
}
