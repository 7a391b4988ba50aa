import { readFileSync } from 'node:fs';
import type {
  AuditActorView,
  AuditChangeView,
  AuditDetailView,
  AuditEntryList,
  AuditEntryView,
  AuditSubjectView,
  LocalizedText,
} from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  AuditActorDto,
  AuditChangeDto,
  AuditFactDto,
  AuditLogListResponseDto,
  AuditLogResponseDto,
  AuditSubjectDto,
  LocalizedTextDto,
} from './audit-log-response.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<LocalizedTextDto, LocalizedText>(true);
exact<AuditChangeDto, AuditChangeView>(true);
exact<AuditFactDto, AuditDetailView>(true);
exact<AuditActorDto, AuditActorView>(true);
exact<AuditSubjectDto, AuditSubjectView>(true);
exact<AuditLogResponseDto, AuditEntryView>(true);
exact<AuditLogListResponseDto, AuditEntryList>(true);

describe('audit/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
