import { Injectable } from '@nestjs/common';
import { ListingKind, PRIORITY_CHAINS } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { runningNotices } from '@xkx/api/modules/deals/public-notice-reader';
import { SearchHitDto, SearchListingsQueryDto } from '@xkx/api/modules/listings/dto/search.dto';
import { ListingSearchService } from '@xkx/api/modules/listings/listing-search.service';
import { HomeListingDto, HomePageDto, SiteInfoDto } from './dto/portal-response.dto';

/** How many listings and notices the home page shows of each. */
const LATEST = 6;
const NOTICES = 4;

/**
 * The public home page in one answer. Listings and their counts by field come from the portal search
 * itself (its newest first page and its facets, whose aggregates are cached and dropped on any listing
 * change), so the home page and the search page cannot disagree.
 */
@Injectable()
export class PortalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly search: ListingSearchService,
    private readonly config: AppConfig,
  ) {}

  async home(): Promise<HomePageDto> {
    const newest = (kind: ListingKind) => this.search.search(kind, Object.assign(new SearchListingsQueryDto(), { sort: 'newest', limit: LATEST }), undefined);
    // One after the other: on PGlite the single session serves one query at a time anyway.
    const results = await newest('RESULT');
    const needs = await newest('NEED');
    const today = shanghaiDate();
    const notices = await runningNotices(this.dataSource.manager, today, NOTICES);
    const count = (facets: typeof results.facets, code: string) => facets?.fields.find((f) => f.value === code)?.count ?? 0;
    return {
      latestResults: results.items.map(toListing),
      latestNeeds: needs.items.map(toListing),
      fields: PRIORITY_CHAINS.map((chain) => ({ code: chain.code, results: count(results.facets, chain.code), needs: count(needs.facets, chain.code) })),
      notices: notices.items,
      noticeTotal: notices.total,
    };
  }

  site(): SiteInfoDto {
    const icp = this.config.XKX_SITE_ICP.trim();
    return { operator: this.config.XKX_SITE_OPERATOR, contact: this.config.XKX_SITE_CONTACT, icp: icp === 'none' ? null : icp };
  }
}

function toListing(hit: SearchHitDto): HomeListingDto {
  return { id: hit.id, code: hit.code, title: hit.title, organizationName: hit.organization?.nameZh ?? null, fieldCodes: hit.fieldCodes, publishedAt: hit.publishedAt };
}
