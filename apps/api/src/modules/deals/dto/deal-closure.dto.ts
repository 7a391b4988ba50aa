import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClosureDecision, DealClosureState } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { DealPersonDto } from './deal-response.dto';
import { trim } from '../../../common/validation/transforms';

export class DealClosureDto implements DealClosureState {
  @ApiProperty({ description: 'A side answered 不合适 and the broker has not decided yet' }) proposed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The side’s reason in words' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) proposedAt!: string | null;
  @ApiProperty({ type: DealPersonDto, nullable: true }) proposedBy!: DealPersonDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the scheduled job closes the deal as 未成交 if nobody acts' }) autoCloseAt!: string | null;
  @ApiProperty({ description: 'The caller may confirm or keep going' }) canDecide!: boolean;
}

/** The broker's decision on a side's 不合适. */
export class DecideClosureDto implements ClosureDecision {
  @ApiPropertyOptional({ description: 'The version you read; stale → 409 VERSION_CONFLICT' }) @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: 'Kept on the timeline' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}
