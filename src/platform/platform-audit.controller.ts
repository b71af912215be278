import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { PlatformHost } from '../tenancy/host-scope';
import { PlatformAuditPageResponse, PlatformAuditQuery } from './dto/audit.dto';
import { PlatformAuditPage, PlatformAuditService } from './platform-audit.service';

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/audit')
export class PlatformAuditController {
  constructor(private readonly audit: PlatformAuditService) {}

  @Get()
  @ApiOperation({
    summary: "The platform audit log: every operator's actions, newest first",
    description:
      'Sign-ins (and failed ones), sign-outs, province create / retry / suspend / resume / domains / admin restore, ' +
      'operator add / disable / enable, migration runs and queue dashboard actions.',
  })
  @ApiOkResponse({ type: PlatformAuditPageResponse })
  @ApiBadRequestResponse({ description: 'A filter is malformed (named in `fields`)' })
  list(@Query() query: PlatformAuditQuery): Promise<PlatformAuditPage> {
    return this.audit.list(query);
  }
}
