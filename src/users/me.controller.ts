import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../auth/auth.decorators';
import { MeResponse } from '../auth/dto';
import { Principal } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { ChangePasswordRequest } from './dto';
import { UserAdminService } from './user-admin.service';
import { UsersService } from './users.service';

@ApiTags('auth')
@ApiBearerAuth()
@RequirePermission('profile.self')
@Controller('api/me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UserAdminService,
    private readonly db: TenantDatabase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    const user = principal.kind === 'user' ? await this.users.findById(principal.id) : null;
    if (!user || user.status !== 'active') throw new UnauthorizedException('This account is not active');
    return { id: user.id, email: user.email, name: user.name, roles: user.roles, status: user.status, province: this.db.currentTenant().slug };
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one’s own password (the current one is required); other sessions end' })
  @ApiNoContentResponse()
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.admin.changeOwnPassword(principal.id, body.currentPassword, body.newPassword);
  }
}
