import { readFileSync } from 'node:fs';
import type { HomeFieldCount, HomeListing, HomeNotice, HomePage, SiteInfo } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  HomeFieldCountDto,
  HomeListingDto,
  HomeNoticeDto,
  HomePageDto,
  SiteInfoDto,
} from './portal-response.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<HomeListingDto, HomeListing>(true);
exact<HomeFieldCountDto, HomeFieldCount>(true);
exact<HomeNoticeDto, HomeNotice>(true);
exact<HomePageDto, HomePage>(true);
exact<SiteInfoDto, SiteInfo>(true);

describe('portal/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
