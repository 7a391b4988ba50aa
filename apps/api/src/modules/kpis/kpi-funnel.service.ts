import { Injectable } from '@nestjs/common';
import { KpiDefinition, KpiFunnelStage } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { FunnelStageDto, KpiFunnelDto } from './dto/kpi-response.dto';
import { ratioBp } from './kpi-math';
import { CHAIN_ISSUE_SQL, CHAIN_JOINS } from '@xkx/api/modules/deals/chain-rules';

interface FunnelRow {
  matches: number;
  introductions: number;
  deals: number;
  signed: number;
  registered: number;
  paid: number;
  d_intro_deal: number | null;
  d_deal_signed: number | null;
  d_signed_registered: number | null;
  d_registered_paid: number | null;
}

const STAGES: Array<{ stage: KpiFunnelStage; label: { 'zh-CN': string; en: string }; count: keyof FunnelRow; days: keyof FunnelRow | null }> = [
  { stage: 'MATCHES', label: { 'zh-CN': '匹配', en: 'Matches' }, count: 'matches', days: null },
  { stage: 'INTRODUCTIONS', label: { 'zh-CN': '对接', en: 'Introductions' }, count: 'introductions', days: null },
  { stage: 'DEALS', label: { 'zh-CN': '撮合项目', en: 'Deals' }, count: 'deals', days: 'd_intro_deal' },
  { stage: 'SIGNED', label: { 'zh-CN': '签约', en: 'Signed' }, count: 'signed', days: 'd_deal_signed' },
  { stage: 'REGISTERED', label: { 'zh-CN': '登记', en: 'Registered' }, count: 'registered', days: 'd_signed_registered' },
  { stage: 'PAID', label: { 'zh-CN': '到账', en: 'Paid' }, count: 'paid', days: 'd_registered_paid' },
];

const DEFINITIONS: KpiDefinition[] = [
  {
    key: 'funnel',
    label: { 'zh-CN': '转化漏斗', en: 'Funnel' },
    text: {
      'zh-CN': '漏斗的单位是“机会”：当年新建的撮合项目各算一个；当年发起、未转为当年项目的对接各算一个；当年最新评价为“好”、且当年未发起对接或项目的需求–成果对各算一个。每一阶段只计到达该阶段的机会，是上一阶段的子集，故转化率不超过 100%：匹配 = 全部机会（对接和项目本身即是一次被认可的匹配，无论来自算法、经理人还是自荐）；对接 = 对接与项目；撮合项目 = 项目；签约 = 有流程完整的已签合同的项目；登记 = 其中有已登记合同的；到账 = 其中已登记合同已有到账的。到达某阶段的日期不早于上一阶段（取两者较晚者：例如补录的合同签订日期早于项目建立日，按建立日计），故天数不为负；天数为中位数（亚洲/上海日历日）。转化率 = 本阶段 ÷ 上一阶段（万分比，向下取整）。按技术经理人筛选时，只计其参与的项目、其发起或转为其项目的对接，以及其本人给出的“好”评价。',
      en: 'The funnel counts opportunities: each deal opened in the year; each introduction opened in the year that did not become one of those deals; each need–result pair whose latest verdict in the year is GOOD and that got no introduction or deal in the year. Each stage counts the opportunities that reached it, a subset of the stage before, so no conversion exceeds 100 %: matches = every opportunity (an introduction or a deal is itself an accepted match, whether from the engine, a broker or a self request); introductions = introductions and deals; deals = deals; signed = deals with a signed contract whose chain is complete; registered = of those, with a registered contract; paid = of those, with money received on a registered contract. A stage is reached no earlier than the one before (the later of the two dates: a contract recorded with a signing date before the deal opened counts from the opening), so days are never negative; days = median calendar days (Asia/Shanghai). Conversion = this stage ÷ the previous one (basis points, rounded down). Filtered by a broker: only the deals he carries, the introductions he asked for or that became his deals, and the GOOD verdicts he gave himself.',
    },
  },
];

/** matches → introductions → deals → signed → registered → paid: nested populations of the year's opportunities. */
@Injectable()
export class KpiFunnelService {
  constructor(private readonly dataSource: DataSource) {}

  /** With `brokerId`: his deals, the introductions he asked for or that became his deals, and his own GOOD verdicts. */
  async funnel(year: number, brokerId: string | null = null): Promise<KpiFunnelDto> {
    const from = `${year}-01-01T00:00:00+08:00`;
    const to = `${year + 1}-01-01T00:00:00+08:00`;
    const brokers = (deal: string) => `EXISTS (SELECT 1 FROM deal_participant bp WHERE bp.deal_id = ${deal} AND bp.side = 'BROKER' AND bp.user_id = $3::uuid)`;
    // Each opportunity's date of reaching a stage is clamped to the stage before (greatest ignores NULLs,
    // hence the CASEs): a later stage never precedes an earlier one, so no duration is negative.
    const [row] = await this.dataSource.query<FunnelRow[]>(
      `WITH opened AS (
         SELECT d.id, d.need_id, d.result_id, d.introduction_id, d.created_at FROM deal d
         WHERE d.created_at >= $1::timestamptz AND d.created_at < $2::timestamptz AND ($3::uuid IS NULL OR ${brokers('d.id')})
       ), intros AS (
         SELECT i.need_id, i.result_id, i.created_at FROM introduction i
         WHERE i.created_at >= $1::timestamptz AND i.created_at < $2::timestamptz
           AND ($3::uuid IS NULL OR i.requester_id = $3::uuid OR ${brokers('i.deal_id')})
           AND NOT EXISTS (SELECT 1 FROM opened o WHERE o.introduction_id = i.id OR o.id = i.deal_id)
       ), latest AS (
         SELECT DISTINCT ON (need_id, result_id) need_id, result_id, verdict, actor_id FROM match_feedback
         WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz ORDER BY need_id, result_id, created_at DESC
       ), good AS (
         SELECT l.need_id FROM latest l
         WHERE l.verdict = 'GOOD' AND ($3::uuid IS NULL OR l.actor_id = $3::uuid)
           AND NOT EXISTS (SELECT 1 FROM intros i WHERE i.need_id = l.need_id AND i.result_id = l.result_id)
           AND NOT EXISTS (SELECT 1 FROM opened o WHERE o.need_id = l.need_id AND o.result_id = l.result_id)
       ), sound AS (
         SELECT c.deal_id, c.signed_on, c.registration_status, coalesce(c.registration_decided_on, c.signed_on) AS registered_on, c.first_received_on
         FROM tech_contract c ${CHAIN_JOINS} JOIN opened o ON o.id = c.deal_id
         WHERE (${CHAIN_ISSUE_SQL}) IS NULL
       ), agg AS (
         SELECT deal_id, min(signed_on) AS signed_on,
           min(registered_on) FILTER (WHERE registration_status = 'REGISTERED') AS registered_on,
           min(first_received_on) FILTER (WHERE registration_status = 'REGISTERED') AS paid_on
         FROM sound GROUP BY deal_id
       ), deals AS (
         SELECT (coalesce(least(i.created_at, o.created_at), o.created_at) AT TIME ZONE 'Asia/Shanghai')::date AS d1,
           (o.created_at AT TIME ZONE 'Asia/Shanghai')::date AS d2, a.signed_on, a.registered_on, a.paid_on
         FROM opened o LEFT JOIN introduction i ON i.id = o.introduction_id LEFT JOIN agg a ON a.deal_id = o.id
       ), staged AS (
         SELECT d1, d2, CASE WHEN signed_on IS NOT NULL THEN greatest(signed_on, d2) END AS d3, registered_on, paid_on FROM deals
       ), staged2 AS (
         SELECT d1, d2, d3, CASE WHEN d3 IS NOT NULL AND registered_on IS NOT NULL THEN greatest(registered_on, d3) END AS d4, paid_on FROM staged
       ), staged3 AS (
         SELECT d1, d2, d3, d4, CASE WHEN d4 IS NOT NULL AND paid_on IS NOT NULL THEN greatest(paid_on, d4) END AS d5 FROM staged2
       )
       SELECT
         ((SELECT count(*) FROM good) + (SELECT count(*) FROM intros) + count(*))::int AS matches,
         ((SELECT count(*) FROM intros) + count(*))::int AS introductions,
         count(*)::int AS deals, count(d3)::int AS signed, count(d4)::int AS registered, count(d5)::int AS paid,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY d2 - d1) AS d_intro_deal,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY d3 - d2) AS d_deal_signed,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY d4 - d3) AS d_signed_registered,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY d5 - d4) AS d_registered_paid
       FROM staged3`,
      [from, to, brokerId],
    );
    const r = row as FunnelRow;
    const stages: FunnelStageDto[] = STAGES.map((s, i) => {
      const count = Number(r[s.count] ?? 0);
      const prev = i > 0 ? Number(r[STAGES[i - 1]?.count ?? s.count] ?? 0) : null;
      const days = s.days ? r[s.days] : null;
      return { stage: s.stage, label: s.label, count, conversionBp: prev === null ? null : ratioBp(count, prev), medianDaysFromPrevious: days === null || days === undefined ? null : Number(days) };
    });
    return { year, brokerId, stages, definitions: DEFINITIONS };
  }
}
