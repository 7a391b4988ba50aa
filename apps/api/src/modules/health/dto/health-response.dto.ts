import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HealthStatus, ReadinessStatus } from '@xkx/contracts';

export class HealthResponseDto implements HealthStatus {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';
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

  @ApiPropertyOptional({ enum: ['up', 'down'], description: 'Only when REDIS_URL is configured' })
  queue?: 'up' | 'down';

  @ApiProperty()
  draining!: boolean;
}
