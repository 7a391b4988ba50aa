import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ExpertAvailability, ExpertCooperationMode, ExpertInput, ExpertTitle } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsEnum, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trim } from '../../../common/validation/transforms';
import { FIELD_CODE } from '@xkx/api/modules/listings/dto/result-write.dto';
import { ResearchOutputDto } from './research-output.dto';

const PHONE = /^[0-9+\-() ]{5,20}$/;

/** An expert profile as a researcher (their own) or a broker writes it. */
export class CreateExpertDto implements ExpertInput {
  @ApiProperty({ example: '王立新' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(50) nameZh!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) nameEn?: string | null;
  @ApiProperty({ enum: Object.values(ExpertTitle) }) @IsEnum(ExpertTitle) title!: ExpertTitle;
  @ApiPropertyOptional({ format: 'uuid', description: 'Brokers choose; a researcher files under their own organization' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() laboratoryId?: string | null;
  @ApiProperty({ example: ['NE.BAT'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @Matches(FIELD_CODE, { each: true }) fieldCodes!: string[];
  @ApiProperty({ example: '高比能锂离子电池正极材料；固态电解质界面' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(2000) directions!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) bio?: string;
  @ApiPropertyOptional({ type: [ResearchOutputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ResearchOutputDto) outputs?: ResearchOutputDto[];
  @ApiProperty({ enum: Object.values(ExpertCooperationMode), isArray: true }) @IsArray() @ArrayMinSize(1) @IsEnum(ExpertCooperationMode, { each: true }) cooperationModes!: ExpertCooperationMode[];
  @ApiProperty({ enum: Object.values(ExpertAvailability) }) @IsEnum(ExpertAvailability) availability!: ExpertAvailability;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Broker-only' }) @IsOptional() @IsEmail() @MaxLength(254) contactEmail?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Broker-only' }) @IsOptional() @Matches(PHONE) contactPhone?: string | null;
}

export class UpdateExpertDto extends PartialType(CreateExpertDto) {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @IsInt() @Min(1) version!: number;
}
