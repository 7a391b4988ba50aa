import { readFileSync } from 'node:fs';
import type { ImportDecision, ImportJob, ImportRowError } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type { DecideImportDto, ImportErrorDto, ImportJobDto } from './imports.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<DecideImportDto, ImportDecision>(true);
exact<ImportErrorDto, ImportRowError>(true);
exact<ImportJobDto, ImportJob>(true);

describe('imports/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
