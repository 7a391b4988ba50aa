import { readFileSync } from 'node:fs';
import type {
  OrganizationDetail,
  OrganizationInput,
  OrganizationList,
  OrganizationListQuery,
  OrganizationSummary,
} from '@xkx/contracts';
import { exact, exactQuery, uncheckedContracts } from '../../../common/contracts/contract-check';
import type { ListOrganizationsQueryDto } from './list-organizations-query.dto';
import type {
  OrganizationDetailDto,
  OrganizationListResponseDto,
  OrganizationResponseDto,
} from './organization-response.dto';
import type { CreateOrganizationDto } from './organization-write.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exactQuery<ListOrganizationsQueryDto, OrganizationListQuery>(true);
exact<OrganizationResponseDto, OrganizationSummary>(true);
exact<OrganizationDetailDto, OrganizationDetail>(true);
exact<OrganizationListResponseDto, OrganizationList>(true);
exact<CreateOrganizationDto, OrganizationInput>(true);

describe('organizations/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
