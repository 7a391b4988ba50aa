/** The public home page's data in one response (GET /api/portal/home), and the site's footer (GET /api/portal/site). */

/** A published listing as the home page lists it: the newest first. */
export interface HomeListing {
  id: string;
  code: string;
  title: string;
  /** Null for an anonymous need. */
  organizationName: string | null;
  fieldCodes: string[];
  publishedAt: string | null;
}

/** Published listings filed under a top-level technology field (a priority chain). */
export interface HomeFieldCount {
  code: string;
  results: number;
  needs: number;
}

/** A 公示 notice that is running today (Asia/Shanghai), the soonest to end first. */
export interface HomeNotice {
  id: string;
  title: string;
  institutionName: string;
  /** fen */
  intendedPriceFen: number;
  startsOn: string;
  endsOn: string;
}

export interface HomePage {
  latestResults: HomeListing[];
  latestNeeds: HomeListing[];
  fields: HomeFieldCount[];
  notices: HomeNotice[];
  /** How many notices are running, of which `notices` shows the first few. */
  noticeTotal: number;
}

/** Who runs this installation, as the footer says it; configured by XKX_SITE_* (README). */
export interface SiteInfo {
  operator: string;
  contact: string;
  /** The ICP 备案 line (e.g. 苏ICP备…号); null hides it. */
  icp: string | null;
}
