import { readFileSync } from 'node:fs';
import type { BulkItem, BulkItemResult, BulkResult } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../contracts/contract-check';
import type { BulkItemDto, BulkItemResultDto, BulkResultDto } from './bulk.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<BulkItemDto, BulkItem>(true);
exact<BulkItemResultDto, BulkItemResult>(true);
exact<BulkResultDto, BulkResult>(true);

describe('common/bulk DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
