import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { PlatformHost } from '../tenancy/host-scope';
import { Principal } from '../tenancy/tenant-context';
import { DEFAULT_ADMIN_NAME } from '../provisioning/tenant-provisioner.service';
import { UsersQuery } from '../users/dto';
import { CreateTenantRequest, RestoreAdminRequest, SetDomainsRequest, StatusChangeRequest } from './dto/tenant.dto';
import { ProvinceUsersService } from './province-users.service';
import { TenantsService } from './tenants.service';

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/tenants')
export class TenantsController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly provinceUsers: ProvinceUsersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All provinces with their status' })
  list() {
    return this.tenants.list();
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Register a province and provision it in the background' })
  @ApiAcceptedResponse({ description: 'Queued: watch GET /api/platform/tenants/{slug} for progress' })
  @ApiConflictResponse({ description: 'The slug or a domain is taken' })
  async create(@Body() body: CreateTenantRequest, @CurrentPrincipal() operator: Principal) {
    const { tenant, run } = await this.tenants.create(body, operator.id);
    return { tenant, runId: run.id, status: run.status, progress: `/api/platform/tenants/${tenant.slug}` };
  }

  @Get(':slug')
  @ApiOperation({ summary: 'A province with its recent provisioning runs, step by step' })
  get(@Param('slug') slug: string) {
    return this.tenants.get(slug);
  }

  @Post(':slug/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Provision a failed province again' })
  async retry(@Param('slug') slug: string, @CurrentPrincipal() operator: Principal) {
    const run = await this.tenants.retry(slug, operator.id);
    return { runId: run.id, status: run.status, progress: `/api/platform/tenants/${slug}` };
  }

  @Post(':slug/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: "Suspend a province: its hosts answer 403 and its users' tokens stop working" })
  suspend(@Param('slug') slug: string, @Body() body: StatusChangeRequest) {
    return this.tenants.suspend(slug, body.reason);
  }

  @Post(':slug/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a suspended province' })
  resume(@Param('slug') slug: string) {
    return this.tenants.resume(slug);
  }

  @Get(':slug/users')
  @ApiOperation({ summary: "A province's users (read by an operator, e.g. to help it regain access)" })
  users(@Param('slug') slug: string, @Query() query: UsersQuery) {
    return this.provinceUsers.list(slug, query);
  }

  @Post(':slug/admins')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Give a province an administrator again: invite one, or restore an account, with a one-time link',
  })
  restoreAdmin(
    @Param('slug') slug: string,
    @Body() body: RestoreAdminRequest,
    @CurrentPrincipal() operator: Principal,
  ) {
    return this.provinceUsers.restoreAdmin(slug, body.email, body.name ?? DEFAULT_ADMIN_NAME, operator.id);
  }

  @Put(':slug/domains')
  @ApiOperation({ summary: "Replace a province's custom domains" })
  setDomains(@Param('slug') slug: string, @Body() body: SetDomainsRequest) {
    return this.tenants.setDomains(slug, body.domains);
  }
}
