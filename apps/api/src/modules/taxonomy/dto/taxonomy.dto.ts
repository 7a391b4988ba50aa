import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldCreate, FieldNode, FieldUpdate, SynonymGroup, SynonymGroupUpdate, SynonymList, SynonymRelation, SynonymTermsInput, SynonymsReplaceInput } from '@xkx/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { SynonymGroupEntity } from '../synonym-group.entity';
import { TechnologyFieldEntity } from '../technology-field.entity';

export class FieldNodeDto implements FieldNode {
  @ApiProperty({ example: 'NE.PV' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: 'NE' }) parentCode!: string | null;
  @ApiProperty({ example: '光伏' }) nameZh!: string;
  @ApiProperty({ example: 'Photovoltaics' }) nameEn!: string;
  @ApiProperty() sort!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ type: () => [FieldNodeDto] }) children!: FieldNodeDto[];

  static from(e: TechnologyFieldEntity): FieldNodeDto {
    return Object.assign(new FieldNodeDto(), {
      code: e.code,
      parentCode: e.parentCode,
      nameZh: e.nameZh,
      nameEn: e.nameEn,
      sort: e.sort,
      active: e.active,
      version: e.version,
      children: [],
    });
  }
}

export class CreateFieldDto implements FieldCreate {
  @ApiProperty({ example: 'NE.SS', description: 'Dotted code; its prefix is the parent' }) @Matches(/^[A-Z]{2,4}(\.[A-Z0-9]{1,8})*$/) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) nameZh!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) nameEn!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000 }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) sort?: number;
}

export class UpdateFieldDto implements FieldUpdate {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) nameZh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) nameEn?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000 }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) sort?: number;
  @ApiPropertyOptional({ description: 'Inactive fields stay on old listings but are not offered for new ones' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class SynonymGroupDto implements SynonymTermsInput {
  @ApiProperty({ example: ['锂离子电池', '锂电池'], description: 'The first term is canonical' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(30, { each: true })
  terms!: string[];

  @ApiPropertyOptional({ enum: SynonymRelation, enumName: 'SynonymRelation', default: SynonymRelation.EQUIVALENT, description: 'NARROWER: the terms after the first are narrower than it (a search for it finds them, ranked lower)' })
  @IsOptional()
  @IsEnum(SynonymRelation)
  relation?: SynonymRelation;
}

export class ReplaceSynonymsDto implements SynonymsReplaceInput {
  @ApiProperty({ type: [SynonymGroupDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SynonymGroupDto)
  groups!: SynonymGroupDto[];
}

/** One group as the admin page edits it: the first term is canonical. */
export class SynonymGroupResponseDto implements SynonymGroup {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: ['锂离子电池', '锂电池'] }) terms!: string[];
  @ApiProperty({ enum: SynonymRelation, enumName: 'SynonymRelation' }) relation!: SynonymRelation;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(e: SynonymGroupEntity): SynonymGroupResponseDto {
    return { id: e.id, terms: e.terms, relation: e.relation, version: e.version, updatedAt: e.updatedAt.toISOString() };
  }
}

export class SynonymListDto implements SynonymList {
  @ApiProperty({ type: [SynonymGroupResponseDto] }) groups!: SynonymGroupResponseDto[];
}

export class CreateSynonymGroupDto extends SynonymGroupDto implements SynonymTermsInput {}

export class UpdateSynonymGroupDto extends SynonymGroupDto implements SynonymGroupUpdate {
  @ApiProperty({ description: 'The version you read; stale → 409' }) @IsInt() @Min(1) version!: number;
}
