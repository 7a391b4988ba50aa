import { ApiPropertyOptional } from '@nestjs/swagger';
import { OrganizationKind } from '@xkx/contracts';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListOrganizationsQueryDto {
  @ApiPropertyOptional({ description: 'Chinese name, pinyin or pinyin initials (njdx → 南京大学)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: Object.values(OrganizationKind) })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
