import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ListNotificationsQueryDto, MarkedReadDto, NotificationDto, NotificationListDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated(null)
  @ApiOkResponse({ type: NotificationListDto, description: 'The caller’s notifications, newest first' })
  async list(@Query() query: ListNotificationsQueryDto, @CurrentUser() user: AuthUser): Promise<NotificationListDto> {
    const page = await this.notifications.list(user.id, query.unreadOnly, query.limit, query.offset);
    return { items: page.items.map((n) => NotificationDto.from(n, page.dealCodes)), total: page.total, unread: page.unread };
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @Authenticated(null)
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentUser() user: AuthUser): Promise<MarkedReadDto> {
    return { updated: await this.notifications.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated(null)
  @ApiNoContentResponse()
  read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }
}
