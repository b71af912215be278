import { Body, Controller, HttpCode, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { SignInRequest, TokenResponse } from '../auth/dto';
import { TokenService } from '../auth/token.service';
import { PlatformHost } from '../tenancy/host-scope';
import { OperatorsService } from './operators.service';

@ApiTags('platform')
@PlatformHost()
@Controller('api/platform/auth')
export class PlatformAuthController {
  constructor(
    private readonly operators: OperatorsService,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Operator sign-in (platform host only); the token has audience "platform"' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  async login(@Body() body: SignInRequest, @Ip() address: string): Promise<TokenResponse> {
    const operator = await this.operators.verifyCredentials(body.email, body.password, address);
    if (!operator) throw new UnauthorizedException('Wrong email or password');
    return this.tokens.issueOperatorToken(operator);
  }
}
