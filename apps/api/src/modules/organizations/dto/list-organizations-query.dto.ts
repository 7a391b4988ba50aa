import { ApiPropertyOptional } from '@nestjs/swagger';
import { OrganizationKind, OrganizationListQuery } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';

export class ListOrganizationsQueryDto implements OrganizationListQuery {
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

  @PageLimit(20, 100) limit = 20;
  @PageOffset() offset = 0;
}
