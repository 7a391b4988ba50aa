import { ApiProperty } from '@nestjs/swagger';
import {
  KpiBreakdown,
  KpiBreakdownItem,
  KpiDefinition,
  KpiDimension,
  KpiFigures,
  KpiFunnel,
  KpiFunnelStage,
  KpiFunnelStageFigures,
  KpiExcluded,
  KpiExcludedReason,
  KpiHeadline,
  KpiHeadlineFigures,
  KpiPace,
  KpiPaceFigure,
  LedgerChainIssue,
  KpiPublicHeadline,
  KpiRecord,
  KpiRecords,
  KpiTarget,
  KpiTargets,
  InstitutionTarget,
  MyRndSpending,
  RelatedPartyMark,
  RndSpendingEntry,
  RndSpendingReport,
  RndSpendingRow,
  KpiView,
  LocalizedText,
  RegistrationStatus,
  SubsidyClaim,
  SubsidyClaimantKind,
  SubsidyExclusion,
  SubsidyLine,
  SubsidyReport,
} from '@xkx/contracts';

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty({ name: 'zh-CN' }) 'zh-CN'!: string;
  @ApiProperty() en!: string;
}

export class KpiDefinitionDto implements KpiDefinition {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) text!: LocalizedTextDto;
}

export class KpiFiguresDto implements KpiFigures {
  @ApiProperty({
    description: '项目数: contracts signed in the year between an institution and an enterprise',
  })
  projects!: number;
  @ApiProperty({ description: '合同成交额, fen' }) contractAmountFen!: number;
  @ApiProperty({ description: '技术交易额, fen' }) technicalAmountFen!: number;
  @ApiProperty({ description: '实际到账 to date on the contracts signed in the year, fen' })
  receivedFen!: number;
}

export class KpiHeadlineFiguresDto extends KpiFiguresDto implements KpiHeadlineFigures {
  @ApiProperty({ description: '实际到账 dated in the year, on qualifying contracts signed in any year, fen' })
  receivedInYearFen!: number;
}

export class KpiTargetDto implements KpiTarget {
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
  @ApiProperty({ description: 'true: no target was set for the year, the defaults apply' })
  isDefault!: boolean;
  @ApiProperty({ enum: ['district', 'institution'] }) scope!: 'district' | 'institution';
}

export class KpiProgressDto {
  @ApiProperty({ type: Number, nullable: true, description: 'projects / target, basis points, rounded down' })
  projectsBp!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'contract amount / target, basis points, rounded down',
  })
  contractAmountBp!: number | null;
}

export class KpiPaceFigureDto implements KpiPaceFigure {
  @ApiProperty({ description: 'actual / target, basis points, rounded down' }) progressBp!: number;
  @ApiProperty({ description: 'share of the year elapsed, basis points' }) expectedBp!: number;
  @ApiProperty({ description: 'progressBp − expectedBp: negative = behind pace' }) gapBp!: number;
}

export class KpiPaceDto implements KpiPace {
  @ApiProperty({ description: 'days up to and including asOf ÷ days in the year, basis points, rounded down' }) yearElapsedBp!: number;
  @ApiProperty({ type: KpiPaceFigureDto, nullable: true }) projects!: KpiPaceFigureDto | null;
  @ApiProperty({ type: KpiPaceFigureDto, nullable: true }) contractAmountFen!: KpiPaceFigureDto | null;
}

export class KpiExcludedReasonDto implements KpiExcludedReason {
  @ApiProperty({ enum: Object.values(LedgerChainIssue) }) issue!: LedgerChainIssue;
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
}

export class KpiExcludedDto implements KpiExcluded {
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
  @ApiProperty({ type: [KpiExcludedReasonDto] }) reasons!: KpiExcludedReasonDto[];
}

export class KpiHeadlineDto implements KpiHeadline {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: Object.values(KpiView) }) view!: KpiView;
  @ApiProperty({ type: LocalizedTextDto }) viewLabel!: LocalizedTextDto;
  @ApiProperty({ description: 'Figures count records up to this date (today, or the end of a past year)' })
  asOf!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) institutionId!: string | null;
  @ApiProperty({ type: String, nullable: true }) fieldCode!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) brokerId!: string | null;
  @ApiProperty({ type: KpiHeadlineFiguresDto }) figures!: KpiHeadlineFiguresDto;
  @ApiProperty({ type: KpiHeadlineFiguresDto, description: 'The same figures for the year before' })
  previousYear!: KpiHeadlineFiguresDto;
  @ApiProperty({
    type: KpiTargetDto,
    nullable: true,
    description: 'null: an institution without a target, or a broker (brokers have none)',
  })
  target!: KpiTargetDto | null;
  @ApiProperty({ type: KpiProgressDto }) progress!: KpiProgressDto;
  @ApiProperty({ type: KpiExcludedDto, description: 'Contracts of the year left out because their chain is incomplete (`npm run ledger:check` lists them)' })
  excluded!: KpiExcludedDto;
  @ApiProperty({ type: KpiPaceDto, description: 'Progress against the share of the year elapsed, per figure with a target' })
  pace!: KpiPaceDto;
  @ApiProperty({ type: [KpiDefinitionDto] }) definitions!: KpiDefinitionDto[];
}

export class KpiPreviousDto {
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
}

export class KpiBreakdownItemDto extends KpiFiguresDto implements KpiBreakdownItem {
  @ApiProperty({ description: 'Pass as `key` to /api/kpis/records; "none" for contracts without a value' })
  key!: string;
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
  @ApiProperty({ type: KpiPreviousDto, description: 'The same bar one year earlier' })
  previousYear!: KpiPreviousDto;
}

export class KpiBreakdownDto implements KpiBreakdown {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: Object.values(KpiView) }) view!: KpiView;
  @ApiProperty({ enum: Object.values(KpiDimension) }) dimension!: KpiDimension;
  @ApiProperty({ type: KpiFiguresDto, description: 'Equals the headline: the bars partition the contracts' })
  totals!: KpiFiguresDto;
  @ApiProperty({ type: [KpiBreakdownItemDto] }) items!: KpiBreakdownItemDto[];
}

export class KpiRecordDto implements KpiRecord {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty() signedOn!: string;
  @ApiProperty() typeCode!: string;
  @ApiProperty({ enum: Object.values(RegistrationStatus) }) registrationStatus!: RegistrationStatus;
  @ApiProperty({ type: String, nullable: true }) registrationNumber!: string | null;
  @ApiProperty() institution!: string;
  @ApiProperty() enterprise!: string;
  @ApiProperty({ type: String, nullable: true }) broker!: string | null;
  @ApiProperty({ type: String, nullable: true }) agency!: string | null;
  @ApiProperty({ type: String, nullable: true }) fieldCode!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) dealId!: string | null;
  @ApiProperty() relatedParty!: boolean;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
  @ApiProperty({ description: 'fen' }) technicalAmountFen!: number;
  @ApiProperty({ description: 'fen; basis signed: to date; basis paid: received in the year' })
  receivedFen!: number;
}

export class KpiRecordsDto implements KpiRecords {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: Object.values(KpiView) }) view!: KpiView;
  @ApiProperty({ enum: ['signed', 'paid'] }) basis!: 'signed' | 'paid';
  @ApiProperty({ type: KpiFiguresDto, description: 'Sums over all matching contracts (not only this page)' })
  totals!: KpiFiguresDto;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [KpiRecordDto] }) items!: KpiRecordDto[];
}

export class InstitutionTargetDto implements InstitutionTarget {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
}

export class KpiTargetsDto implements KpiTargets {
  @ApiProperty() year!: number;
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ type: [InstitutionTargetDto] }) institutions!: InstitutionTargetDto[];
}

export class FunnelStageDto implements KpiFunnelStageFigures {
  @ApiProperty({ enum: Object.values(KpiFunnelStage) }) stage!: KpiFunnelStage;
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
  @ApiProperty() count!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'count / previous stage’s count, basis points, rounded down',
  })
  conversionBp!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median days from the previous stage (null where no link between them is recorded)',
  })
  medianDaysFromPrevious!: number | null;
}

export class KpiFunnelDto implements KpiFunnel {
  @ApiProperty() year!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) brokerId!: string | null;
  @ApiProperty({ type: [FunnelStageDto] }) stages!: FunnelStageDto[];
  @ApiProperty({ type: [KpiDefinitionDto] }) definitions!: KpiDefinitionDto[];
}

export class RndSpendingRowDto implements RndSpendingRow {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) amountFen!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The year before, fen' }) previousAmountFen!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'basis points, rounded down' }) growthBp!:
    number | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'amount ≥ previous × (100 + target %) / 100, exactly',
  })
  meetsTarget!: boolean | null;
}

export class RndSpendingReportDto implements RndSpendingReport {
  @ApiProperty() year!: number;
  @ApiProperty() targetGrowthPercent!: number;
  @ApiProperty({ type: [RndSpendingRowDto] }) enterprises!: RndSpendingRowDto[];
  @ApiProperty({ description: 'Sum over enterprises with both years, fen' }) totalFen!: number;
  @ApiProperty({ description: 'The same enterprises, the year before, fen' }) previousTotalFen!: number;
  @ApiProperty({ type: Number, nullable: true }) growthBp!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) meetsTarget!: boolean | null;
}

/** The caller's own enterprise: what it entered for the year and the year before, and its growth. */
export class MyRndSpendingDto implements MyRndSpending {
  @ApiProperty() year!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({
    description: 'Whether the caller’s organization is a key monitored enterprise (only those report)',
  })
  keyMonitored!: boolean;
  @ApiProperty() targetGrowthPercent!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) amountFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The year before, fen' }) previousAmountFen!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'basis points, rounded down' }) growthBp!:
    number | null;
  @ApiProperty({ type: Boolean, nullable: true }) meetsTarget!: boolean | null;
}

export class RndSpendingDto implements RndSpendingEntry {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class SubsidyLineDto implements SubsidyLine {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ description: 'Money received in the year, fen' }) receivedFen!: number;
}

export class SubsidyClaimDto implements SubsidyClaim {
  @ApiProperty({ enum: Object.values(SubsidyClaimantKind) }) kind!: SubsidyClaimantKind;
  @ApiProperty() claimantKey!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Sum of the lines, fen' }) baseFen!: number;
  @ApiProperty() rateBp!: number;
  @ApiProperty({ description: 'base × rate, rounded down to the fen' }) rawFen!: number;
  @ApiProperty({ description: 'fen' }) capFen!: number;
  @ApiProperty({ description: 'min(raw, cap), fen' }) amountFen!: number;
  @ApiProperty() capped!: boolean;
  @ApiProperty({ type: [SubsidyLineDto] }) lines!: SubsidyLineDto[];
}

export class SubsidyExclusionDto implements SubsidyExclusion {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'fen' }) receivedFen!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'true: an admin’s related-party mark (removable); false: both sides have the same credit code' })
  marked!: boolean;
}

export class SubsidyReportDto implements SubsidyReport {
  @ApiProperty() year!: number;
  @ApiProperty({
    enum: ['AGENCY', 'BROKER'],
    description: 'Who claims a deal an agency and its broker could both claim',
  })
  agencyBrokerPriority!: 'AGENCY' | 'BROKER';
  @ApiProperty({ type: [SubsidyClaimDto] }) claims!: SubsidyClaimDto[];
  @ApiProperty({ description: 'fen' }) totalFen!: number;
  @ApiProperty({ type: [SubsidyExclusionDto], description: 'Related-party contracts left out' })
  excluded!: SubsidyExclusionDto[];
}

export class KpiPublicHeadlineDto implements KpiPublicHeadline {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: Object.values(KpiView) }) view!: KpiView;
  @ApiProperty() asOf!: string;
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
  @ApiProperty() targetProjects!: number;
  @ApiProperty({ description: 'fen' }) targetContractAmountFen!: number;
  @ApiProperty({ description: 'basis points, rounded down' }) projectsProgressBp!: number;
  @ApiProperty({ description: 'basis points, rounded down' }) contractAmountProgressBp!: number;
}

export class RelatedPartyDto implements RelatedPartyMark {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() related!: boolean;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
