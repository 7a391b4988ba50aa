import { readFileSync } from 'node:fs';
import type {
  FeedbackRecorded,
  Match,
  MatchComponents,
  MatchCounterpart,
  MatchFeedback,
  MatchList,
  MatchQuery,
  MatchReasonView,
  OpportunitiesQuery,
  Opportunity,
  OpportunityList,
} from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  FeedbackRecordedDto,
  MatchComponentsDto,
  MatchCounterpartDto,
  MatchDto,
  MatchFeedbackDto,
  MatchListDto,
  MatchQueryDto,
  MatchReasonDto,
  OpportunitiesQueryDto,
  OpportunityDto,
  OpportunityListDto,
} from './matching.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<MatchQueryDto, MatchQuery>(true);
exact<MatchComponentsDto, MatchComponents>(true);
exact<MatchReasonDto, MatchReasonView>(true);
exact<MatchCounterpartDto, MatchCounterpart>(true);
exact<MatchDto, Match>(true);
exact<MatchListDto, MatchList>(true);
exact<MatchFeedbackDto, MatchFeedback>(true);
exact<FeedbackRecordedDto, FeedbackRecorded>(true);
exact<OpportunitiesQueryDto, OpportunitiesQuery>(true);
exact<OpportunityDto, Opportunity>(true);
exact<OpportunityListDto, OpportunityList>(true);

describe('matching/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
