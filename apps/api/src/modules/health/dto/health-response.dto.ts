import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FeedFreshness, HealthStatus, ReadinessStatus } from '@xkx/contracts';

export class FeedFreshnessDto implements FeedFreshness {
  @ApiProperty({ description: 'The last position written to the change feed' })
  head!: number;

  @ApiProperty({ description: "The lowest position this instance's consumers have applied" })
  position!: number;

  @ApiProperty({ description: 'Changes committed that this instance does not reflect yet (index freshness)' })
  behind!: number;
}

export class HealthResponseDto implements HealthStatus {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';

  @ApiPropertyOptional({ type: FeedFreshnessDto, description: 'Absent when the database does not answer' })
  feed?: FeedFreshnessDto;
}

export class LivenessResponseDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class ReadinessResponseDto implements ReadinessStatus {
  @ApiProperty({ enum: ['ready', 'not-ready'] })
  status!: 'ready' | 'not-ready';

  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';

  @ApiProperty({ enum: ['applied', 'pending', 'unknown'] })
  migrations!: 'applied' | 'pending' | 'unknown';

  @ApiProperty({ enum: ['loaded', 'loading'] })
  matching!: 'loaded' | 'loading';

  @ApiPropertyOptional({ type: FeedFreshnessDto, description: 'Absent when the database does not answer' })
  feed?: FeedFreshnessDto;

  @ApiPropertyOptional({ enum: ['up', 'down'], description: 'Only when REDIS_URL is configured' })
  queue?: 'up' | 'down';

  @ApiProperty()
  draining!: boolean;
}
