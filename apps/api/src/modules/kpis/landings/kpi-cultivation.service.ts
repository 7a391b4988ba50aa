import { Injectable } from '@nestjs/common';
import { EnterpriseStatus, KpiBasis } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { kpiBase } from '../kpi-base.query';
import { asOf } from '../kpi-figures.service';
import { fen } from '../kpi-math';
import { CULTIVATION_DEFINITIONS } from './landing-definitions';
import { CultivationReportDto, LandingQueryDto } from './kpi-landings.dto';

/** The organization columns of each status. */
const STATUS_COLUMNS: Record<EnterpriseStatus, { flag: string; no: string; issued: string; expires: string }> = {
  HIGH_TECH: { flag: 'is_high_tech', no: 'high_tech_cert_no', issued: 'high_tech_issued_on', expires: 'high_tech_expires_on' },
  SPECIALIZED: { flag: 'is_specialized', no: 'specialized_cert_no', issued: 'specialized_issued_on', expires: 'specialized_expires_on' },
};

/** Holds the status on `day` (SQL date expression) — flag set, issued by then (or no date), not expired (or no expiry). */
const holds = (s: EnterpriseStatus, day: string): string => {
  const c = STATUS_COLUMNS[s];
  return `(o.${c.flag} AND (o.${c.issued} IS NULL OR o.${c.issued} <= ${day}) AND (o.${c.expires} IS NULL OR o.${c.expires} >= ${day}))`;
};

/** 企业培育: 高新技术企业 and 专精特新 in the market, the year's contracts involving them, statuses about to lapse. */
@Injectable()
export class KpiCultivationService {
  constructor(private readonly dataSource: DataSource) {}

  async report(q: LandingQueryDto): Promise<CultivationReportDto> {
    const day = asOf(q.year);
    const statuses = Object.values(EnterpriseStatus);
    const figures = [];
    for (const status of statuses) {
      const [ent] = await this.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM organization o WHERE o.kind = 'ENTERPRISE' AND ${holds(status, '$1::date')}`,
        [day],
      );
      // The ledger's own rows (kpi_scoped): the enterprise side's organization held the status on the signing date.
      const base = kpiBase({ year: q.year, view: q.view, basis: KpiBasis.SIGNED }, 'ENTERPRISE');
      const [con] = await this.dataSource.query<Array<{ n: number; amount: string }>>(
        `${base.sql} SELECT count(*)::int AS n, coalesce(sum(ks.contract_amount_fen), 0)::text AS amount
         FROM kpi_scoped ks JOIN organization o ON o.id::text = ks.k_enterprise AND o.kind = 'ENTERPRISE'
         WHERE ${holds(status, 'ks.signed_on')}`,
        base.params,
      );
      figures.push({ status, enterprises: ent?.n ?? 0, contracts: con?.n ?? 0, contractAmountFen: fen(con?.amount ?? '0') });
    }
    const expiring = await this.dataSource.query<Array<{ id: string; name_zh: string; status: EnterpriseStatus; no: string | null; expires: string }>>(
      statuses
        .map((status) => {
          const c = STATUS_COLUMNS[status];
          return `SELECT o.id, o.name_zh, '${status}' AS status, o.${c.no} AS no, o.${c.expires}::text AS expires FROM organization o
            WHERE o.kind = 'ENTERPRISE' AND o.${c.flag} AND o.${c.expires} >= $1::date AND o.${c.expires} < ($1::date + interval '6 months')`;
        })
        .join(' UNION ALL ') + ' ORDER BY expires, name_zh, status',
      [day],
    );
    return {
      year: q.year,
      view: q.view,
      asOf: day,
      figures,
      expiring: expiring.map((r) => ({ organizationId: r.id, name: r.name_zh, status: r.status, certificateNo: r.no, expiresOn: r.expires })),
      definitions: CULTIVATION_DEFINITIONS,
    };
  }
}
