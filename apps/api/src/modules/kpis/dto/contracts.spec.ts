import { readFileSync } from 'node:fs';
import type {
  InstitutionTarget,
  InstitutionTargetBody,
  KpiBreakdown,
  KpiBreakdownItem,
  KpiDefinition,
  KpiExcluded,
  KpiExcludedReason,
  KpiFigures,
  KpiFunnel,
  KpiFunnelStageFigures,
  KpiHeadline,
  KpiHeadlineFigures,
  KpiPace,
  KpiPaceFigure,
  KpiPublicHeadline,
  KpiRecord,
  KpiRecords,
  KpiTarget,
  KpiTargets,
  KpiTargetsBody,
  LocalizedText,
  MyRndSpending,
  RelatedPartyBody,
  RelatedPartyMark,
  RndSpendingBody,
  RndSpendingEntry,
  RndSpendingReport,
  RndSpendingRow,
  SubsidyClaim,
  SubsidyExclusion,
  SubsidyLine,
  SubsidyReport,
} from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  InstitutionTargetInputDto,
  PutKpiTargetsDto,
  PutRelatedPartyDto,
  PutRndSpendingDto,
} from './kpi-query.dto';
import type {
  FunnelStageDto,
  InstitutionTargetDto,
  KpiBreakdownDto,
  KpiBreakdownItemDto,
  KpiDefinitionDto,
  KpiExcludedDto,
  KpiExcludedReasonDto,
  KpiFiguresDto,
  KpiFunnelDto,
  KpiHeadlineDto,
  KpiHeadlineFiguresDto,
  KpiPaceDto,
  KpiPaceFigureDto,
  KpiPublicHeadlineDto,
  KpiRecordDto,
  KpiRecordsDto,
  KpiTargetDto,
  KpiTargetsDto,
  LocalizedTextDto,
  MyRndSpendingDto,
  RelatedPartyDto,
  RndSpendingDto,
  RndSpendingReportDto,
  RndSpendingRowDto,
  SubsidyClaimDto,
  SubsidyExclusionDto,
  SubsidyLineDto,
  SubsidyReportDto,
} from './kpi-response.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<InstitutionTargetInputDto, InstitutionTargetBody>(true);
exact<PutKpiTargetsDto, KpiTargetsBody>(true);
exact<PutRndSpendingDto, RndSpendingBody>(true);
exact<PutRelatedPartyDto, RelatedPartyBody>(true);
exact<LocalizedTextDto, LocalizedText>(true);
exact<KpiDefinitionDto, KpiDefinition>(true);
exact<KpiFiguresDto, KpiFigures>(true);
exact<KpiHeadlineFiguresDto, KpiHeadlineFigures>(true);
exact<KpiTargetDto, KpiTarget>(true);
exact<KpiPaceFigureDto, KpiPaceFigure>(true);
exact<KpiPaceDto, KpiPace>(true);
exact<KpiExcludedReasonDto, KpiExcludedReason>(true);
exact<KpiExcludedDto, KpiExcluded>(true);
exact<KpiHeadlineDto, KpiHeadline>(true);
exact<KpiBreakdownItemDto, KpiBreakdownItem>(true);
exact<KpiBreakdownDto, KpiBreakdown>(true);
exact<KpiRecordDto, KpiRecord>(true);
exact<KpiRecordsDto, KpiRecords>(true);
exact<InstitutionTargetDto, InstitutionTarget>(true);
exact<KpiTargetsDto, KpiTargets>(true);
exact<FunnelStageDto, KpiFunnelStageFigures>(true);
exact<KpiFunnelDto, KpiFunnel>(true);
exact<RndSpendingRowDto, RndSpendingRow>(true);
exact<RndSpendingReportDto, RndSpendingReport>(true);
exact<MyRndSpendingDto, MyRndSpending>(true);
exact<RndSpendingDto, RndSpendingEntry>(true);
exact<SubsidyLineDto, SubsidyLine>(true);
exact<SubsidyClaimDto, SubsidyClaim>(true);
exact<SubsidyExclusionDto, SubsidyExclusion>(true);
exact<SubsidyReportDto, SubsidyReport>(true);
exact<KpiPublicHeadlineDto, KpiPublicHeadline>(true);
exact<RelatedPartyDto, RelatedPartyMark>(true);

describe('kpis/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
