import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CarrierBody, CarrierDetail, CarrierKind, CarrierList, CarrierSummary, UpdateCarrierBody } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';
import { trim } from '../../../common/validation/transforms';
import { FIELD_CODE } from '@xkx/api/modules/listings/dto/result-write.dto';
import { InnovationCarrierEntity } from '../entities/innovation-carrier.entity';

/** Up to 10 million m² and ¥21 million per m² per month: far beyond any real carrier, inside an int column. */
const MAX_AREA = 10_000_000;
const MAX_PRICE_FEN = 2_000_000_000;
const PHONE = /^[0-9+\-() ]{5,30}$/;

export class CreateCarrierDto implements CarrierBody {
  @ApiProperty({ example: '南京大学科技园' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) nameZh!: string;
  @ApiPropertyOptional({ example: 'Nanjing University Science Park' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) nameEn?: string;
  @ApiProperty({ enum: Object.values(CarrierKind) }) @IsEnum(CarrierKind) kind!: CarrierKind;
  @ApiProperty({ example: '南京市栖霞区仙林大道 163 号' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(300) address!: string;
  @ApiPropertyOptional({ description: 'm²', example: 120000 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_AREA) totalAreaM2?: number;
  @ApiProperty({ description: '可租面积, m²', example: 8000 }) @IsInt() @Min(0) @Max(MAX_AREA) availableAreaM2!: number;
  @ApiPropertyOptional({ description: 'fen per m² per month', example: 4500 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PRICE_FEN) priceMinFenPerM2Month?: number;
  @ApiPropertyOptional({ description: 'fen per m² per month', example: 9000 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PRICE_FEN) priceMaxFenPerM2Month?: number;
  @ApiProperty({ example: ['EI', 'AI'] }) @IsArray() @ArrayMaxSize(10) @Matches(FIELD_CODE, { each: true }) fieldCodes!: string[];
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(4000) description?: string;
  @ApiProperty({ example: '李老师' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(50) contactName!: string;
  @ApiProperty({ example: '025-85550000' }) @Transform(trim) @IsString() @Matches(PHONE) contactPhone!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsEmail() @MaxLength(200) contactEmail?: string;
  @ApiPropertyOptional({ description: 'Demo facts that are illustrative' }) @IsOptional() @IsBoolean() illustrative?: boolean;
}

export class UpdateCarrierDto extends PartialType(CreateCarrierDto) implements UpdateCarrierBody {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ListCarriersQueryDto {
  @ApiPropertyOptional({ description: 'Name or address contains' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: Object.values(CarrierKind) }) @IsOptional() @IsEnum(CarrierKind) kind?: CarrierKind;
  @ApiPropertyOptional({ description: 'Carriers suited to this field or a field below it (NE matches NE.BAT)' }) @IsOptional() @Matches(FIELD_CODE) fieldCode?: string;
  @ApiPropertyOptional({ description: 'At least this much available area, m²' }) @IsOptional() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value)) @IsInt() @Min(0) minAreaM2?: number;
  @PageLimit(50, 200) limit = 50;
  @PageOffset() offset = 0;
}

export class CarrierSummaryDto implements CarrierSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ enum: Object.values(CarrierKind) }) kind!: CarrierKind;
  @ApiProperty() address!: string;
  @ApiProperty({ description: 'm²' }) availableAreaM2!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'fen per m² per month' }) priceMinFenPerM2Month!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'fen per m² per month' }) priceMaxFenPerM2Month!: number | null;
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty() illustrative!: boolean;

  static from(e: InnovationCarrierEntity): CarrierSummaryDto {
    return Object.assign(new CarrierSummaryDto(), {
      id: e.id, nameZh: e.nameZh, nameEn: e.nameEn, kind: e.kind, address: e.address, availableAreaM2: e.availableAreaM2,
      priceMinFenPerM2Month: e.priceMinFenPerM2Month, priceMaxFenPerM2Month: e.priceMaxFenPerM2Month, fieldCodes: e.fieldCodes, illustrative: e.illustrative,
    });
  }
}

export class CarrierDetailDto extends CarrierSummaryDto implements CarrierDetail {
  @ApiProperty({ type: Number, nullable: true }) totalAreaM2!: number | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactPhone!: string;
  @ApiProperty({ type: String, nullable: true }) contactEmail!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Landings recorded in this carrier, all years' }) landings!: number;
  @ApiProperty() version!: number;

  static detail(e: InnovationCarrierEntity, landings: number): CarrierDetailDto {
    return Object.assign(new CarrierDetailDto(), CarrierSummaryDto.from(e), {
      totalAreaM2: e.totalAreaM2, description: e.description, contactName: e.contactName, contactPhone: e.contactPhone,
      contactEmail: e.contactEmail, active: e.active, landings, version: e.version,
    });
  }
}

export class CarrierListDto implements CarrierList {
  @ApiProperty({ type: [CarrierSummaryDto] }) items!: CarrierSummaryDto[];
  @ApiProperty() total!: number;
}
