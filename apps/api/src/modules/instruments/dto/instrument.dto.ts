import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  Instrument, InstrumentAnswerBody, InstrumentBody, InstrumentList, InstrumentPriceUnit, InstrumentRequest, InstrumentRequestBody, InstrumentRequestList, InstrumentRequestQuery, InstrumentRequestStatus,
} from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';
import { trim } from '../../../common/validation/transforms';
import { DATE_ONLY, IsFen } from '../../../common/validation/validators';

export class CreateInstrumentDto implements InstrumentBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() laboratoryId!: string;
  @ApiProperty({ example: '场发射扫描电子显微镜' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) nameZh!: string;
  @ApiProperty({ example: 'Zeiss Sigma 300' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) model!: string;
  @ApiProperty({ example: '材料表面形貌观察，分辨率 1.2 nm；配能谱仪做元素分析' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(4000) capability!: string;
  @ApiProperty({ example: '仙林校区化学楼 B102' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(300) location!: string;
  @ApiProperty({ example: '提前 3 个工作日预约；样品须干燥、导电' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(4000) bookingTerms!: string;
  @ApiProperty({ description: 'fen per unit', example: 40_000 }) @IsFen() priceFen!: number;
  @ApiProperty({ enum: Object.values(InstrumentPriceUnit) }) @IsEnum(InstrumentPriceUnit) priceUnit!: InstrumentPriceUnit;
}

export class UpdateInstrumentDto extends PartialType(CreateInstrumentDto) {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ListInstrumentsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() laboratoryId?: string;
  @ApiPropertyOptional({ description: 'Name, model or capability contains' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
  @PageLimit(50, 200) limit = 50;
  @PageOffset() offset = 0;
}

export class CreateInstrumentRequestDto implements InstrumentRequestBody {
  @ApiProperty({ example: '锂电正极材料包覆层形貌与元素分布表征，约 6 个样品' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(2000) purpose!: string;
  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(10_000) quantity!: number;
  @ApiPropertyOptional({ example: '2026-12-20' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE_ONLY) preferredOn?: string;
}

export class AnswerInstrumentRequestDto implements InstrumentAnswerBody {
  @ApiProperty() @IsBoolean() accept!: boolean;
  @ApiPropertyOptional({ description: 'Required to accept: the fee in fen (0 = free of charge)' })
  @ValidateIf((o: AnswerInstrumentRequestDto) => o.accept === true || o.feeFen !== undefined) @IsFen() feeFen?: number;
  @ApiPropertyOptional({ description: 'Required to decline: the reason the enterprise reads' })
  @ValidateIf((o: AnswerInstrumentRequestDto) => o.accept === false || o.note !== undefined) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) note?: string;
}

export class ListInstrumentRequestsQueryDto implements InstrumentRequestQuery {
  @ApiPropertyOptional({ enum: Object.values(InstrumentRequestStatus) }) @IsOptional() @IsEnum(InstrumentRequestStatus) status?: InstrumentRequestStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only requests for this laboratory’s instruments' }) @IsOptional() @IsUUID() laboratoryId?: string;
  @PageLimit(50, 200) limit = 50;
  @PageOffset() offset = 0;
}

export class InstrumentDto implements Instrument {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) laboratoryId!: string;
  @ApiProperty() laboratoryName!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty() model!: string;
  @ApiProperty() capability!: string;
  @ApiProperty() location!: string;
  @ApiProperty() bookingTerms!: string;
  @ApiProperty({ description: 'fen per unit' }) priceFen!: number;
  @ApiProperty({ enum: Object.values(InstrumentPriceUnit) }) priceUnit!: InstrumentPriceUnit;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}

export class InstrumentListDto implements InstrumentList {
  @ApiProperty({ type: [InstrumentDto] }) items!: InstrumentDto[];
  @ApiProperty() total!: number;
}

export class InstrumentRequestDto implements InstrumentRequest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) instrumentId!: string;
  @ApiProperty() instrumentName!: string;
  @ApiProperty({ format: 'uuid' }) laboratoryId!: string;
  @ApiProperty() laboratoryName!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ type: String, nullable: true }) requestedBy!: string | null;
  @ApiProperty() purpose!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) preferredOn!: string | null;
  @ApiProperty({ enum: Object.values(InstrumentRequestStatus) }) status!: InstrumentRequestStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) feeFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) answerNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) dealId!: string | null;
  @ApiProperty({ type: String, nullable: true }) dealCode!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() canAnswer!: boolean;
}

export class InstrumentRequestListDto implements InstrumentRequestList {
  @ApiProperty({ type: [InstrumentRequestDto] }) items!: InstrumentRequestDto[];
  @ApiProperty() total!: number;
}
