import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Indicator, IpAsset, IpStatus, IpType, MoneyRange, Owner, PATENT_IP_TYPES, PriceType, ResultPrice } from '@xkx/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { IsPatentNumber, MaxDecimalPlaces } from '../../../common/validation/validators';

export class IndicatorDto implements Indicator {
  @ApiProperty({ example: '能量密度' }) @IsString() @MinLength(1) @MaxLength(60) name!: string;
  @ApiProperty({ example: '≥ 300' }) @IsString() @MinLength(1) @MaxLength(60) value!: string;
  @ApiPropertyOptional({ example: 'Wh/kg' }) @IsOptional() @IsString() @MaxLength(30) unit?: string;
}

export class IpAssetDto implements IpAsset {
  @ApiProperty({ enum: Object.values(IpType) }) @IsEnum(IpType) type!: IpType;

  @ApiProperty({ example: 'CN202310123456.6', description: 'Patents: a CNIPA application or publication number (check digit verified)' })
  @IsString()
  @MinLength(3)
  @MaxLength(60)
  @ValidateIf((o: IpAssetDto) => PATENT_IP_TYPES.includes(o.type))
  @IsPatentNumber()
  number!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiProperty({ enum: Object.values(IpStatus) }) @IsEnum(IpStatus) status!: IpStatus;
}

export class OwnerDto implements Owner {
  @ApiProperty({ example: '南京大学' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsNumber() @MaxDecimalPlaces(2) @Min(0) @Max(100) sharePercent?: number;
}

/** max ≥ min, when both are given. */
function IsNotBelow(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBelow',
      constraints: [property],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          return typeof value !== 'number' || typeof other !== 'number' || value >= other;
        },
        defaultMessage: () => `must not be below ${property}`,
      },
    },
    options,
  );
}

/** A price or budget in integer fen; 面议 (negotiable) carries no figures. */
export class MoneyRangeDto implements MoneyRange {
  @ApiProperty({ description: '面议: no figures' }) @IsBoolean() negotiable!: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'fen (1 yuan = 100 fen)', example: 50000000 })
  @ValidateIf((o: MoneyRangeDto) => !o.negotiable || (o.minFen !== null && o.minFen !== undefined))
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minFen!: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'fen', example: 120000000 })
  @ValidateIf((o: MoneyRangeDto) => !o.negotiable || (o.maxFen !== null && o.maxFen !== undefined))
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsNotBelow('minFen')
  maxFen!: number | null;
}

export class PriceDto extends MoneyRangeDto implements ResultPrice {
  @ApiPropertyOptional({ enum: Object.values(PriceType), nullable: true })
  @ValidateIf((o: PriceDto) => !o.negotiable)
  @IsEnum(PriceType)
  priceType!: PriceType | null;
}

export const NestedArray = (cls: new () => object): PropertyDecorator => Type(() => cls);
