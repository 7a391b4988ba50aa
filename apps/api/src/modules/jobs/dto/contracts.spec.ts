import { readFileSync } from 'node:fs';
import type { BackgroundJob, BackgroundJobList, BackgroundJobQuery } from '@xkx/contracts';
import { exact, exactQuery, uncheckedContracts } from '../../../common/contracts/contract-check';
import type { BackgroundJobQueryDto } from './background-job-query.dto';
import type { BackgroundJobListResponseDto, BackgroundJobResponseDto } from './background-job-response.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<BackgroundJobResponseDto, BackgroundJob>(true);
exact<BackgroundJobListResponseDto, BackgroundJobList>(true);
exactQuery<BackgroundJobQueryDto, BackgroundJobQuery>(true);

describe('jobs/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
