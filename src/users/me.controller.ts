import { Body, Controller, Get, HttpCode, Patch, Post, UnauthorizedException } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { Principal } from '../tenancy/tenant-context';
import { ChangePasswordRequest, MeResponse, UpdateMeRequest } from './dto';
import { ProfileService } from './profile.service';
import { UserAdminService } from './user-admin.service';

@ApiTags('auth')
@ApiBearerAuth()
@RequirePermission('profile.self')
@Controller('api/me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly admin: UserAdminService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.profiles.get(userIdOf(principal));
  }

  @Patch()
  @ApiOperation({ summary: 'Change one’s own interface language (locale) and/or name; answers as GET /api/me' })
  @ApiOkResponse({ type: MeResponse })
  @ApiBadRequestResponse({
    description: 'A field is invalid or null, or neither locale nor name is given (the answer names the field)',
  })
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeRequest): Promise<MeResponse> {
    return this.profiles.update(userIdOf(principal), body);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one’s own password (the current one is required); other sessions end' })
  @ApiNoContentResponse()
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.admin.changeOwnPassword(principal.id, body.currentPassword, body.newPassword);
  }
}

function userIdOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new UnauthorizedException('This account is not active');
  return principal.id;
}
