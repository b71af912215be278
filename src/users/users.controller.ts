import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { Principal } from '../tenancy/tenant-context';
import { CreateUserRequest, UpdateUserRequest, UsersQuery } from './dto';
import { UserAdminService } from './user-admin.service';

const UUID = new ParseUuidPipe('a user id');

@ApiTags('users')
@ApiBearerAuth()
@RequirePermission('users.manage')
@Controller('api/users')
export class UsersController {
  constructor(private readonly admin: UserAdminService) {}

  @Get()
  @ApiOperation({ summary: "The province's users (province administrators)" })
  list(@Query() query: UsersQuery) {
    return this.admin.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Invite a user: the answer carries the one-time invitation link' })
  @ApiConflictResponse({ description: 'The email is taken in this province' })
  invite(@Body() body: CreateUserRequest) {
    return this.admin.invite(body);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's profile or roles" })
  update(@Param('id', UUID) id: string, @Body() body: UpdateUserRequest, @CurrentPrincipal() actor: Principal) {
    return this.admin.update(id, body, actor.id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user: refresh stops now, access within its lifetime' })
  disable(@Param('id', UUID) id: string, @CurrentPrincipal() actor: Principal) {
    return this.admin.setEnabled(id, false, actor.id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled user again' })
  enable(@Param('id', UUID) id: string, @CurrentPrincipal() actor: Principal) {
    return this.admin.setEnabled(id, true, actor.id);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a one-time password reset link' })
  passwordReset(@Param('id', UUID) id: string) {
    return this.admin.passwordResetLink(id);
  }
}
