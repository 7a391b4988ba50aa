import { Injectable } from '@nestjs/common';
import { KPI_NONE_KEY, KPI_VIEW_LABELS, KpiBasis, KpiDimension, KpiView, LEDGER_CHAIN_ISSUE_LABELS, LedgerChainIssue } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { DataSource } from 'typeorm';
import { KpiBreakdownQueryDto, KpiFiguresQueryDto, KpiRecordsQueryDto } from './dto/kpi-query.dto';
import { KpiBreakdownDto, KpiBreakdownItemDto, KpiExcludedDto, KpiFiguresDto, KpiHeadlineDto, KpiHeadlineFiguresDto, KpiPublicHeadlineDto, KpiRecordDto, KpiRecordsDto } from './dto/kpi-response.dto';
import { DIMENSION_KEY, DIMENSION_LABEL, FIGURE_COLUMNS, FigureRow, kpiBase, KpiScope } from './kpi-base.query';
import { KPI_DEFINITIONS } from './kpi-definitions';
import { fen, paceOf, ratioBp, yearElapsedBp } from './kpi-math';
import { KpiTargetsService } from './kpi-targets.service';

interface RecordRow {
  id: string;
  code: string;
  project_name: string;
  signed_on: string;
  type_code: string;
  registration_status: KpiRecordDto['registrationStatus'];
  registration_number: string | null;
  l_institution: string;
  l_enterprise: string;
  l_broker: string | null;
  l_agency: string | null;
  field_code: string | null;
  deal_id: string | null;
  related_party: boolean;
  contract_amount_fen: string;
  technical_amount_fen: string;
  received_fen: string;
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** Headline figures, breakdowns and drill-downs, all read from the one kpi_base definition. */
@Injectable()
export class KpiFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: KpiTargetsService,
  ) {}

  async headline(q: KpiFiguresQueryDto): Promise<KpiHeadlineDto> {
    const scope = (basis: KpiBasis): KpiScope => ({ year: q.year, view: q.view, basis, institutionId: q.institutionId, fieldCode: q.fieldCode, brokerId: q.brokerId, withPreviousYear: true });
    // A broker has no target: the district's would make one person's figures look like a shortfall.
    const [signed, paid, target, excluded] = await Promise.all([
      this.figuresByYear(scope('signed')),
      this.figuresByYear(scope('paid')),
      q.brokerId ? Promise.resolve(null) : this.targets.resolve(q.year, q.institutionId ?? null),
      this.leftOut({ ...scope('signed'), withPreviousYear: false }),
    ]);
    const pick = (year: number): KpiHeadlineFiguresDto => ({ ...(signed.get(year) ?? toFigures(undefined)), receivedInYearFen: paid.get(year)?.receivedFen ?? 0 });
    const current = pick(q.year);
    const progress = { projectsBp: target ? ratioBp(current.projects, target.projects) : null, contractAmountBp: target ? ratioBp(current.contractAmountFen, target.contractAmountFen) : null };
    const elapsed = yearElapsedBp(asOf(q.year));
    return {
      year: q.year,
      view: q.view,
      viewLabel: KPI_VIEW_LABELS[q.view],
      asOf: asOf(q.year),
      institutionId: q.institutionId ?? null,
      fieldCode: q.fieldCode ?? null,
      brokerId: q.brokerId ?? null,
      figures: current,
      previousYear: pick(q.year - 1),
      target,
      progress,
      excluded,
      pace: { yearElapsedBp: elapsed, projects: paceOf(progress.projectsBp, elapsed), contractAmountFen: paceOf(progress.contractAmountBp, elapsed) },
      definitions: KPI_DEFINITIONS,
    };
  }

  /** The public portal: district-wide, year to date, aggregate only. */
  async publicHeadline(year: number, view: KpiView): Promise<KpiPublicHeadlineDto> {
    const [figures, target] = await Promise.all([this.figures({ year, view, basis: 'signed' }), this.targets.resolve(year, null)]);
    const t = target ?? { projects: 0, contractAmountFen: 0 };
    return {
      year,
      view,
      asOf: asOf(year),
      projects: figures.projects,
      contractAmountFen: figures.contractAmountFen,
      targetProjects: t.projects,
      targetContractAmountFen: t.contractAmountFen,
      projectsProgressBp: ratioBp(figures.projects, t.projects) ?? 0,
      contractAmountProgressBp: ratioBp(figures.contractAmountFen, t.contractAmountFen) ?? 0,
    };
  }

  async breakdown(q: KpiBreakdownQueryDto): Promise<KpiBreakdownDto> {
    const all = await this.groups({ year: q.year, view: q.view, basis: 'signed', institutionId: q.institutionId, fieldCode: q.fieldCode, brokerId: q.brokerId, withPreviousYear: true }, q.dimension);
    const previous = new Map(all.filter((r) => r.yr === q.year - 1).map((r) => [r.key, r]));
    const items: KpiBreakdownItemDto[] = all
      .filter((r) => r.yr === q.year)
      .map(({ yr: _yr, ...r }) => ({ ...r, previousYear: { projects: previous.get(r.key)?.projects ?? 0, contractAmountFen: previous.get(r.key)?.contractAmountFen ?? 0 } }));
    if (q.dimension === 'MONTH') {
      for (const month of MONTHS) {
        if (!items.some((i) => i.key === month)) {
          const p = previous.get(month);
          items.push({ key: month, label: monthLabel(month), projects: 0, contractAmountFen: 0, technicalAmountFen: 0, receivedFen: 0, previousYear: { projects: p?.projects ?? 0, contractAmountFen: p?.contractAmountFen ?? 0 } });
        }
      }
      items.sort((a, b) => a.key.localeCompare(b.key));
    }
    const totals: KpiFiguresDto = {
      projects: items.reduce((s, i) => s + i.projects, 0),
      contractAmountFen: sum(items.map((i) => i.contractAmountFen)),
      technicalAmountFen: sum(items.map((i) => i.technicalAmountFen)),
      receivedFen: sum(items.map((i) => i.receivedFen)),
    };
    return { year: q.year, view: q.view, dimension: q.dimension, totals, items };
  }

  async records(q: KpiRecordsQueryDto): Promise<KpiRecordsDto> {
    const { sql, params } = kpiBase({ year: q.year, view: q.view, basis: q.basis, institutionId: q.institutionId, fieldCode: q.fieldCode, brokerId: q.brokerId });
    const where = q.dimension && q.key !== undefined ? `WHERE ${DIMENSION_KEY[q.dimension]} = $${params.length + 1}` : '';
    const all = where ? [...params, q.key] : params;
    const [totals] = await this.dataSource.query<FigureRow[]>(`${sql} SELECT ${FIGURE_COLUMNS} FROM kpi_scoped ${where}`, all);
    const n = all.length;
    const rows = await this.dataSource.query<RecordRow[]>(
      `${sql} SELECT id, code, project_name, signed_on, type_code, registration_status, registration_number, l_institution, l_enterprise, l_broker, l_agency, field_code, deal_id, related_party,
         contract_amount_fen::text, technical_amount_fen::text, received_fen::text
       FROM kpi_scoped ${where} ORDER BY signed_on, code LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...all, q.limit, q.offset],
    );
    const figures = toFigures(totals);
    return {
      year: q.year,
      view: q.view,
      basis: q.basis,
      totals: figures,
      total: figures.projects,
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        projectName: r.project_name,
        signedOn: r.signed_on,
        typeCode: r.type_code,
        registrationStatus: r.registration_status,
        registrationNumber: r.registration_number,
        institution: r.l_institution,
        enterprise: r.l_enterprise,
        broker: r.l_broker,
        agency: r.l_agency,
        fieldCode: r.field_code,
        dealId: r.deal_id,
        relatedParty: r.related_party,
        contractAmountFen: fen(r.contract_amount_fen),
        technicalAmountFen: fen(r.technical_amount_fen),
        receivedFen: fen(r.received_fen),
      })),
    };
  }

  /** Contracts in scope that the figures leave out (incomplete chain), by reason. */
  async leftOut(scope: KpiScope): Promise<KpiExcludedDto> {
    const { sql, params } = kpiBase(scope, 'figures');
    const rows = await this.dataSource.query<Array<{ issue: LedgerChainIssue; projects: number; amount: string }>>(
      `${sql} SELECT chain_issue AS issue, count(*)::int AS projects, sum(contract_amount_fen)::text AS amount FROM kpi_left_out GROUP BY chain_issue ORDER BY chain_issue`,
      params,
    );
    const reasons = rows.map((r) => ({ issue: r.issue, label: LEDGER_CHAIN_ISSUE_LABELS[r.issue], projects: Number(r.projects), contractAmountFen: fen(r.amount) }));
    return { projects: reasons.reduce((n, r) => n + r.projects, 0), contractAmountFen: sum(reasons.map((r) => r.contractAmountFen)), reasons };
  }

  async figures(scope: KpiScope): Promise<KpiFiguresDto> {
    const { sql, params } = kpiBase(scope, 'figures');
    const [row] = await this.dataSource.query<FigureRow[]>(`${sql} SELECT ${FIGURE_COLUMNS} FROM kpi_scoped`, params);
    return toFigures(row);
  }

  /** Figures per year (`withPreviousYear` scopes hold two). */
  async figuresByYear(scope: KpiScope): Promise<Map<number, KpiFiguresDto>> {
    const { sql, params } = kpiBase(scope, 'figures');
    const rows = await this.dataSource.query<Array<FigureRow & { yr: number }>>(`${sql} SELECT yr, ${FIGURE_COLUMNS} FROM kpi_scoped GROUP BY yr`, params);
    return new Map(rows.map((r) => [Number(r.yr), toFigures(r)]));
  }

  async groups(scope: KpiScope, dimension: KpiDimension): Promise<Array<KpiFiguresDto & { yr: number; key: string; label: { 'zh-CN': string; en: string } }>> {
    const { sql, params } = kpiBase(scope, dimension);
    const key = DIMENSION_KEY[dimension];
    const [zh, en] = DIMENSION_LABEL[dimension];
    const rows = await this.dataSource.query<Array<FigureRow & { yr: number; key: string; zh: string | null; en: string | null }>>(
      `${sql} SELECT yr, ${key} AS key, max(${zh}) AS zh, max(${en}) AS en, ${FIGURE_COLUMNS} FROM kpi_scoped GROUP BY yr, ${key} ORDER BY yr DESC, sum(contract_amount_fen) DESC, ${key}`,
      params,
    );
    return rows.map((r) => ({ yr: Number(r.yr), key: r.key, label: label(dimension, r.key, r.zh, r.en), ...toFigures(r) }));
  }
}

export function toFigures(row: FigureRow | undefined): KpiFiguresDto {
  return {
    projects: Number(row?.projects ?? 0),
    contractAmountFen: fen(row?.contract_amount_fen),
    technicalAmountFen: fen(row?.technical_amount_fen),
    receivedFen: fen(row?.received_fen),
  };
}

function sum(values: number[]): number {
  const total = values.reduce((acc, v) => acc + BigInt(v), 0n);
  return fen(total.toString());
}

/** Figures count records up to today, or to the end of a past year (Asia/Shanghai). */
export function asOf(year: number): string {
  const today = shanghaiDate();
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

const monthLabel = (month: string): { 'zh-CN': string; en: string } => ({ 'zh-CN': `${Number(month)}月`, en: new Date(Date.UTC(2000, Number(month) - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' }) });

function label(dimension: KpiDimension, key: string, zh: string | null, en: string | null): { 'zh-CN': string; en: string } {
  if (dimension === 'MONTH') return monthLabel(key);
  if (key === KPI_NONE_KEY) {
    const none: Record<KpiDimension, { 'zh-CN': string; en: string }> = {
      MONTH: { 'zh-CN': '', en: '' },
      INSTITUTION: { 'zh-CN': '未知机构', en: 'Unknown institution' },
      AGENCY: { 'zh-CN': '无技术转移中心', en: 'No agency' },
      FIELD: { 'zh-CN': '未标注领域', en: 'No field' },
      TYPE: { 'zh-CN': '未知类型', en: 'Unknown type' },
      BROKER: { 'zh-CN': '无技术经理人', en: 'No broker' },
      ENTERPRISE: { 'zh-CN': '未知企业', en: 'Unknown enterprise' },
    };
    return none[dimension];
  }
  return { 'zh-CN': zh ?? key, en: en ?? zh ?? key };
}
