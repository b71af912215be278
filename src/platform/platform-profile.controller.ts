import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Public, RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { AppConfig } from '../config/app-config';
import { PlatformHost } from '../tenancy/host-scope';
import { Principal } from '../tenancy/tenant-context';
import { OperatorMeResponse, PlatformProfileResponse } from './dto/operator.dto';
import { OperatorsService } from './operators.service';

/** Platform name; the console has no branding setting of its own. */
const PLATFORM_NAME = 'Daftar';

@ApiTags('platform')
@PlatformHost()
@Controller('api/platform')
export class PlatformProfileController {
  constructor(
    private readonly operators: OperatorsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('profile')
  @ApiOperation({
    summary: 'What this host is: the operator console (the web app asks when /api/tenant answers 404)',
  })
  @ApiOkResponse({ type: PlatformProfileResponse })
  @ApiNotFoundResponse({ description: 'Asked on a province host' })
  profile(): PlatformProfileResponse {
    return { kind: 'platform', name: PLATFORM_NAME, domain: this.config.baseDomain };
  }

  @Get('me')
  @ApiBearerAuth()
  @RequirePermission(PLATFORM_PERMISSION)
  @ApiOperation({ summary: 'The signed-in operator' })
  @ApiOkResponse({ type: OperatorMeResponse })
  @ApiUnauthorizedResponse({ description: 'No operator token, or the operator has been disabled' })
  async me(@CurrentPrincipal() principal: Principal): Promise<OperatorMeResponse> {
    const { id, email, name, status, lastLoginAt } = await this.operators.get(principal.id);
    return { id, email, name, status, lastLoginAt };
  }
}
