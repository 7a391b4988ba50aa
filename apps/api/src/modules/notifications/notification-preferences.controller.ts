import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @Authenticated(Permission.PROFILE_MANAGE)
  @ApiOkResponse({ type: NotificationPreferencesDto, description: 'The caller’s reminder settings (defaults until saved)' })
  get(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesDto> {
    return this.preferences.get(user.id);
  }

  @Put()
  @Authenticated(Permission.PROFILE_MANAGE)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  update(@Body() dto: UpdateNotificationPreferencesDto, @CurrentUser() user: AuthUser): Promise<NotificationPreferencesDto> {
    return this.preferences.update(user.id, dto);
  }
}
