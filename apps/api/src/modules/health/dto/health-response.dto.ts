import { ApiProperty } from '@nestjs/swagger';
import { HealthStatus } from '@xkx/contracts';

export class HealthResponseDto implements HealthStatus {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';
}
