import { Injectable } from '@nestjs/common';
import { KPI_NONE_KEY, KpiView, LandingDimension, LandingKind } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { CHAIN_ISSUE_SQL, CHAIN_JOINS } from '@xkx/api/modules/deals/chain-rules';
import { asOf } from '../kpi-figures.service';
import { IS_PROJECT_SQL, PROJECT_SIDES_SQL } from '../kpi-base.query';
import { LANDING_DEFINITIONS } from './landing-definitions';
import { LandingBarDto, LandingFiguresDto, LandingKpiDto, LandingQueryDto, LandingRecordsDto, LandingRecordsQueryDto } from './kpi-landings.dto';

/**
 * `landing_base`: one row per landing of the year with `counted` (its deal has a sound project contract,
 * in the view, signed on or before the landing date) and its key in each dimension. The figure, both
 * breakdowns and the drill-down read it, so they cannot disagree. Parameters: $1 from, $2 to, $3 registered view.
 */
const LANDING_BASE = `
WITH landing_base AS (
  SELECT pl.id, pl.deal_id, pl.carrier_id, pl.kind, pl.company_name, pl.area_m2, pl.jobs_planned, pl.landed_on::text AS landed_on,
    d.code AS deal_code, d.title AS deal_title, d.field_codes[1] AS field_code,
    cr.name_zh AS carrier_name, cr.name_en AS carrier_name_en,
    coalesce(nullif(split_part(d.field_codes[1], '.', 1), ''), '${KPI_NONE_KEY}') AS k_field, tf.name_zh AS l_field, tf.name_en AS l_field_en,
    EXISTS (
      SELECT 1 FROM tech_contract c
      LEFT JOIN organization so ON so.id = c.seller_organization_id
      LEFT JOIN organization bo ON bo.id = c.buyer_organization_id
      ${PROJECT_SIDES_SQL}
      ${CHAIN_JOINS}
      WHERE c.deal_id = pl.deal_id AND ${IS_PROJECT_SQL} AND c.signed_on <= pl.landed_on
        AND (NOT $3::boolean OR c.registration_status = 'REGISTERED') AND (${CHAIN_ISSUE_SQL}) IS NULL
    ) AS counted
  FROM project_landing pl
  JOIN deal d ON d.id = pl.deal_id
  JOIN innovation_carrier cr ON cr.id = pl.carrier_id
  LEFT JOIN technology_field tf ON tf.code = split_part(d.field_codes[1], '.', 1)
  WHERE pl.landed_on >= $1::date AND pl.landed_on < $2::date
)`;

const SUMS = `count(*)::int AS landings, coalesce(sum(area_m2), 0)::bigint::text AS area, coalesce(sum(jobs_planned), 0)::bigint::text AS jobs`;

interface SumRow { landings: number; area: string; jobs: string }

const figures = (r: SumRow | undefined): LandingFiguresDto => ({ landings: r?.landings ?? 0, areaM2: Number(r?.area ?? 0), jobsPlanned: Number(r?.jobs ?? 0) });

/** Landed projects of the year (项目落地) by carrier and by field, with their drill-down (docs/KPI.md). */
@Injectable()
export class KpiLandingsService {
  constructor(private readonly dataSource: DataSource) {}

  private params(q: LandingQueryDto): unknown[] {
    return [`${q.year}-01-01`, `${q.year + 1}-01-01`, q.view === KpiView.REGISTERED];
  }

  async figures(q: LandingQueryDto): Promise<LandingKpiDto> {
    const params = this.params(q);
    const [head] = await this.dataSource.query<Array<SumRow & { not_counted: number }>>(
      `${LANDING_BASE} SELECT count(*) FILTER (WHERE counted)::int AS landings, coalesce(sum(area_m2) FILTER (WHERE counted), 0)::bigint::text AS area,
         coalesce(sum(jobs_planned) FILTER (WHERE counted), 0)::bigint::text AS jobs, count(*) FILTER (WHERE NOT counted)::int AS not_counted FROM landing_base`,
      params,
    );
    const carriers = await this.dataSource.query<Array<SumRow & { key: string; zh: string; en: string | null }>>(
      `${LANDING_BASE} SELECT carrier_id::text AS key, min(carrier_name) AS zh, min(carrier_name_en) AS en, ${SUMS}
       FROM landing_base WHERE counted GROUP BY carrier_id ORDER BY count(*) DESC, min(carrier_name)`,
      params,
    );
    const fields = await this.dataSource.query<Array<SumRow & { key: string; zh: string | null; en: string | null }>>(
      `${LANDING_BASE} SELECT k_field AS key, min(l_field) AS zh, min(l_field_en) AS en, ${SUMS}
       FROM landing_base WHERE counted GROUP BY k_field ORDER BY count(*) DESC, k_field`,
      params,
    );
    const bar = (r: SumRow & { key: string; zh: string | null; en: string | null }): LandingBarDto => ({
      key: r.key,
      label: r.key === KPI_NONE_KEY ? { 'zh-CN': '未标注领域', en: 'No field' } : { 'zh-CN': r.zh ?? r.key, en: r.en ?? r.zh ?? r.key },
      ...figures(r),
    });
    return {
      year: q.year,
      view: q.view,
      asOf: asOf(q.year),
      figures: figures(head),
      byCarrier: carriers.map(bar),
      byField: fields.map(bar),
      notCounted: head?.not_counted ?? 0,
      definitions: LANDING_DEFINITIONS,
    };
  }

  /** The landings behind the figure or a bar; `totals` is over all of them and equals the bar. */
  async records(q: LandingRecordsQueryDto): Promise<LandingRecordsDto> {
    const params = this.params(q);
    let where = 'counted';
    if (q.dimension && q.key !== undefined) {
      params.push(q.key);
      where += q.dimension === LandingDimension.CARRIER ? ` AND carrier_id::text = $4` : ` AND k_field = $4`;
    }
    const [totals] = await this.dataSource.query<SumRow[]>(`${LANDING_BASE} SELECT ${SUMS} FROM landing_base WHERE ${where}`, params);
    const rows = await this.dataSource.query<Array<{
      id: string; deal_id: string; deal_code: string; deal_title: string; carrier_id: string; carrier_name: string; field_code: string | null;
      kind: LandingKind; company_name: string; area_m2: number; jobs_planned: number; landed_on: string;
    }>>(
      `${LANDING_BASE} SELECT * FROM landing_base WHERE ${where} ORDER BY landed_on, deal_code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return {
      year: q.year,
      view: q.view,
      totals: figures(totals),
      items: rows.map((r) => ({
        landingId: r.id, dealId: r.deal_id, dealCode: r.deal_code, dealTitle: r.deal_title, carrierId: r.carrier_id, carrierName: r.carrier_name,
        fieldCode: r.field_code, kind: r.kind, companyName: r.company_name, areaM2: r.area_m2, jobsPlanned: r.jobs_planned, landedOn: r.landed_on,
      })),
    };
  }
}
