import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from './auth.decorators';
import { RefreshRequest, SessionResponse, SignInRequest } from './dto';
import { TenantSignInService } from './tenant-sign-in.service';

@ApiTags('auth')
@Controller('api/auth')
export class TenantAuthController {
  constructor(private readonly signIns: TenantSignInService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: "Sign in to this province (on the province's own host)" })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address; see Retry-After' })
  login(@Body() body: SignInRequest, @Ip() address: string): Promise<SessionResponse> {
    return this.signIns.signIn(body.email, body.password, address);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new access token and the next refresh token' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired or already used (which revokes its family)' })
  refresh(@Body() body: RefreshRequest): Promise<SessionResponse> {
    return this.signIns.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out: the refresh token's family stops working" })
  async logout(@Body() body: RefreshRequest): Promise<void> {
    await this.signIns.logout(body.refreshToken);
  }
}
