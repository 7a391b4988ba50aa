import { Injectable } from '@nestjs/common';
import { ListingKind, PRIORITY_CHAINS } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
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
    const notices = await this.dataSource.query<Array<{ id: string; title: string; institution_name: string; intended_price_fen: string; starts_on: string; ends_on: string; total: number }>>(
      `SELECT id, title, institution_name, intended_price_fen::text, starts_on::text, ends_on::text, count(*) OVER ()::int AS total
       FROM public_notice WHERE withdrawn_at IS NULL AND starts_on <= $1::date AND ends_on >= $1::date
       ORDER BY ends_on, starts_on, id LIMIT $2`,
      [today, NOTICES],
    );
    const count = (facets: typeof results.facets, code: string) => facets?.fields.find((f) => f.value === code)?.count ?? 0;
    return {
      latestResults: results.items.map(toListing),
      latestNeeds: needs.items.map(toListing),
      fields: PRIORITY_CHAINS.map((chain) => ({ code: chain.code, results: count(results.facets, chain.code), needs: count(needs.facets, chain.code) })),
      notices: notices.map((n) => ({ id: n.id, title: n.title, institutionName: n.institution_name, intendedPriceFen: Number(n.intended_price_fen), startsOn: n.starts_on, endsOn: n.ends_on })),
      noticeTotal: notices[0]?.total ?? 0,
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
