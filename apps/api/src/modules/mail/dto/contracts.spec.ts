import { readFileSync } from 'node:fs';
import type { OutboxList, OutboxMail } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type { OutboxListResponseDto, OutboxMailResponseDto } from './outbox-mail-response.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<OutboxMailResponseDto, OutboxMail>(true);
exact<OutboxListResponseDto, OutboxList>(true);

describe('mail/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
