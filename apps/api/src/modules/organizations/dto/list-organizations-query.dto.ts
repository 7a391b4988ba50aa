import { ApiPropertyOptional } from '@nestjs/swagger';
import { OrganizationKind } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListOrganizationsQueryDto {
  @ApiPropertyOptional({ description: 'Chinese name, pinyin, pinyin initials (njdx → 南京大学) or an exact 统一社会信用代码' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: Object.values(OrganizationKind), isArray: true, description: 'One kind or a comma-separated list' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value))
  @IsArray()
  @IsEnum(OrganizationKind, { each: true })
  kind?: OrganizationKind[];

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
