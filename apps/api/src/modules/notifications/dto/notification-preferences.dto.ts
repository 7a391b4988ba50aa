import { ApiProperty } from '@nestjs/swagger';
import { NotificationPreferences } from '@xkx/contracts';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

export class NotificationPreferencesDto implements NotificationPreferences {
  @ApiProperty({ description: 'The daily digest of overdue items also goes out by mail' }) digestMail!: boolean;
  @ApiProperty({ minimum: 0, maximum: 23, description: 'Hour (China time) from which the daily digest is sent' }) digestHour!: number;
  @ApiProperty({ description: 'A weekly mail of new matches for one’s published listings' }) weeklyMatches!: boolean;
}

export class UpdateNotificationPreferencesDto implements NotificationPreferences {
  @ApiProperty()
  @IsBoolean()
  digestMail!: boolean;

  @ApiProperty({ minimum: 0, maximum: 23 })
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour!: number;

  @ApiProperty()
  @IsBoolean()
  weeklyMatches!: boolean;
}
