import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IpAssetView, IpStatus, IpType, ListingManagement, ListingMoney, ListingOrganization, ListingStatus, ListingView, MoneyRange, NeedDetail, NeedType, OrganizationKind, PriceType, ResultDetail, ResultForm, ResultPrice, ResultStage, STALE_WARNING_DAYS, TransferMode } from '@xkx/contracts';
import { OrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { NeedEntity } from '../entities/need.entity';
import { ResultEntity } from '../entities/result.entity';
import { IndicatorDto, OwnerDto } from './listing-parts.dto';

export class ListingOrganizationDto implements ListingOrganization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ enum: Object.values(OrganizationKind) }) kind!: OrganizationKind;

  static from(o: OrganizationFacts): ListingOrganizationDto {
    return { id: o.id, nameZh: o.nameZh, nameEn: o.nameEn, kind: o.kind };
  }
}

export class IpAssetResponseDto implements IpAssetView {
  @ApiProperty({ enum: Object.values(IpType) }) type!: IpType;
  @ApiProperty() number!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ enum: Object.values(IpStatus) }) status!: IpStatus;
}

/** A need's budget: no price type. */
export class MoneyRangeResponseDto implements MoneyRange {
  @ApiProperty() negotiable!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) minFen!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) maxFen!: number | null;
}

/** A result's price: always with its type. */
export class ResultPriceResponseDto extends MoneyRangeResponseDto implements ResultPrice {
  @ApiProperty({ enum: Object.values(PriceType), nullable: true }) priceType!: PriceType | null;
}

/** A price or budget in lists and matches: results carry a price type, needs none. */
export class PriceResponseDto extends MoneyRangeResponseDto implements ListingMoney {
  @ApiPropertyOptional({ enum: Object.values(PriceType), nullable: true }) priceType?: PriceType | null;
}

/** What the caller may see of the listing's management: only owners and brokers get these. */
export class ListingManagementDto implements ListingManagement {
  @ApiProperty({ type: String, nullable: true }) reviewNote!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) staleWarnedAt!: string | null;
}

abstract class ListingResponseBase implements ListingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'R2026-000042' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() publicSummary!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null unless the caller may see the confidential layer' }) confidentialDetail!: string | null;
  @ApiProperty({ description: 'Whether confidentialDetail was disclosed to this caller' }) confidentialVisible!: boolean;
  @ApiProperty({ type: [IndicatorDto] }) indicators!: IndicatorDto[];
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ enum: Object.values(ListingStatus) }) status!: ListingStatus;
  @ApiProperty({ type: ListingOrganizationDto, nullable: true, description: 'Null for anonymous needs seen by outsiders' }) organization!: ListingOrganizationDto | null;
  @ApiProperty({ example: '2027-12-31' }) validUntil!: string;
  @ApiProperty({ description: `Valid-until is within ${STALE_WARNING_DAYS} days` }) staleSoon!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The caller may edit and submit it' }) canManage!: boolean;
  @ApiProperty({ type: ListingManagementDto, nullable: true }) management!: ListingManagementDto | null;
}

export class ResultResponseDto extends ListingResponseBase implements ResultDetail {
  @ApiProperty() valueProposition!: string;
  @ApiProperty() problemSolved!: string;
  @ApiProperty() advantages!: string;
  @ApiProperty() applications!: string;
  @ApiProperty({ enum: Object.values(ResultForm) }) form!: ResultForm;
  @ApiProperty({ minimum: 1, maximum: 9 }) trl!: number;
  @ApiProperty({ enum: Object.values(ResultStage) }) stage!: ResultStage;
  @ApiProperty({ type: [IpAssetResponseDto] }) ipAssets!: IpAssetResponseDto[];
  @ApiProperty({ type: [OwnerDto] }) owners!: OwnerDto[];
  @ApiProperty({ type: [String] }) inventors!: string[];
  @ApiProperty() serviceInvention!: boolean;
  @ApiProperty({ enum: Object.values(TransferMode), isArray: true }) transferModes!: TransferMode[];
  @ApiProperty({ type: ResultPriceResponseDto }) price!: ResultPriceResponseDto;
}

export class NeedResponseDto extends ListingResponseBase implements NeedDetail {
  @ApiProperty() problem!: string;
  @ApiProperty({ type: [String] }) mustHaves!: string[];
  @ApiProperty({ type: [String] }) niceToHaves!: string[];
  @ApiProperty({ enum: Object.values(NeedType) }) needType!: NeedType;
  @ApiProperty({ enum: Object.values(TransferMode), isArray: true }) cooperationModes!: TransferMode[];
  @ApiProperty({ type: MoneyRangeResponseDto }) budget!: MoneyRangeResponseDto;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) bountyFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) minTrl!: number | null;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty() anonymous!: boolean;
}

export interface ViewContext {
  canManage: boolean;
  confidentialVisible: boolean;
}

export function isStaleSoon(validUntil: string, now = new Date()): boolean {
  const days = (Date.parse(`${validUntil}T23:59:59Z`) - now.getTime()) / 86_400_000;
  return days >= 0 && days <= STALE_WARNING_DAYS;
}

function base(e: ResultEntity | NeedEntity, org: OrganizationFacts | null, view: ViewContext): ListingResponseBase {
  return {
    id: e.id,
    code: e.code,
    title: e.title,
    publicSummary: e.publicSummary,
    confidentialDetail: view.confidentialVisible ? e.confidentialDetail : null,
    confidentialVisible: view.confidentialVisible,
    indicators: e.indicators,
    fieldCodes: e.fieldCodes,
    keywords: e.keywords,
    status: e.status,
    organization: org ? ListingOrganizationDto.from(org) : null,
    validUntil: e.validUntil,
    staleSoon: e.status === 'PUBLISHED' && isStaleSoon(e.validUntil),
    publishedAt: e.publishedAt?.toISOString() ?? null,
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
    canManage: view.canManage,
    management: view.canManage
      ? { reviewNote: e.reviewNote, ownerId: e.ownerId, submittedAt: e.submittedAt?.toISOString() ?? null, staleWarnedAt: e.staleWarnedAt?.toISOString() ?? null }
      : null,
  };
}

export function toResultResponse(e: ResultEntity, org: OrganizationFacts, view: ViewContext): ResultResponseDto {
  return Object.assign(new ResultResponseDto(), base(e, org, view), {
    valueProposition: e.valueProposition,
    problemSolved: e.problemSolved,
    advantages: e.advantages,
    applications: e.applications,
    form: e.form,
    trl: e.trl,
    stage: e.stage,
    ipAssets: [...(e.ipAssets ?? [])].sort((a, b) => a.position - b.position).map((a) => ({ type: a.type, number: a.number, title: a.title, status: a.status })),
    owners: e.owners,
    inventors: e.inventors,
    serviceInvention: e.serviceInvention,
    transferModes: e.transferModes,
    price: { negotiable: e.priceNegotiable, minFen: e.priceMinFen, maxFen: e.priceMaxFen, priceType: e.priceType },
  });
}

export function toNeedResponse(e: NeedEntity, org: OrganizationFacts, view: ViewContext): NeedResponseDto {
  // An anonymous need hides its enterprise from everyone but those who manage it.
  const visibleOrg = e.anonymous && !view.canManage ? null : org;
  return Object.assign(new NeedResponseDto(), base(e, visibleOrg, view), {
    problem: e.problem,
    mustHaves: e.mustHaves,
    niceToHaves: e.niceToHaves,
    needType: e.needType,
    cooperationModes: e.cooperationModes,
    budget: { negotiable: e.budgetNegotiable, minFen: e.budgetMinFen, maxFen: e.budgetMaxFen },
    bountyFen: e.bountyFen,
    minTrl: e.minTrl,
    deadline: e.deadline,
    anonymous: e.anonymous,
  });
}
