import { readFileSync } from 'node:fs';
import type { FeedFreshness, HealthStatus, ReadinessStatus } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type { FeedFreshnessDto, HealthResponseDto, ReadinessResponseDto } from './health-response.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<FeedFreshnessDto, FeedFreshness>(true);
exact<HealthResponseDto, HealthStatus>(true);
exact<ReadinessResponseDto, ReadinessStatus>(true);

describe('health/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
