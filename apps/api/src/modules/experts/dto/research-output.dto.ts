import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ResearchOutput, ResearchOutputKind } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { trim } from '../../../common/validation/transforms';
import { IsPatentNumber } from '../../../common/validation/validators';

/** A paper, a patent (its CNIPA number is checked) or a funded project. */
export class ResearchOutputDto implements ResearchOutput {
  @ApiProperty({ enum: Object.values(ResearchOutputKind) }) @IsEnum(ResearchOutputKind) kind!: ResearchOutputKind;
  @ApiProperty({ example: '高镍正极材料表面包覆方法' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(300) title!: string;

  @ApiPropertyOptional({ description: 'Patent number (CN202310123456.6, required for patents), DOI or project number' })
  @ValidateIf((o: ResearchOutputDto) => o.kind === ResearchOutputKind.PATENT || o.ref !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  @ValidateIf((o: ResearchOutputDto) => o.kind === ResearchOutputKind.PATENT)
  @IsPatentNumber()
  ref?: string;

  @ApiPropertyOptional({ minimum: 1950, maximum: 2100 }) @IsOptional() @IsInt() @Min(1950) @Max(2100) year?: number;
}
