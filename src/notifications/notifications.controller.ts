import { Controller, Get, HttpCode, Param, Post, Query, UnauthorizedException } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { Principal } from '../tenancy/tenant-context';
import { NotificationsPage, NotificationsQuery } from './dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@RequirePermission('profile.self')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user’s notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationsPage })
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationsQuery): Promise<NotificationsPage> {
    return this.notifications.list(userIdOf(principal), query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all of one’s notifications read' })
  markAllRead(@CurrentPrincipal() principal: Principal): Promise<{ marked: number }> {
    return this.notifications.markAllRead(userIdOf(principal));
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not one of the user’s notifications in this province' })
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUuidPipe('a notification id')) id: string,
  ): Promise<void> {
    await this.notifications.markRead(userIdOf(principal), id);
  }
}

function userIdOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new UnauthorizedException('Only province users have notifications');
  return principal.id;
}
