import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { OrganizationInput, OrganizationKind, OrganizationUpdate } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { DATE_ONLY, IsAreaCode, IsCreditCode } from '../../../common/validation/validators';

/** Absent: unchanged; null: cleared. */
const nullable = (o: object, v: unknown): boolean => v !== null && v !== undefined;

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

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GR202432001234', description: '高新技术企业证书编号' })
  @ValidateIf(nullable) @IsString() @MinLength(4) @MaxLength(50) highTechCertNo?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-11-19' }) @ValidateIf(nullable) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) highTechIssuedOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-11-18' }) @ValidateIf(nullable) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) highTechExpiresOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '专精特新认定编号' })
  @ValidateIf(nullable) @IsString() @MinLength(4) @MaxLength(50) specializedCertNo?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf(nullable) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) specializedIssuedOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @ValidateIf(nullable) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) specializedExpiresOn?: string | null;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) implements OrganizationUpdate {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() verified?: boolean;
}
