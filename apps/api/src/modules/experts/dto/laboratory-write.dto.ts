import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LaboratoryInput, LaboratoryKind } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trim } from '../../../common/validation/transforms';
import { FIELD_CODE } from '@xkx/api/modules/listings/dto/result-write.dto';
import { ResearchOutputDto } from './research-output.dto';

export class CreateLaboratoryDto implements LaboratoryInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId!: string;
  @ApiProperty({ example: '固体微结构物理全国重点实验室' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(200) nameZh!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) nameEn?: string | null;
  @ApiProperty({ enum: Object.values(LaboratoryKind) }) @IsEnum(LaboratoryKind) kind!: LaboratoryKind;
  @ApiProperty({ example: ['NM'] }) @IsArray() @ArrayMaxSize(8) @Matches(FIELD_CODE, { each: true }) fieldCodes!: string[];
  @ApiProperty() @Transform(trim) @IsString() @MinLength(4) @MaxLength(2000) directions!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50) headName?: string | null;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) summary?: string;
  @ApiPropertyOptional({ type: [ResearchOutputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ResearchOutputDto) outputs?: ResearchOutputDto[];
}

export class UpdateLaboratoryDto extends PartialType(CreateLaboratoryDto) {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @IsInt() @Min(1) version!: number;
}
