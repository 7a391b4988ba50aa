import { Injectable } from '@nestjs/common';
import { KPI_DIMENSION_LABELS, KPI_VIEW_LABELS, KpiDimension, REGISTRATION_STATUS_LABELS, SUBSIDY_CLAIMANT_LABELS } from '@xkx/contracts';
import { fenToYuanString } from '@xkx/util';
import { Style, Workbook, Worksheet } from 'exceljs';
import { DataSource } from 'typeorm';
import { boldHeader, calendarDate, codeNames, DATE_FORMAT, dateColumn, fenToYuanNumber, YUAN_FORMAT, yuanColumn } from '../../common/excel/excel-cells';
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

type RecordKey = Exclude<keyof KpiRecordDto, 'id' | 'dealId' | 'contractAmountFen' | 'technicalAmountFen' | 'receivedFen'> | 'contractYuan' | 'technicalYuan' | 'receivedYuan';
const RECORD_COLUMNS: Array<{ header: string; key: RecordKey; width: number; style?: Partial<Style> }> = [
  { header: '合同编号', key: 'code', width: 14 },
  { header: '项目名称', key: 'projectName', width: 36 },
  { header: '签订日期', key: 'signedOn', width: 12, ...dateColumn },
  { header: '合同类型', key: 'typeCode', width: 18 },
  { header: '登记状态', key: 'registrationStatus', width: 12 },
  { header: '登记编号', key: 'registrationNumber', width: 18 },
  { header: '高校院所', key: 'institution', width: 24 },
  { header: '企业', key: 'enterprise', width: 28 },
  { header: '技术经理人', key: 'broker', width: 12 },
  { header: '技术转移中心', key: 'agency', width: 24 },
  { header: '技术领域', key: 'fieldCode', width: 16 },
  { header: '关联交易', key: 'relatedParty', width: 8 },
  { header: '合同成交额(元)', key: 'contractYuan', width: 18, ...yuanColumn },
  { header: '技术交易额(元)', key: 'technicalYuan', width: 18, ...yuanColumn },
  { header: '实际到账(元)', key: 'receivedYuan', width: 18, ...yuanColumn },
];

/** Codes in the ledger's rows, written as their names. */
interface Names {
  fields: Map<string, string>;
  types: Map<string, string>;
}

/**
 * The ledger as files. Money is 元: numbers with a two-decimal format in the workbooks (exact to the fen
 * as shown), exact decimal text in the CSV; dates are date cells; codes are written as names.
 */
@Injectable()
export class KpiExportService {
  constructor(
    private readonly figures: KpiFiguresService,
    private readonly subsidies: SubsidiesService,
    private readonly dataSource: DataSource,
  ) {}

  private async names(): Promise<Names> {
    return { fields: await codeNames(this.dataSource, 'technology_field'), types: await codeNames(this.dataSource, 'contract_type') };
  }

  async workbook(q: KpiFiguresQueryDto): Promise<Buffer> {
    const wb = new Workbook();
    wb.creator = '霞科行';
    const names = await this.names();
    const headline = await this.figures.headline(q);
    const summary = wb.addWorksheet('汇总');
    summary.columns = [
      { header: '指标', key: 'label', width: 28 },
      { header: '数值', key: 'value', width: 20 },
      { header: '单位', key: 'unit', width: 8 },
      { header: '定义', key: 'definition', width: 80 },
    ];
    const definition = (key: string): string => headline.definitions.find((d) => d.key === key)?.text['zh-CN'] ?? '';
    const money = (label: string, fen: number, text = ''): void => {
      summary.addRow({ label, value: fenToYuanNumber(fen), unit: '元', definition: text }).getCell('value').numFmt = YUAN_FORMAT;
    };
    summary.addRow({ label: '年度', value: headline.year });
    summary.addRow({ label: '统计口径', value: KPI_VIEW_LABELS[headline.view]['zh-CN'], definition: definition('view') });
    summary.addRow({ label: '统计截至', value: calendarDate(headline.asOf) }).getCell('value').numFmt = DATE_FORMAT;
    summary.addRow({ label: '项目数', value: headline.figures.projects, unit: '项', definition: definition('projects') });
    for (const [label, key] of [['合同成交额', 'contractAmountFen'], ['技术交易额', 'technicalAmountFen'], ['实际到账（签约年度口径）', 'receivedFen'], ['实际到账（到账年度口径）', 'receivedInYearFen']] as const) {
      money(label, headline.figures[key], definition(key));
    }
    if (headline.target) {
      summary.addRow({ label: '目标项目数', value: headline.target.projects, unit: '项' });
      money('目标合同成交额', headline.target.contractAmountFen);
    }
    boldHeader(summary);

    for (const dimension of Object.keys(BREAKDOWN_SHEETS) as KpiDimension[]) {
      const breakdown = await this.figures.breakdown({ ...q, dimension });
      const sheet = wb.addWorksheet(BREAKDOWN_SHEETS[dimension]);
      sheet.columns = [
        { header: KPI_DIMENSION_LABELS[dimension]['zh-CN'], key: 'label', width: 28 },
        { header: '项目数', key: 'projects', width: 10 },
        { header: '合同成交额(元)', key: 'contractAmount', width: 18, ...yuanColumn },
        { header: '技术交易额(元)', key: 'technicalAmount', width: 18, ...yuanColumn },
        { header: '实际到账(元)', key: 'received', width: 18, ...yuanColumn },
        { header: '上年项目数', key: 'previousProjects', width: 12 },
        { header: '上年合同成交额(元)', key: 'previousContractAmount', width: 20, ...yuanColumn },
      ];
      for (const item of breakdown.items) {
        sheet.addRow({ label: item.label['zh-CN'], projects: item.projects, contractAmount: fenToYuanNumber(item.contractAmountFen), technicalAmount: fenToYuanNumber(item.technicalAmountFen), received: fenToYuanNumber(item.receivedFen), previousProjects: item.previousYear.projects, previousContractAmount: fenToYuanNumber(item.previousYear.contractAmountFen) });
      }
      sheet.addRow({ label: '合计', projects: breakdown.totals.projects, contractAmount: fenToYuanNumber(breakdown.totals.contractAmountFen), technicalAmount: fenToYuanNumber(breakdown.totals.technicalAmountFen), received: fenToYuanNumber(breakdown.totals.receivedFen) });
      boldHeader(sheet);
    }

    const detail = wb.addWorksheet('合同明细');
    detail.columns = RECORD_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.style ? { style: c.style } : {}) }));
    for (const r of await this.allRecords({ ...q, basis: 'signed' })) detail.addRow(recordRow(r, names, 'cells'));
    boldHeader(detail);

    claimsSheet(wb, '奖补', await this.subsidies.report(q.year));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The subsidy report of a year: the claims (with a 合计 row), every line behind them, the exclusions. */
  async subsidyWorkbook(year: number): Promise<Buffer> {
    const wb = new Workbook();
    wb.creator = '霞科行';
    const report = await this.subsidies.report(year);
    const claims = claimsSheet(wb, '奖补汇总', report);
    claims.addRow({ kind: '合计', amount: fenToYuanNumber(report.totalFen) }).font = { bold: true };

    const lines = wb.addWorksheet('奖补明细');
    lines.columns = [
      { header: '申领方类型', key: 'kind', width: 14 },
      { header: '申领方', key: 'name', width: 28 },
      { header: '合同编号', key: 'code', width: 14 },
      { header: '项目名称', key: 'projectName', width: 36 },
      { header: '当年到账(元)', key: 'received', width: 18, ...yuanColumn },
    ];
    for (const c of report.claims) {
      for (const l of c.lines) {
        lines.addRow({ kind: SUBSIDY_CLAIMANT_LABELS[c.kind]['zh-CN'], name: c.name, code: l.code, projectName: l.projectName, received: fenToYuanNumber(l.receivedFen) });
      }
    }
    boldHeader(lines);

    const excluded = wb.addWorksheet('不予奖补');
    excluded.columns = [
      { header: '合同编号', key: 'code', width: 14 },
      { header: '当年到账(元)', key: 'received', width: 18, ...yuanColumn },
      { header: '原因', key: 'reason', width: 40 },
    ];
    for (const e of report.excluded) excluded.addRow({ code: e.code, received: fenToYuanNumber(e.receivedFen), reason: e.reason });
    boldHeader(excluded);

    const notes = wb.addWorksheet('说明');
    notes.columns = [{ header: '项目', key: 'k', width: 20 }, { header: '内容', key: 'v', width: 80 }];
    notes.addRow({ k: '年度', v: report.year });
    notes.addRow({ k: '计算基数', v: '当年到账（到账日期在当年），仅已认定登记的高校院所–企业技术合同；关联交易不予奖补。' });
    notes.addRow({ k: '计算方法', v: '每个申领方：到账基数 × 比例，向下取整到分，再与上限取小。' });
    notes.addRow({ k: '机构与经理人', v: report.agencyBrokerPriority === 'AGENCY' ? '同一项目由技术经理人所在机构申领，经理人本人不重复申领。' : '同一项目由技术经理人申领，其所在机构不重复申领。' });
    boldHeader(notes);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The records behind a figure or a bar, as CSV (UTF-8 with BOM so Excel reads the Chinese); 元 as exact decimals. */
  async csv(q: KpiRecordsQueryDto): Promise<string> {
    const rows = await this.allRecords(q);
    const names = await this.names();
    const lines = [RECORD_COLUMNS.map((c) => c.header), ...rows.map((r) => { const row = recordRow(r, names, 'text'); return RECORD_COLUMNS.map((c) => row[c.key]); })];
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

/** A contract as a row: typed cells for a workbook, text for CSV (dates as YYYY-MM-DD, 元 as exact decimals). */
function recordRow(r: KpiRecordDto, names: Names, as: 'cells' | 'text'): Record<RecordKey, string | number | Date | null> {
  const yuan = (fen: number): string | number => (as === 'cells' ? fenToYuanNumber(fen) : fenToYuanString(fen));
  return {
    code: r.code,
    projectName: r.projectName,
    signedOn: as === 'cells' ? calendarDate(r.signedOn) : r.signedOn,
    typeCode: names.types.get(r.typeCode) ?? r.typeCode,
    registrationStatus: REGISTRATION_STATUS_LABELS[r.registrationStatus]['zh-CN'],
    registrationNumber: r.registrationNumber ?? '',
    institution: r.institution,
    enterprise: r.enterprise,
    broker: r.broker ?? '',
    agency: r.agency ?? '',
    fieldCode: r.fieldCode ? (names.fields.get(r.fieldCode) ?? r.fieldCode) : '',
    relatedParty: r.relatedParty ? '是' : '否',
    contractYuan: yuan(r.contractAmountFen),
    technicalYuan: yuan(r.technicalAmountFen),
    receivedYuan: yuan(r.receivedFen),
  };
}

/** One row per claimant: base, rate, raw, cap and the amount, in 元. */
function claimsSheet(wb: Workbook, name: string, report: SubsidyReportDto): Worksheet {
  const sheet = wb.addWorksheet(name);
  sheet.columns = [
    { header: '申领方类型', key: 'kind', width: 14 },
    { header: '申领方', key: 'name', width: 28 },
    { header: '到账基数(元)', key: 'base', width: 18, ...yuanColumn },
    { header: '比例(万分之)', key: 'rateBp', width: 12 },
    { header: '测算额(元)', key: 'raw', width: 16, ...yuanColumn },
    { header: '上限(元)', key: 'cap', width: 16, ...yuanColumn },
    { header: '奖补金额(元)', key: 'amount', width: 16, ...yuanColumn },
    { header: '封顶', key: 'capped', width: 6 },
  ];
  for (const c of report.claims) {
    sheet.addRow({ kind: SUBSIDY_CLAIMANT_LABELS[c.kind]['zh-CN'], name: c.name, base: fenToYuanNumber(c.baseFen), rateBp: c.rateBp, raw: fenToYuanNumber(c.rawFen), cap: fenToYuanNumber(c.capFen), amount: fenToYuanNumber(c.amountFen), capped: c.capped ? '是' : '否' });
  }
  boldHeader(sheet);
  return sheet;
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a cell as a formula. */
function csvCell(value: string | number | Date | null | undefined): string {
  if (typeof value === 'number') return String(value);
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? '');
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
