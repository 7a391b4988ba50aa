import { ApiProperty } from '@nestjs/swagger';
import { PlatformOverview } from '@xkx/contracts';

export class OverviewResponseDto implements PlatformOverview {
  @ApiProperty({ description: 'Universities and research institutes' }) institutions!: number;
  @ApiProperty() universities!: number;
  @ApiProperty() institutes!: number;
  @ApiProperty() enterprises!: number;
  @ApiProperty() agencies!: number;
}
