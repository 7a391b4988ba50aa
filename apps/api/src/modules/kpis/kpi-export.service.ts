import { Injectable } from '@nestjs/common';
import { KPI_DIMENSION_LABELS, KPI_VIEW_LABELS, KpiDimension, REGISTRATION_STATUS_LABELS, SUBSIDY_CLAIMANT_LABELS } from '@xkx/contracts';
import { fenToYuanString } from '@xkx/util';
import { Workbook, Worksheet } from 'exceljs';
import { KpiFiguresQueryDto, KpiRecordsQueryDto } from './dto/kpi-query.dto';
import { KpiRecordDto, SubsidyReportDto } from './dto/kpi-response.dto';
import { KpiFiguresService } from './kpi-figures.service';
import { SubsidiesService } from './subsidies.service';

/** Sheet names of the workbook, in order after the summary. */
export const BREAKDOWN_SHEETS: Record<KpiDimension, string> = {
  MONTH: '按月份',
  INSTITUTION: '按高校院所',
  AGENCY: '按技术转移中心',
  FIELD: '按技术领域',
  TYPE: '按合同类型',
  BROKER: '按技术经理人',
  ENTERPRISE: '按企业',
};

const MAX_DETAIL_ROWS = 100_000;
const PAGE = 10_000;

const RECORD_COLUMNS: Array<{ header: string; key: keyof KpiRecordDto | 'contractYuan' | 'technicalYuan' | 'receivedYuan'; width: number }> = [
  { header: '合同编号', key: 'code', width: 14 },
  { header: '项目名称', key: 'projectName', width: 36 },
  { header: '签订日期', key: 'signedOn', width: 12 },
  { header: '合同类型', key: 'typeCode', width: 18 },
  { header: '登记状态', key: 'registrationStatus', width: 12 },
  { header: '登记编号', key: 'registrationNumber', width: 18 },
  { header: '高校院所', key: 'institution', width: 24 },
  { header: '企业', key: 'enterprise', width: 28 },
  { header: '技术经理人', key: 'broker', width: 12 },
  { header: '技术转移中心', key: 'agency', width: 24 },
  { header: '技术领域', key: 'fieldCode', width: 12 },
  { header: '关联交易', key: 'relatedParty', width: 8 },
  { header: '合同成交额(分)', key: 'contractAmountFen', width: 16 },
  { header: '技术交易额(分)', key: 'technicalAmountFen', width: 16 },
  { header: '实际到账(分)', key: 'receivedFen', width: 16 },
  { header: '合同成交额(元)', key: 'contractYuan', width: 16 },
  { header: '技术交易额(元)', key: 'technicalYuan', width: 16 },
  { header: '实际到账(元)', key: 'receivedYuan', width: 16 },
];

/**
 * The ledger as files. Money is written twice per figure: integer fen (numbers, exact in Excel up to
 * 2^53) and yuan as exact decimal text; never a float of yuan.
 */
@Injectable()
export class KpiExportService {
  constructor(
    private readonly figures: KpiFiguresService,
    private readonly subsidies: SubsidiesService,
  ) {}

  async workbook(q: KpiFiguresQueryDto): Promise<Buffer> {
    const wb = new Workbook();
    wb.creator = '霞科行';
    const headline = await this.figures.headline(q);
    const summary = wb.addWorksheet('汇总');
    summary.columns = [
      { header: '指标', key: 'label', width: 28 },
      { header: '数值(分/项)', key: 'value', width: 20 },
      { header: '数值(元)', key: 'yuan', width: 20 },
      { header: '定义', key: 'definition', width: 80 },
    ];
    const definition = (key: string): string => headline.definitions.find((d) => d.key === key)?.text['zh-CN'] ?? '';
    summary.addRow({ label: '年度', value: headline.year });
    summary.addRow({ label: '统计口径', value: KPI_VIEW_LABELS[headline.view]['zh-CN'], definition: definition('view') });
    summary.addRow({ label: '统计截至', value: headline.asOf });
    summary.addRow({ label: '项目数', value: headline.figures.projects, definition: definition('projects') });
    for (const [label, key] of [['合同成交额', 'contractAmountFen'], ['技术交易额', 'technicalAmountFen'], ['实际到账（签约年度口径）', 'receivedFen'], ['实际到账（到账年度口径）', 'receivedInYearFen']] as const) {
      summary.addRow({ label, value: headline.figures[key], yuan: fenToYuanString(headline.figures[key]), definition: definition(key) });
    }
    if (headline.target) {
      summary.addRow({ label: '目标项目数', value: headline.target.projects });
      summary.addRow({ label: '目标合同成交额', value: headline.target.contractAmountFen, yuan: fenToYuanString(headline.target.contractAmountFen) });
    }
    bold(summary);

    for (const dimension of Object.keys(BREAKDOWN_SHEETS) as KpiDimension[]) {
      const breakdown = await this.figures.breakdown({ ...q, dimension });
      const sheet = wb.addWorksheet(BREAKDOWN_SHEETS[dimension]);
      sheet.columns = [
        { header: KPI_DIMENSION_LABELS[dimension]['zh-CN'], key: 'label', width: 28 },
        { header: '键', key: 'key', width: 38 },
        { header: '项目数', key: 'projects', width: 10 },
        { header: '合同成交额(分)', key: 'contractAmountFen', width: 18 },
        { header: '技术交易额(分)', key: 'technicalAmountFen', width: 18 },
        { header: '实际到账(分)', key: 'receivedFen', width: 18 },
        { header: '上年项目数', key: 'previousProjects', width: 12 },
        { header: '上年合同成交额(分)', key: 'previousContractAmountFen', width: 18 },
      ];
      for (const item of breakdown.items) {
        sheet.addRow({ label: item.label['zh-CN'], key: item.key, projects: item.projects, contractAmountFen: item.contractAmountFen, technicalAmountFen: item.technicalAmountFen, receivedFen: item.receivedFen, previousProjects: item.previousYear.projects, previousContractAmountFen: item.previousYear.contractAmountFen });
      }
      sheet.addRow({ label: '合计', projects: breakdown.totals.projects, contractAmountFen: breakdown.totals.contractAmountFen, technicalAmountFen: breakdown.totals.technicalAmountFen, receivedFen: breakdown.totals.receivedFen });
      bold(sheet);
    }

    const detail = wb.addWorksheet('合同明细');
    detail.columns = RECORD_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    for (const r of await this.allRecords({ ...q, basis: 'signed' })) detail.addRow(recordRow(r));
    bold(detail);

    claimsSheet(wb, '奖补', await this.subsidies.report(q.year));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The subsidy report of a year: the claims (with a 合计 row), every line behind them, the exclusions. */
  async subsidyWorkbook(year: number): Promise<Buffer> {
    const wb = new Workbook();
    wb.creator = '霞科行';
    const report = await this.subsidies.report(year);
    const claims = claimsSheet(wb, '奖补汇总', report);
    claims.addRow({ kind: '合计', amountFen: report.totalFen, amountYuan: fenToYuanString(report.totalFen) }).font = { bold: true };

    const lines = wb.addWorksheet('奖补明细');
    lines.columns = [
      { header: '申领方类型', key: 'kind', width: 14 },
      { header: '申领方', key: 'name', width: 28 },
      { header: '合同编号', key: 'code', width: 14 },
      { header: '项目名称', key: 'projectName', width: 36 },
      { header: '当年到账(分)', key: 'receivedFen', width: 18 },
      { header: '当年到账(元)', key: 'receivedYuan', width: 18 },
    ];
    for (const c of report.claims) {
      for (const l of c.lines) {
        lines.addRow({ kind: SUBSIDY_CLAIMANT_LABELS[c.kind]['zh-CN'], name: c.name, code: l.code, projectName: l.projectName, receivedFen: l.receivedFen, receivedYuan: fenToYuanString(l.receivedFen) });
      }
    }
    bold(lines);

    const excluded = wb.addWorksheet('不予奖补');
    excluded.columns = [
      { header: '合同编号', key: 'code', width: 14 },
      { header: '当年到账(分)', key: 'receivedFen', width: 18 },
      { header: '当年到账(元)', key: 'receivedYuan', width: 18 },
      { header: '原因', key: 'reason', width: 40 },
    ];
    for (const e of report.excluded) excluded.addRow({ code: e.code, receivedFen: e.receivedFen, receivedYuan: fenToYuanString(e.receivedFen), reason: e.reason });
    bold(excluded);

    const notes = wb.addWorksheet('说明');
    notes.columns = [{ header: '项目', key: 'k', width: 20 }, { header: '内容', key: 'v', width: 80 }];
    notes.addRow({ k: '年度', v: report.year });
    notes.addRow({ k: '计算基数', v: '当年到账（到账日期在当年），仅已认定登记的高校院所–企业技术合同；关联交易不予奖补。' });
    notes.addRow({ k: '计算方法', v: '每个申领方：到账基数 × 比例，向下取整到分，再与上限取小。' });
    notes.addRow({ k: '机构与经理人', v: report.agencyBrokerPriority === 'AGENCY' ? '同一项目由技术经理人所在机构申领，经理人本人不重复申领。' : '同一项目由技术经理人申领，其所在机构不重复申领。' });
    bold(notes);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The records behind a figure or a bar, as CSV (UTF-8 with BOM so Excel reads the Chinese). */
  async csv(q: KpiRecordsQueryDto): Promise<string> {
    const rows = await this.allRecords(q);
    const lines = [RECORD_COLUMNS.map((c) => c.header), ...rows.map((r) => { const row = recordRow(r); return RECORD_COLUMNS.map((c) => row[c.key]); })];
    return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }

  private async allRecords(q: Omit<KpiRecordsQueryDto, 'limit' | 'offset'>): Promise<KpiRecordDto[]> {
    const out: KpiRecordDto[] = [];
    for (let offset = 0; offset < MAX_DETAIL_ROWS; offset += PAGE) {
      const page = await this.figures.records({ ...q, limit: PAGE, offset });
      out.push(...page.items);
      if (page.items.length < PAGE) break;
    }
    return out;
  }
}

function recordRow(r: KpiRecordDto): Record<string, string | number> {
  return {
    code: r.code,
    projectName: r.projectName,
    signedOn: r.signedOn,
    typeCode: r.typeCode,
    registrationStatus: REGISTRATION_STATUS_LABELS[r.registrationStatus]['zh-CN'],
    registrationNumber: r.registrationNumber ?? '',
    institution: r.institution,
    enterprise: r.enterprise,
    broker: r.broker ?? '',
    agency: r.agency ?? '',
    fieldCode: r.fieldCode ?? '',
    relatedParty: r.relatedParty ? '是' : '否',
    contractAmountFen: r.contractAmountFen,
    technicalAmountFen: r.technicalAmountFen,
    receivedFen: r.receivedFen,
    contractYuan: fenToYuanString(r.contractAmountFen),
    technicalYuan: fenToYuanString(r.technicalAmountFen),
    receivedYuan: fenToYuanString(r.receivedFen),
  };
}

/** One row per claimant: base, rate, raw, cap and the amount, in fen (numbers) and the amount in yuan (exact text). */
function claimsSheet(wb: Workbook, name: string, report: SubsidyReportDto): Worksheet {
  const sheet = wb.addWorksheet(name);
  sheet.columns = [
    { header: '申领方类型', key: 'kind', width: 14 },
    { header: '申领方', key: 'name', width: 28 },
    { header: '到账基数(分)', key: 'baseFen', width: 18 },
    { header: '比例(万分之)', key: 'rateBp', width: 12 },
    { header: '测算额(分)', key: 'rawFen', width: 16 },
    { header: '上限(分)', key: 'capFen', width: 16 },
    { header: '奖补金额(分)', key: 'amountFen', width: 16 },
    { header: '奖补金额(元)', key: 'amountYuan', width: 16 },
    { header: '封顶', key: 'capped', width: 6 },
  ];
  for (const c of report.claims) {
    sheet.addRow({ kind: SUBSIDY_CLAIMANT_LABELS[c.kind]['zh-CN'], name: c.name, baseFen: c.baseFen, rateBp: c.rateBp, rawFen: c.rawFen, capFen: c.capFen, amountFen: c.amountFen, amountYuan: fenToYuanString(c.amountFen), capped: c.capped ? '是' : '否' });
  }
  bold(sheet);
  return sheet;
}

function bold(sheet: Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a cell as a formula. */
function csvCell(value: string | number | undefined): string {
  if (typeof value === 'number') return String(value);
  let text = value ?? '';
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
