import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { NeedInput, NeedType, NeedUpdate, TransferMode } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsISO8601, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { trim, trimAll } from './transforms';
import { IndicatorDto, MoneyRangeDto } from './listing-parts.dto';
import { FIELD_CODE } from './result-write.dto';


/** What an enterprise (or a broker for it) writes about a technology need. */
export class CreateNeedDto implements NeedInput {
  @ApiProperty({ example: '动力电池包热失控早期预警技术需求' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(200) title!: string;
  @ApiProperty({ description: 'Public layer' }) @Transform(trim) @IsString() @MinLength(20) @MaxLength(5000) publicSummary!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(20000) confidentialDetail?: string | null;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(4) @MaxLength(5000) problem!: string;
  @ApiProperty({ type: [IndicatorDto] }) @IsArray() @ArrayMaxSize(30) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => IndicatorDto) indicators!: IndicatorDto[];
  @ApiProperty({ type: [String] }) @Transform(trimAll) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(300, { each: true }) mustHaves!: string[];
  @ApiProperty({ type: [String] }) @Transform(trimAll) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(300, { each: true }) niceToHaves!: string[];
  @ApiProperty({ example: ['NE.BAT'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @Matches(FIELD_CODE, { each: true }) fieldCodes!: string[];
  @ApiProperty({ type: [String] }) @Transform(trimAll) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(30, { each: true }) keywords!: string[];
  @ApiProperty({ enum: Object.values(NeedType) }) @IsEnum(NeedType) needType!: NeedType;
  @ApiProperty({ enum: Object.values(TransferMode), isArray: true }) @IsArray() @ArrayMinSize(1) @IsEnum(TransferMode, { each: true }) cooperationModes!: TransferMode[];
  @ApiProperty({ type: MoneyRangeDto }) @ValidateNested() @Type(() => MoneyRangeDto) budget!: MoneyRangeDto;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '揭榜挂帅 bounty in fen' }) @IsOptional() @ValidateIf((o: CreateNeedDto) => o.bountyFen !== null) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) bountyFen?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 9 }) @IsOptional() @ValidateIf((o: CreateNeedDto) => o.minTrl !== null) @IsInt() @Min(1) @Max(9) minTrl?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-06-30' }) @IsOptional() @ValidateIf((o: CreateNeedDto) => o.deadline !== null) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) deadline?: string | null;
  @ApiProperty({ example: '2027-12-31' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) validUntil!: string;
  @ApiPropertyOptional({ description: 'Hide the enterprise name on the portal' }) @IsOptional() @IsBoolean() anonymous?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Brokers entering a need for an enterprise' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class UpdateNeedDto extends PartialType(OmitType(CreateNeedDto, ['organizationId'] as const)) implements NeedUpdate {
  @ApiProperty({ description: 'The version you read; a stale one gets 409 and nothing is written' }) @IsInt() @Min(1) version!: number;
}
