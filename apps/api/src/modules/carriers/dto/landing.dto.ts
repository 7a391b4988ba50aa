import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DealLanding, Landing, LandingBody, LandingKind } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trim } from '../../../common/validation/transforms';
import { DATE_ONLY, IsCreditCode } from '../../../common/validation/validators';

export class PutLandingDto implements LandingBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() carrierId!: string;
  @ApiProperty({ description: 'm²', example: 1200 }) @IsInt() @Min(1) @Max(10_000_000) areaM2!: number;
  @ApiProperty({ enum: Object.values(LandingKind) }) @IsEnum(LandingKind) kind!: LandingKind;
  @ApiProperty({ example: '南京栖霞锂电新材料有限公司' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) companyName!: string;
  @ApiPropertyOptional({ description: '统一社会信用代码 of the company' })
  @IsOptional() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @IsCreditCode()
  companyCreditCode?: string;
  @ApiProperty({ example: 45 }) @IsInt() @Min(0) @Max(1_000_000) jobsPlanned!: number;
  @ApiProperty({ example: '2026-05-20', description: 'Not before the deal’s contract was signed, not in the future' }) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) landedOn!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ description: 'The stored landing’s version, when correcting it' }) @IsOptional() @IsInt() @Min(1) version?: number;
}

export class LandingDto implements Landing {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ format: 'uuid' }) carrierId!: string;
  @ApiProperty() carrierName!: string;
  @ApiProperty() areaM2!: number;
  @ApiProperty({ enum: Object.values(LandingKind) }) kind!: LandingKind;
  @ApiProperty() companyName!: string;
  @ApiProperty({ type: String, nullable: true }) companyCreditCode!: string | null;
  @ApiProperty() jobsPlanned!: number;
  @ApiProperty({ format: 'date' }) landedOn!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Name of the broker who recorded it' }) recordedBy!: string | null;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class DealLandingDto implements DealLanding {
  @ApiProperty({ type: LandingDto, nullable: true }) landing!: LandingDto | null;
  @ApiProperty() canRecord!: boolean;
}
