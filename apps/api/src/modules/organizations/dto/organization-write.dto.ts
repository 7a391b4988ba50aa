import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { OrganizationInput, OrganizationKind, OrganizationUpdate } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsAreaCode, IsCreditCode } from '../../../common/validation/validators';

const NEEDS_CREDIT_CODE: string[] = [OrganizationKind.ENTERPRISE, OrganizationKind.AGENCY];

export class CreateOrganizationDto implements OrganizationInput {
  @ApiProperty({ example: '南京栖霞新能源科技有限公司' }) @IsString() @MinLength(2) @MaxLength(200) nameZh!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) shortName?: string;
  @ApiProperty({ enum: Object.values(OrganizationKind) }) @IsEnum(OrganizationKind) kind!: OrganizationKind;
  @ApiProperty({ example: '320113' }) @IsAreaCode() areaCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;

  @ApiPropertyOptional({ description: '统一社会信用代码; required for enterprises and agencies' })
  @ValidateIf((o: CreateOrganizationDto) => NEEDS_CREDIT_CODE.includes(o.kind) || o.creditCode !== undefined)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCreditCode()
  creditCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() isHighTech?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isSpecialized?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isKeyMonitored?: boolean;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) implements OrganizationUpdate {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() verified?: boolean;
}
