import { Injectable } from '@nestjs/common';
import { KpiDefinition, KpiFunnelStage } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { FunnelStageDto, KpiFunnelDto } from './dto/kpi-response.dto';
import { ratioBp } from './kpi-math';

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
      'zh-CN': '匹配 = 当年最新评价为“好”的需求–成果对数 + 当年由匹配发起的对接数；对接 = 当年发起的对接数；撮合项目 = 当年新建的撮合项目；签约/登记/到账 = 其中已有合同签订、已认定登记、已有到账的项目数（不限日期）。转化率 = 本阶段 ÷ 上一阶段（万分比，向下取整）；天数为与上一阶段日期之差的中位数（亚洲/上海日历日），到账可能早于登记，故可为负。按技术经理人筛选时，只计其参与的撮合项目、其发起或转为其项目的对接，以及其本人给出的“好”评价。',
      en: 'Matches = need–result pairs whose latest verdict in the year is GOOD, plus introductions opened from matches in the year; introductions = introductions opened in the year; deals = deals opened in the year; signed / registered / paid = those deals with a signed contract, a registered contract, a payment (any date). Conversion = this stage ÷ the previous one (basis points, rounded down); days = median of calendar days (Asia/Shanghai) from the previous stage’s date; payment may precede registration, so that one can be negative. Filtered by a broker: only the deals he carries, the introductions he asked for or that became his deals, and the GOOD verdicts he gave himself.',
    },
  },
];

/** matches → introductions → deals → signed → registered → paid, for the deals opened in a year. */
@Injectable()
export class KpiFunnelService {
  constructor(private readonly dataSource: DataSource) {}

  /** With `brokerId`: his deals, the introductions he asked for or that became his deals, and his own GOOD verdicts. */
  async funnel(year: number, brokerId: string | null = null): Promise<KpiFunnelDto> {
    const from = `${year}-01-01T00:00:00+08:00`;
    const to = `${year + 1}-01-01T00:00:00+08:00`;
    const brokers = (deal: string) => `EXISTS (SELECT 1 FROM deal_participant bp WHERE bp.deal_id = ${deal} AND bp.side = 'BROKER' AND bp.user_id = $3::uuid)`;
    const [row] = await this.dataSource.query<FunnelRow[]>(
      `WITH latest AS (
         SELECT DISTINCT ON (need_id, result_id) verdict, actor_id FROM match_feedback
         WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz ORDER BY need_id, result_id, created_at DESC
       ), intros AS (
         SELECT i.origin FROM introduction i
         WHERE i.created_at >= $1::timestamptz AND i.created_at < $2::timestamptz
           AND ($3::uuid IS NULL OR i.requester_id = $3::uuid OR ${brokers('i.deal_id')})
       ), opened AS (
         SELECT d.id, d.introduction_id, (d.created_at AT TIME ZONE 'Asia/Shanghai')::date AS opened_on FROM deal d
         WHERE d.created_at >= $1::timestamptz AND d.created_at < $2::timestamptz AND ($3::uuid IS NULL OR ${brokers('d.id')})
       ), agg AS (
         SELECT c.deal_id, min(c.signed_on) AS signed_on,
           min(coalesce(c.registration_decided_on, c.signed_on)) FILTER (WHERE c.registration_status = 'REGISTERED') AS registered_on,
           min(c.first_received_on) AS paid_on
         FROM tech_contract c JOIN opened o ON o.id = c.deal_id
         GROUP BY c.deal_id
       ), deals AS (
         SELECT o.opened_on, (i.created_at AT TIME ZONE 'Asia/Shanghai')::date AS introduced_on, a.signed_on, a.registered_on, a.paid_on
         FROM opened o LEFT JOIN introduction i ON i.id = o.introduction_id LEFT JOIN agg a ON a.deal_id = o.id
       )
       SELECT
         ((SELECT count(*) FROM latest WHERE verdict = 'GOOD' AND ($3::uuid IS NULL OR actor_id = $3::uuid)) + (SELECT count(*) FROM intros WHERE origin = 'MATCH'))::int AS matches,
         (SELECT count(*) FROM intros)::int AS introductions,
         count(*)::int AS deals, count(signed_on)::int AS signed, count(registered_on)::int AS registered, count(paid_on)::int AS paid,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY opened_on - introduced_on) AS d_intro_deal,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY signed_on - opened_on) AS d_deal_signed,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY registered_on - signed_on) AS d_signed_registered,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY paid_on - registered_on) AS d_registered_paid
       FROM deals`,
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
