import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoardColumn, DEAL_STAGE_ORDER, DealBoard, DealCard, DealContractSummary, DealDetail, DealEvent, DealList, DealListingRef, DealNdaState, DealOrganization, DealParticipant, DealPerson, DealSide, DealStage, DealTransitionResult, IntroductionOrigin, ListingKind, NdaSignature, OrganizationKind, PeopleContractType, PersonRef, PricingMethod, PublicNotice, RegistrationStatus } from '@xkx/contracts';

export class DealOrganizationDto implements DealOrganization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty({ enum: Object.values(OrganizationKind) }) kind!: OrganizationKind;
}

export class DealPersonDto implements DealPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class DealListingRefDto implements DealListingRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['RESULT', 'NEED'] }) kind!: ListingKind;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
}

/** A card on the broker board and a row in lists. */
export class DealCardDto implements DealCard {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'D2026-000042' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DEAL_STAGE_ORDER }) stage!: DealStage;
  @ApiProperty({ format: 'date-time' }) stageChangedAt!: string;
  @ApiProperty({ enum: DEAL_STAGE_ORDER, isArray: true, description: 'Stages the state machine allows next (guards are checked on the move)' }) allowedStages!: DealStage[];
  @ApiProperty({ type: DealOrganizationDto }) institution!: DealOrganizationDto;
  @ApiProperty({ type: DealOrganizationDto }) enterprise!: DealOrganizationDto;
  @ApiProperty({ type: [DealPersonDto] }) brokers!: DealPersonDto[];
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty({ type: String, nullable: true }) nextAction!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-04-01' }) nextActionDue!: string | null;
  @ApiProperty({ description: 'Next action due before today (Asia/Shanghai) on an open deal' }) overdue!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) agreedPriceFen!: number | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class DealParticipantDto implements DealParticipant {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Object.values(DealSide) }) side!: DealSide;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'NDA version accepted in this deal' }) ndaVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) ndaAcceptedAt!: string | null;
}

export class DealNdaStateDto implements DealNdaState {
  @ApiProperty() currentVersion!: number;
  @ApiProperty({ description: 'Parties may accept it at this stage' }) available!: boolean;
  @ApiProperty({ description: 'The caller accepted it in this deal' }) acceptedByMe!: boolean;
  @ApiProperty({ description: 'Institution and enterprise participants who have not accepted yet, plus each side with nobody to sign yet' }) pendingParties!: number;
  @ApiProperty({ description: 'Both sides signed: every institution and enterprise participant, and at least one on each side' }) allSigned!: boolean;
  @ApiProperty({ type: () => [NdaSignatureDto] }) signatures!: NdaSignatureDto[];
}

/** One signature record: who, when, from where, which version, the hash of the text signed. */
export class NdaSignatureDto implements NdaSignature {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Object.values(DealSide) }) side!: DealSide;
  @ApiProperty() ndaVersion!: number;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Brokers only' }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the text signed' }) textHash!: string | null;
}

export class PublicNoticeDto implements PublicNotice {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'fen' }) intendedPriceFen!: number;
  @ApiProperty() institutionName!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ type: String, nullable: true }) transferMode!: string | null;
  @ApiProperty({ enum: Object.values(PricingMethod), nullable: true, description: '协议定价 / 挂牌交易 / 拍卖' }) pricingMethod!: PricingMethod | null;
  @ApiProperty({ example: '2026-03-01' }) startsOn!: string;
  @ApiProperty({ example: '2026-03-15', description: 'Last day, inclusive (Asia/Shanghai)' }) endsOn!: string;
  @ApiProperty({ description: 'Shanghai’s date is after endsOn' }) ended!: boolean;
  @ApiProperty() withdrawn!: boolean;
  @ApiProperty() objectionCount!: number;
  @ApiProperty({ description: 'Objections still without an answer: the notice is not over while any remain' }) openObjectionCount!: number;
}

export class DealContractSummaryDto implements DealContractSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() typeCode!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
  @ApiProperty({ description: 'fen' }) technicalAmountFen!: number;
  @ApiProperty({ description: 'fen' }) receivedFen!: number;
  @ApiProperty({ enum: Object.values(RegistrationStatus) }) registrationStatus!: RegistrationStatus;
}

export class PersonRefDto implements PersonRef {
  @ApiProperty({ enum: ['EXPERT', 'LABORATORY'] }) kind!: 'EXPERT' | 'LABORATORY';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
}

export class DealDetailDto extends DealCardDto implements DealDetail {
  @ApiProperty({ type: DealListingRefDto, nullable: true }) result!: DealListingRefDto | null;
  @ApiProperty({ type: DealListingRefDto, nullable: true }) need!: DealListingRefDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) introductionId!: string | null;
  @ApiProperty({ enum: Object.values(IntroductionOrigin) }) origin!: IntroductionOrigin;
  @ApiProperty({ type: Number, nullable: true }) matchScore!: number | null;
  @ApiProperty({ enum: Object.values(PricingMethod), nullable: true }) pricingMethod!: PricingMethod | null;
  @ApiProperty({ description: 'A university or institute result priced by agreement: 15-day public notice before signing' }) publicNoticeRequired!: boolean;
  @ApiProperty({ type: PublicNoticeDto, nullable: true }) publicNotice!: PublicNoticeDto | null;
  @ApiProperty({ type: [DealParticipantDto] }) participants!: DealParticipantDto[];
  @ApiProperty({ type: DealNdaStateDto }) nda!: DealNdaStateDto;
  @ApiProperty({ type: [DealContractSummaryDto] }) contracts!: DealContractSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) lostReason!: string | null;
  @ApiProperty({ enum: DEAL_STAGE_ORDER, nullable: true }) lostFromStage!: DealStage | null;
  @ApiProperty({ type: String, nullable: true }) noticeOverrideReason!: string | null;
  @ApiProperty({ enum: Object.values(DealSide), description: 'The caller’s side' }) mySide!: DealSide;
  @ApiPropertyOptional({ type: PersonRefDto, description: 'A deal started from an expert or a laboratory (issue 16)' }) person?: PersonRefDto;
  @ApiPropertyOptional({ enum: ['DEVELOPMENT', 'CONSULTING', 'SERVICE'], nullable: true, description: '技术开发, 技术咨询 or 技术服务' }) contractType?: PeopleContractType | null;
}

export class DealListDto implements DealList {
  @ApiProperty({ type: [DealCardDto] }) items!: DealCardDto[];
  @ApiProperty() total!: number;
}

export class BoardColumnDto implements BoardColumn {
  @ApiProperty({ enum: DEAL_STAGE_ORDER }) stage!: DealStage;
  @ApiProperty({ enum: DEAL_STAGE_ORDER, isArray: true, description: 'Columns a card may be dropped on' }) allowedStages!: DealStage[];
  @ApiProperty({ type: [DealCardDto] }) deals!: DealCardDto[];
}

export class DealBoardDto implements DealBoard {
  @ApiProperty({ type: [BoardColumnDto] }) columns!: BoardColumnDto[];
}

export class DealEventDto implements DealEvent {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: DealPersonDto, nullable: true }) actor!: DealPersonDto | null;
  @ApiProperty({ example: 'STAGE' }) kind!: string;
  @ApiProperty({ enum: DEAL_STAGE_ORDER, nullable: true }) fromStage!: DealStage | null;
  @ApiProperty({ enum: DEAL_STAGE_ORDER, nullable: true }) toStage!: DealStage | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() version!: number;
}

export class DealTransitionResultDto implements DealTransitionResult {
  @ApiProperty({ enum: DEAL_STAGE_ORDER }) stage!: DealStage;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'An administrator signed before the public notice ended' }) overrideUsed!: boolean;
}
