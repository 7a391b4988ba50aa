import { readFileSync } from 'node:fs';
import type { ErrorBody, FieldError } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../contracts/contract-check';
import type { ErrorResponseDto, FieldErrorDto } from './error-response.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<FieldErrorDto, FieldError>(true);
exact<ErrorResponseDto, ErrorBody>(true);

describe('common/http DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
