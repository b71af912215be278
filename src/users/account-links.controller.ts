import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../tenancy/access.decorators';
import { SetPasswordWithTokenRequest } from './dto';
import { UserAdminService } from './user-admin.service';

/** Where one-time links land: the token proves the right to set the password once. */
@ApiTags('auth')
@Controller('api/auth')
export class AccountLinksController {
  constructor(private readonly admin: UserAdminService) {}

  @Public()
  @Post('accept-invitation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Accept an invitation: choose a password, the account becomes active' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'Invalid, used or expired link' })
  async acceptInvitation(@Body() body: SetPasswordWithTokenRequest): Promise<void> {
    await this.admin.setPasswordWithToken('invitation', body.token, body.password);
  }

  @Public()
  @Post('reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password from a reset link; existing sessions end' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'Invalid, used or expired link' })
  async resetPassword(@Body() body: SetPasswordWithTokenRequest): Promise<void> {
    await this.admin.setPasswordWithToken('password-reset', body.token, body.password);
  }
}
