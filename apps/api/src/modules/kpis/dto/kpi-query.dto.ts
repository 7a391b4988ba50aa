import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InstitutionTargetBody, KpiBasis, KpiDimension, KpiTargetsBody, KpiView, RelatedPartyBody, RndSpendingBody } from '@xkx/contracts';
import { shanghaiYear } from '@xkx/util';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';
import { trim } from '../../../common/validation/transforms';
import { IsFen } from '../../../common/validation/validators';

/** The current calendar year in Asia/Shanghai. */
export const currentYear = (): number => shanghaiYear();

export class KpiYearQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year (Asia/Shanghai)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number = currentYear();
}

export class KpiFiguresQueryDto extends KpiYearQueryDto {
  @ApiPropertyOptional({ enum: Object.values(KpiView), default: KpiView.REGISTERED })
  @IsOptional() @IsEnum(KpiView)
  view: KpiView = KpiView.REGISTERED;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the contracts of this institution' })
  @IsOptional() @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({ example: 'NE', description: 'Only contracts whose deal’s first field is this field or below it' })
  @IsOptional() @IsString() @Matches(/^[A-Z0-9_.-]{1,40}$/)
  fieldCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only contracts whose deal has this user as a broker participant (lead or not); the headline then has no target' })
  @IsOptional() @IsUUID()
  brokerId?: string;
}

export class KpiFunnelQueryDto extends KpiYearQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this broker’s deals, the introductions he asked for or that became his deals, and his own match verdicts' })
  @IsOptional() @IsUUID()
  brokerId?: string;
}

export class KpiBreakdownQueryDto extends KpiFiguresQueryDto {
  @ApiProperty({ enum: Object.values(KpiDimension) })
  @IsEnum(KpiDimension)
  dimension!: KpiDimension;
}

export class KpiRecordsQueryDto extends KpiFiguresQueryDto {
  @ApiPropertyOptional({ enum: Object.values(KpiDimension), description: 'With key: the contracts behind one bar' })
  @IsOptional() @IsEnum(KpiDimension)
  dimension?: KpiDimension;

  @ApiPropertyOptional({ example: '03', description: 'The bar’s key, as the breakdown returned it' })
  @IsOptional() @IsString() @MaxLength(260)
  key?: string;

  @ApiPropertyOptional({ enum: Object.values(KpiBasis), default: KpiBasis.SIGNED, description: 'signed: contracts signed in the year; paid: contracts with money received in the year' })
  @IsOptional() @IsEnum(KpiBasis)
  basis: KpiBasis = KpiBasis.SIGNED;

  @PageLimit(1000, 10_000) limit = 1000;
  @PageOffset() offset = 0;
}

export class InstitutionTargetInputDto implements InstitutionTargetBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId!: string;
  @ApiProperty({ example: 40 }) @IsInt() @Min(0) @Max(1_000_000) projects!: number;
  @ApiProperty({ description: 'fen', example: 200_000_000_000 }) @IsFen() contractAmountFen!: number;
}

export class PutKpiTargetsDto implements KpiTargetsBody {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 165 }) @IsInt() @Min(0) @Max(1_000_000) projects!: number;
  @ApiProperty({ description: '合同成交额 target, fen', example: 840_000_000_000 }) @IsFen() contractAmountFen!: number;
  @ApiPropertyOptional({ type: [InstitutionTargetInputDto], description: 'Replaces the year’s per-institution targets; omit to keep them' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => InstitutionTargetInputDto)
  institutions?: InstitutionTargetInputDto[];
}

export class PutRndSpendingDto implements RndSpendingBody {
  @ApiProperty({ description: '研发投入, fen', example: 1_234_567_891 }) @IsFen() amountFen!: number;
  @ApiPropertyOptional({ example: '依据年度财务报表', description: 'Omitted: the stored note is kept; empty: the note is cleared' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) note?: string;
}

export class PutRelatedPartyDto implements RelatedPartyBody {
  @ApiProperty({ description: 'true marks the contract as a related-party deal (no subsidy); false removes the mark' })
  @IsBoolean()
  related!: boolean;

  @ApiPropertyOptional({ example: '买方为卖方全资子公司' }) @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(500) reason?: string;
}

export class KpiPublicQueryDto extends KpiYearQueryDto {
  @ApiPropertyOptional({ enum: Object.values(KpiView), default: KpiView.REGISTERED })
  @IsOptional() @IsEnum(KpiView)
  view: KpiView = KpiView.REGISTERED;
}

export class RndSpendingParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId!: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class ContractIdParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() contractId!: string;
}

export class MonthlyReportQueryDto {
  @ApiProperty({ example: '2026-11', description: 'The month reported on, YYYY-MM' })
  @Matches(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/)
  month!: string;
}
