import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ResultForm, ResultInput, ResultStage, ResultUpdate, TransferMode } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsISO8601, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trim, trimAll } from './transforms';
import { IndicatorDto, IpAssetDto, OwnerDto, PriceDto } from './listing-parts.dto';


export const FIELD_CODE = /^[A-Z]{2,4}(\.[A-Z0-9]{1,8})*$/;

/** What a researcher (or a broker for them) writes about a technology result. */
export class CreateResultDto implements ResultInput {
  @ApiProperty({ example: '高镍三元正极材料表面包覆改性技术' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(200) title!: string;
  @ApiProperty({ example: '循环寿命提升 40%，成本增加不到 3%' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(300) valueProposition!: string;
  @ApiProperty({ description: 'Public layer, shown on the portal' }) @Transform(trim) @IsString() @MinLength(20) @MaxLength(5000) publicSummary!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Shown only after an NDA to parties a broker lets in' }) @IsOptional() @IsString() @MaxLength(20000) confidentialDetail?: string | null;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(4) @MaxLength(5000) problemSolved!: string;
  @ApiProperty({ description: 'Advantages over existing solutions, quantified' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(5000) advantages!: string;
  @ApiProperty({ type: [IndicatorDto] }) @IsArray() @ArrayMaxSize(30) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => IndicatorDto) indicators!: IndicatorDto[];
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(5000) applications!: string;
  @ApiProperty({ example: ['NE.BAT'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @Matches(FIELD_CODE, { each: true }) fieldCodes!: string[];
  @ApiProperty({ example: ['正极材料', '锂离子电池'] }) @Transform(trimAll) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(30, { each: true }) keywords!: string[];
  @ApiProperty({ enum: Object.values(ResultForm) }) @IsEnum(ResultForm) form!: ResultForm;
  @ApiProperty({ minimum: 1, maximum: 9, description: 'TRL per GB/T 22900-2009' }) @IsInt() @Min(1) @Max(9) trl!: number;
  @ApiProperty({ enum: Object.values(ResultStage) }) @IsEnum(ResultStage) stage!: ResultStage;
  @ApiProperty({ type: [IpAssetDto] }) @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => IpAssetDto) ipAssets!: IpAssetDto[];
  @ApiProperty({ type: [OwnerDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => OwnerDto) owners!: OwnerDto[];
  @ApiProperty({ example: ['张伟', '李娜'] }) @Transform(trimAll) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true }) inventors!: string[];
  @ApiProperty({ description: '职务成果' }) @IsBoolean() serviceInvention!: boolean;
  @ApiProperty({ enum: Object.values(TransferMode), isArray: true }) @IsArray() @ArrayMinSize(1) @IsEnum(TransferMode, { each: true }) transferModes!: TransferMode[];
  @ApiProperty({ type: PriceDto }) @ValidateNested() @Type(() => PriceDto) price!: PriceDto;
  @ApiProperty({ example: '2027-12-31', description: 'The listing expires after this date unless renewed' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) validUntil!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Brokers entering a result for an institution' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class UpdateResultDto extends PartialType(OmitType(CreateResultDto, ['organizationId'] as const)) implements ResultUpdate {
  @ApiProperty({ description: 'The version you read; a stale one gets 409 and nothing is written' }) @IsInt() @Min(1) version!: number;
}
