import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { EndpointCatalog } from './endpoint-catalog.service';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../tenancy/permissions';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/roles')
export class RolesController {
  constructor(private readonly catalog: EndpointCatalog) {}

  @Get()
  @RequirePermission('profile.self')
  @ApiOperation({ summary: 'The roles, their permissions, and which permission each province endpoint needs' })
  matrix() {
    return {
      roles: ROLE_PERMISSIONS,
      permissions: PERMISSIONS,
      endpoints: this.catalog
        .list()
        .filter((e) => e.scope === 'tenant')
        .map((e) => ({ method: e.method, path: e.path, permission: e.isPublic ? 'public' : e.permission })),
    };
  }
}
