import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { TokenService } from '../auth/token.service';
import { AppConfig } from '../config/app-config';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_ROUTE } from '../platform/queue-board-cookie';
import { PlatformAuditService } from '../platform/platform-audit.service';
import { PlatformHost } from '../tenancy/host-scope';
import { Principal } from '../tenancy/tenant-context';

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/queues')
export class QueueBoardSessionController {
  constructor(
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    private readonly audit: PlatformAuditService,
  ) {}

  /**
   * The dashboard is a page the browser navigates to, which carries no Authorization header: this
   * puts a fresh operator access token (same lifetime) in an httpOnly, SameSite=Strict, host-only
   * cookie sent only under the dashboard's path. The console calls it, then opens the dashboard.
   */
  @Post('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Let this browser open the queue dashboard (sets the daftar_operator_board cookie)' })
  @ApiNoContentResponse({ description: 'Cookie set; open /api/platform/queues' })
  async open(@CurrentPrincipal() operator: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = await this.tokens.issueOperatorToken(operator);
    res.cookie(QUEUE_BOARD_COOKIE, token.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      path: QUEUE_BOARD_ROUTE,
      secure: this.config.publicUrlScheme === 'https',
      maxAge: token.expiresIn * 1000,
    });
    await this.audit.record('queues.opened', null);
  }
}
