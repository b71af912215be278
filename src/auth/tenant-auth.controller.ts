import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UsersService } from '../users/users.service';
import { Public } from './auth.decorators';
import { SignInRequest, TokenResponse } from './dto';
import { PasswordHasher } from './password-hasher.service';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('api/auth')
export class TenantAuthController {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly db: TenantDatabase,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: "Sign in to this province (on the province's own host)" })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for both)' })
  async login(@Body() body: SignInRequest): Promise<TokenResponse> {
    const user = await this.users.findForSignIn(body.email);
    const ok = await this.hasher.verify(user?.passwordHash, body.password);
    if (!user || !ok || user.status !== 'active') throw new UnauthorizedException('Wrong email or password');
    return this.tokens.issueUserToken(this.db.currentTenant().id, user);
  }
}
