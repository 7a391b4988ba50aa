import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConfidentialView, ConfidentialViewsQuery, DealMessage, DealMessageInput, DealOffer, DealSide, ListingKind, NdaAcceptInput, NdaAcceptance, NdaText, NdaVersionInput, OfferAnswer, OfferInput, OfferStatus } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { trim } from '../../../common/validation/transforms';
import { IsFen } from '../../../common/validation/validators';

export class PostMessageDto implements DealMessageInput {
  @ApiProperty({ example: '附件为中试报告摘要，请查收。' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(5000) body!: string;
}

export class DealMessageDto implements DealMessage {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ enum: Object.values(DealSide) }) authorSide!: DealSide;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProposeOfferDto implements OfferInput {
  @ApiProperty({ description: 'fen', example: 123456789 }) @IsFen() priceFen!: number;
  @ApiProperty({ example: '独占许可 5 年，首付 40%，其余按里程碑支付' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(5000) terms!: string;
}

export class AnswerOfferDto implements OfferAnswer {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

export class DealOfferDto implements DealOffer {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) proposedById!: string;
  @ApiProperty() proposedByName!: string;
  @ApiProperty({ enum: Object.values(DealSide) }) side!: DealSide;
  @ApiProperty({ description: 'fen' }) priceFen!: number;
  @ApiProperty() terms!: string;
  @ApiProperty({ enum: Object.values(OfferStatus) }) status!: OfferStatus;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) answeredById!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) answerNote!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AcceptNdaDto implements NdaAcceptInput {
  @ApiProperty({ description: 'The NDA version the party read and accepts (must be the current one)' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'SHA-256 (hex) of the text the party read; refused (409 NDA_VERSION_OUTDATED) unless it is the current text’s' })
  @IsOptional() @IsString() @Matches(/^[0-9a-f]{64}$/) textHash?: string;
}

export class CreateNdaVersionDto implements NdaVersionInput {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(4) @MaxLength(200) title!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(20) @MaxLength(50000) body!: string;
  @ApiProperty({ description: 'Why the text changes (kept in the audit log)', example: '依据新版《民法典》合同编调整保密期限条款' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

export class NdaVersionDto implements NdaText {
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who published it (null for the text shipped with the platform)' }) createdByName!: string | null;
  @ApiProperty({ description: 'SHA-256 (hex) of the title, a newline and the body: what a signature records' }) textHash!: string;
}

export class NdaAcceptanceDto implements NdaAcceptance {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() ndaVersion!: number;
  @ApiProperty({ format: 'date-time' }) acceptedAt!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the NDA text signed' }) textHash!: string | null;
}

export class ConfidentialViewsQueryDto implements ConfidentialViewsQuery {
  @ApiProperty({ enum: ['RESULT', 'NEED'] }) @IsIn(['RESULT', 'NEED']) kind!: ListingKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() listingId!: string;
}

export class ConfidentialViewDto implements ConfidentialView {
  @ApiProperty({ format: 'uuid' }) viewerId!: string;
  @ApiProperty() viewerName!: string;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ enum: ['NDA', 'BROKER'] }) basis!: 'NDA' | 'BROKER';
  @ApiProperty({ format: 'date-time' }) at!: string;
}

