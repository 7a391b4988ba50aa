import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Objection, ObjectionAnswer, ObjectionDecision, ObjectionInput, ObjectionReceipt, PublicNoticeList, PublicNoticeListQuery } from '@xkx/contracts';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { PublicNoticeDto } from './deal-response.dto';
import { trim } from '../../../common/validation/transforms';

export class ListPublicNoticesQueryDto extends PageQueryDto implements PublicNoticeListQuery {
  @ApiPropertyOptional({ default: false, description: 'Also notices whose period has ended' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  includeEnded = false;
}

export class PublicNoticeListDto implements PublicNoticeList {
  @ApiProperty({ type: [PublicNoticeDto] }) items!: PublicNoticeDto[];
  @ApiProperty() total!: number;
}

/** Anyone may object during the notice period; name and a contact are required so it can be followed up. */
export class CreateObjectionDto implements ObjectionInput {
  @ApiProperty({ example: '王某' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(100) name!: string;
  @ApiProperty({ example: '13800000000 / wang@example.com' }) @Transform(trim) @IsString() @MinLength(5) @MaxLength(200) contact!: string;
  @ApiProperty({ example: '该成果的部分专利权属存在争议……' }) @Transform(trim) @IsString() @MinLength(10) @MaxLength(5000) body!: string;
}

export class ObjectionDto implements Objection {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() contact!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) userId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: Object.values(ObjectionDecision), nullable: true }) decision!: ObjectionDecision | null;
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who answered' }) answeredByName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) answeredAt!: string | null;
}

/** The broker's answer: upheld reopens negotiation and withdraws the notice; rejected lets it run out. */
export class AnswerObjectionDto implements ObjectionAnswer {
  @ApiProperty({ enum: Object.values(ObjectionDecision) }) @IsIn(Object.values(ObjectionDecision)) decision!: ObjectionDecision;
  @ApiProperty({ example: '经核实，相关专利权属清晰，异议不成立。' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(5000) answer!: string;
}

export class ObjectionReceiptDto implements ObjectionReceipt {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
