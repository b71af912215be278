import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from './auth.decorators';
import { SignInRequest, TokenResponse } from './dto';
import { TenantSignInService } from './tenant-sign-in.service';

@ApiTags('auth')
@Controller('api/auth')
export class TenantAuthController {
  constructor(private readonly signIns: TenantSignInService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: "Sign in to this province (on the province's own host)" })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address; see Retry-After' })
  login(@Body() body: SignInRequest, @Ip() address: string): Promise<TokenResponse> {
    return this.signIns.signIn(body.email, body.password, address);
  }
}
