import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NotificationItem, NotificationKind, NotificationList } from '@xkx/contracts';
import { IsBoolean, IsOptional } from 'class-validator';
import { Transform } from 'class-transformer';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { NotificationEntity } from '../notification.entity';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unreadOnly = false;
}

export class NotificationDto implements NotificationItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(NotificationKind) }) kind!: NotificationKind;
  @ApiProperty({ description: 'Chinese title' }) title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'English title (null on older notifications)' }) titleEn!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) dealId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'D2026-000004', description: 'The deal’s code, for its address' }) dealCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Web path where the news is acted on, when not a deal' }) link!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(n: NotificationEntity, dealCodes: ReadonlyMap<string, string>): NotificationDto {
    const dealCode = n.dealId ? (dealCodes.get(n.dealId) ?? null) : null;
    return { id: n.id, kind: n.kind, title: n.title, titleEn: n.titleEn, body: n.body, dealId: n.dealId, dealCode, link: n.link, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
  }
}

export class NotificationListDto implements NotificationList {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() unread!: number;
}

export class MarkedReadDto {
  @ApiProperty() updated!: number;
}
