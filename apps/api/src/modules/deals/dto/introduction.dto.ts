import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeclineReason, Introduction, IntroductionAnswer, IntroductionList, IntroductionListQuery, IntroductionOrigin, IntroductionRequest, IntroductionStatus, IntroductionTargetKind, ListingKind, PeopleContractType } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { DealListingRefDto, DealPersonDto, PersonRefDto } from './deal-response.dto';
import { trim } from '../../../common/validation/transforms';

export class CreateIntroductionDto implements IntroductionRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Enterprises: the result they ask about (required). Brokers: one side of the match.' }) @IsOptional() @IsUUID() resultId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Researchers: the need they answer (required). Enterprises may name their own need.' }) @IsOptional() @IsUUID() needId?: string;
  @ApiProperty({ example: '我司正在建设 2GWh 储能电池产线，希望了解该包覆技术的中试数据与许可条件。' }) @Transform(trim) @IsString() @MinLength(10) @MaxLength(2000) message!: string;
  @ApiPropertyOptional({ enum: ['RESULT', 'NEED'], description: 'Brokers: whose side is asked (default RESULT)' }) @IsOptional() @IsIn(['RESULT', 'NEED']) targetKind?: ListingKind;
  @ApiPropertyOptional({ description: 'Brokers: the score of the match it comes from' }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) matchScore?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Ask this expert (issue 16) instead of a listing’s side' }) @IsOptional() @IsUUID() expertId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Ask this laboratory or platform' }) @IsOptional() @IsUUID() laboratoryId?: string;
  @ApiPropertyOptional({ enum: Object.values(PeopleContractType), description: 'With an expert or a laboratory: 技术开发, 技术咨询 or 技术服务' }) @IsOptional() @IsEnum(PeopleContractType) contractType?: PeopleContractType;
}


export class AnswerIntroductionDto implements IntroductionAnswer {
  @ApiProperty({ enum: ['INTERESTED', 'DECLINED'] }) @IsIn(['INTERESTED', 'DECLINED']) answer!: 'INTERESTED' | 'DECLINED';
  @ApiPropertyOptional({ enum: Object.values(DeclineReason), description: 'Required when declining' })
  @ValidateIf((o: AnswerIntroductionDto) => o.answer === 'DECLINED')
  @IsEnum(DeclineReason)
  reason?: DeclineReason;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

export class ListIntroductionsQueryDto extends PageQueryDto implements IntroductionListQuery {
  @ApiPropertyOptional({ enum: Object.values(IntroductionStatus) }) @IsOptional() @IsEnum(IntroductionStatus) status?: IntroductionStatus;
  @ApiPropertyOptional({ enum: ['requested', 'asked'], description: 'Parties: only those they made, or only those asked of them' }) @IsOptional() @IsIn(['requested', 'asked']) scope?: 'requested' | 'asked';
}

export class IntroductionDto implements Introduction {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(IntroductionOrigin) }) origin!: IntroductionOrigin;
  @ApiProperty({ enum: Object.values(IntroductionStatus) }) status!: IntroductionStatus;
  @ApiProperty({ type: DealPersonDto }) requester!: DealPersonDto;
  @ApiProperty({ type: String, nullable: true }) requesterOrganization!: string | null;
  @ApiProperty({ enum: Object.values(IntroductionTargetKind), description: 'A listing’s side, or an expert or a laboratory (issue 16)' }) targetKind!: IntroductionTargetKind;
  @ApiProperty({ type: DealListingRefDto, nullable: true }) result!: DealListingRefDto | null;
  @ApiProperty({ type: DealListingRefDto, nullable: true }) need!: DealListingRefDto | null;
  @ApiProperty() message!: string;
  @ApiProperty({ type: Number, nullable: true }) matchScore!: number | null;
  @ApiProperty({ enum: Object.values(DeclineReason), nullable: true }) declineReason!: DeclineReason | null;
  @ApiProperty({ type: String, nullable: true }) answerNote!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) dealId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'D2026-000004', description: 'The deal’s code, for its address' }) dealCode!: string | null;
  @ApiProperty({ description: 'The caller may answer it (the target’s side, or a broker on its behalf)' }) canAnswer!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: PersonRefDto, description: 'An introduction to an expert or a laboratory' }) person?: PersonRefDto;
  @ApiPropertyOptional({ enum: Object.values(PeopleContractType), nullable: true }) contractType?: PeopleContractType | null;
}

export class IntroductionListDto implements IntroductionList {
  @ApiProperty({ type: [IntroductionDto] }) items!: IntroductionDto[];
  @ApiProperty() total!: number;
}
