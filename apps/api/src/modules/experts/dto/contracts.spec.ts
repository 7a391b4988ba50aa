import { readFileSync } from 'node:fs';
import type {
  ExpertContact,
  ExpertDetail,
  ExpertFacetBucket,
  ExpertFacets,
  ExpertImportResult,
  ExpertInput,
  ExpertList,
  ExpertListQuery,
  ExpertMatch,
  ExpertMatchList,
  ExpertSummary,
  ImportedExpert,
  LaboratoryDetail,
  LaboratoryInput,
  LaboratoryList,
  LaboratoryListQuery,
  LaboratoryMatch,
  LaboratoryMatchList,
  LaboratorySummary,
  PeopleMatchReason,
  ResearchOutput,
} from '@xkx/contracts';
import { exact, exactQuery, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  ExpertContactDto,
  ExpertDetailDto,
  ExpertFacetBucketDto,
  ExpertFacetsDto,
  ExpertListDto,
  ExpertMatchDto,
  ExpertMatchListDto,
  ExpertSummaryDto,
  LaboratoryDetailDto,
  LaboratoryListDto,
  LaboratoryMatchDto,
  LaboratoryMatchListDto,
  LaboratorySummaryDto,
  PeopleMatchReasonDto,
  ResearchOutputResponseDto,
} from './expert-response.dto';
import type { ExpertImportReportDto, ImportedExpertDto } from './expert-import.dto';
import type { CreateExpertDto } from './expert-write.dto';
import type { CreateLaboratoryDto } from './laboratory-write.dto';
import type { ListExpertsQueryDto, ListLaboratoriesQueryDto } from './list-queries.dto';
import type { ResearchOutputDto } from './research-output.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<ResearchOutputDto, ResearchOutput>(true);
exact<ResearchOutputResponseDto, ResearchOutput>(true);
exact<ExpertContactDto, ExpertContact>(true);
exact<ExpertSummaryDto, ExpertSummary>(true);
exact<ExpertDetailDto, ExpertDetail>(true);
exact<ExpertFacetBucketDto, ExpertFacetBucket>(true);
exact<ExpertFacetsDto, ExpertFacets>(true);
exact<ExpertListDto, ExpertList>(true);
exact<LaboratorySummaryDto, LaboratorySummary>(true);
exact<LaboratoryDetailDto, LaboratoryDetail>(true);
exact<LaboratoryListDto, LaboratoryList>(true);
exact<PeopleMatchReasonDto, PeopleMatchReason>(true);
exact<ExpertMatchDto, ExpertMatch>(true);
exact<LaboratoryMatchDto, LaboratoryMatch>(true);
exact<ExpertMatchListDto, ExpertMatchList>(true);
exact<LaboratoryMatchListDto, LaboratoryMatchList>(true);
exact<CreateExpertDto, ExpertInput>(true);
exact<ImportedExpertDto, ImportedExpert>(true);
exact<ExpertImportReportDto, ExpertImportResult>(true);
exact<CreateLaboratoryDto, LaboratoryInput>(true);
exactQuery<ListExpertsQueryDto, ExpertListQuery>(true);
exactQuery<ListLaboratoriesQueryDto, LaboratoryListQuery>(true);

describe('experts/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
