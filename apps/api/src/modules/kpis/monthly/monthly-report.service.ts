import { Injectable } from '@nestjs/common';
import { KpiBasis, KpiView, SUBSIDY_CLAIMANT_LABELS } from '@xkx/contracts';
import { Borders, Workbook, Worksheet } from 'exceljs';
import { DataSource } from 'typeorm';
import { calendarDate, codeNames, DATE_FORMAT } from '../../../common/excel/excel-cells';
import { KpiRecordDto } from '../dto/kpi-response.dto';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import { KpiFiguresService } from '../kpi-figures.service';
import { KpiTargetsService } from '../kpi-targets.service';
import { RndSpendingService } from '../rnd-spending.service';
import { SubsidiesService } from '../subsidies.service';
import { fenToWanYuan, monthBounds } from './wan-yuan';

const WAN = '#,##0.00';
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const ISSUER = '南京市栖霞区科学技术局 · 霞科行技术转移服务平台';

export interface MonthlySummary {
  month: string;
  projects: number;
  contractAmountFen: number;
  technicalAmountFen: number;
  receivedFen: number;
  yearProjects: number;
  yearContractAmountFen: number;
}

const total = (
  rows: readonly KpiRecordDto[],
  key: 'contractAmountFen' | 'technicalAmountFen' | 'receivedFen',
): number => rows.reduce((s, r) => s + r[key], 0);

/**
 * The district's monthly report: one workbook per month, laid out as the 科技局 files it (title and
 * issuer on each sheet, amounts in 万元 with two decimals, a totals row under every table, a definitions
 * sheet). Figures come from the same ledger queries as the dashboard, so every cell traces to contracts.
 */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly figures: KpiFiguresService,
    private readonly targets: KpiTargetsService,
    private readonly subsidies: SubsidiesService,
    private readonly rnd: RndSpendingService,
    private readonly dataSource: DataSource,
  ) {}

  /** The month's contracts and the year to the month's end (registered view, by signing date). */
  async summary(
    month: string,
  ): Promise<{
    summary: MonthlySummary;
    inMonth: KpiRecordDto[];
    toDate: KpiRecordDto[];
    lastYearToDate: KpiRecordDto[];
  }> {
    const { year, first, last } = monthBounds(month);
    const lastYearEnd = `${year - 1}${last.slice(4)}`.replace(/-02-29$/, '-02-28');
    const [current, previous] = await Promise.all([this.yearRecords(year), this.yearRecords(year - 1)]);
    const toDate = current.filter((r) => r.signedOn <= last);
    const inMonth = toDate.filter((r) => r.signedOn >= first);
    const lastYearToDate = previous.filter((r) => r.signedOn <= lastYearEnd);
    return {
      summary: {
        month,
        projects: inMonth.length,
        contractAmountFen: total(inMonth, 'contractAmountFen'),
        technicalAmountFen: total(inMonth, 'technicalAmountFen'),
        receivedFen: total(inMonth, 'receivedFen'),
        yearProjects: toDate.length,
        yearContractAmountFen: total(toDate, 'contractAmountFen'),
      },
      inMonth,
      toDate,
      lastYearToDate,
    };
  }

  async workbook(month: string): Promise<Buffer> {
    const { year, last } = monthBounds(month);
    const [{ inMonth, toDate, lastYearToDate }, target, subsidy, rnd] = await Promise.all([
      this.summary(month),
      this.targets.resolve(year, null),
      this.subsidies.report(year),
      this.rnd.report(year),
    ]);
    const title = `${year}年${Number(month.slice(5))}月`;
    const wb = new Workbook();
    wb.creator = '霞科行';

    // 1. 汇总
    const s = sheet(
      wb,
      '汇总',
      `栖霞区技术转移工作月报（${title}）`,
      `统计截至 ${last} · 已认定登记口径 · 金额单位：万元`,
      6,
    );
    header(s, ['指标', '本月', '本年累计', '上年同期累计', '年度目标', '累计完成进度']);
    const progress = (value: number, goal: number | undefined): string =>
      goal ? `${((value * 10_000) / goal / 100).toFixed(2)}%` : '—';
    const rows: Array<[string, number, number, number, number | undefined, boolean]> = [
      [
        '产学研及成果转化项目数（项）',
        inMonth.length,
        toDate.length,
        lastYearToDate.length,
        target?.projects,
        false,
      ],
      [
        '技术合同成交额（万元）',
        total(inMonth, 'contractAmountFen'),
        total(toDate, 'contractAmountFen'),
        total(lastYearToDate, 'contractAmountFen'),
        target?.contractAmountFen,
        true,
      ],
      [
        '技术交易额（万元）',
        total(inMonth, 'technicalAmountFen'),
        total(toDate, 'technicalAmountFen'),
        total(lastYearToDate, 'technicalAmountFen'),
        undefined,
        true,
      ],
      [
        '实际到账（万元）',
        total(inMonth, 'receivedFen'),
        total(toDate, 'receivedFen'),
        total(lastYearToDate, 'receivedFen'),
        undefined,
        true,
      ],
    ];
    for (const [label, month1, ytd, prev, goal, money] of rows) {
      const cells = money
        ? [
            fenToWanYuan(month1),
            fenToWanYuan(ytd),
            fenToWanYuan(prev),
            goal === undefined ? '—' : fenToWanYuan(goal),
          ]
        : [month1, ytd, prev, goal ?? '—'];
      body(s, [label, ...cells, progress(ytd, goal)], money ? [2, 3, 4, 5] : []);
    }

    // 2. 合同明细: the contracts behind this month's figures.
    const types = await codeNames(this.dataSource, 'contract_type');
    const c = sheet(wb, '本月合同明细', `本月签订并计入统计的技术合同（${title}）`, '金额单位：万元', 11);
    header(c, [
      '序号',
      '合同编号',
      '登记编号',
      '项目名称',
      '合同类型',
      '高校院所',
      '企业',
      '签订日期',
      '合同成交额',
      '技术交易额',
      '实际到账',
    ]);
    inMonth.forEach((r, i) =>
      body(
        c,
        [
          i + 1,
          r.code,
          r.registrationNumber ?? '',
          r.projectName,
          types.get(r.typeCode) ?? r.typeCode,
          r.institution,
          r.enterprise,
          calendarDate(r.signedOn) ?? r.signedOn,
          fenToWanYuan(r.contractAmountFen),
          fenToWanYuan(r.technicalAmountFen),
          fenToWanYuan(r.receivedFen),
        ],
        [9, 10, 11],
      ),
    );
    totals(
      c,
      [
        '合计',
        `${inMonth.length} 份`,
        '',
        '',
        '',
        '',
        '',
        '',
        fenToWanYuan(total(inMonth, 'contractAmountFen')),
        fenToWanYuan(total(inMonth, 'technicalAmountFen')),
        fenToWanYuan(total(inMonth, 'receivedFen')),
      ],
      [9, 10, 11],
    );

    // 3. 奖补测算 (year to date, on money received).
    const b = sheet(
      wb,
      '奖补测算',
      `技术转移奖补测算（${year}年，截至报表日）`,
      '按已认定登记合同的实际到账测算；关联交易不计；金额单位：万元',
      6,
    );
    header(b, ['类别', '申领方', '到账基数', '比例', '测算额', '核定额（含上限）']);
    for (const claim of subsidy.claims) {
      body(
        b,
        [
          SUBSIDY_CLAIMANT_LABELS[claim.kind]['zh-CN'],
          claim.name,
          fenToWanYuan(claim.baseFen),
          `${(claim.rateBp / 100).toFixed(2)}%`,
          fenToWanYuan(claim.rawFen),
          fenToWanYuan(claim.amountFen),
        ],
        [3, 5, 6],
      );
    }
    totals(b, ['合计', `${subsidy.claims.length} 项`, '', '', '', fenToWanYuan(subsidy.totalFen)], [6]);

    // 4. 重点企业研发投入.
    const r = sheet(
      wb,
      '重点企业研发投入',
      `重点监测企业研发投入增长情况（${year}年）`,
      `目标：同比增长 ${rnd.targetGrowthPercent}% 以上；金额单位：万元`,
      5,
    );
    header(r, ['企业名称', `${year - 1}年研发投入`, `${year}年研发投入`, '同比增长', '是否达标']);
    const growth = (bp: number | null): string => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);
    const met = (m: boolean | null): string => (m === null ? '未填报' : m ? '达标' : '未达标');
    for (const e of rnd.enterprises) {
      body(
        r,
        [
          e.name,
          e.previousAmountFen === null ? '—' : fenToWanYuan(e.previousAmountFen),
          e.amountFen === null ? '—' : fenToWanYuan(e.amountFen),
          growth(e.growthBp),
          met(e.meetsTarget),
        ],
        [2, 3],
      );
    }
    totals(
      r,
      [
        '合计（两年均填报的企业）',
        fenToWanYuan(rnd.previousTotalFen),
        fenToWanYuan(rnd.totalFen),
        growth(rnd.growthBp),
        met(rnd.meetsTarget),
      ],
      [2, 3],
    );

    // 5. 指标说明.
    const d = sheet(wb, '指标说明', '指标定义与统计口径', ISSUER, 2);
    header(d, ['指标', '定义']);
    for (const def of KPI_DEFINITIONS) body(d, [def.label['zh-CN'], def.text['zh-CN']], []);
    body(
      d,
      [
        '金额单位',
        '万元，保留两位小数（按分四舍五入）；合计数按分精确汇总后再换算，可能与分项之和相差 0.01。',
      ],
      [],
    );
    body(d, ['本月', `签订日期在 ${month} 内、已认定登记且链条完整（合同、公示、签订、登记）的合同。`], []);
    body(d, ['本年累计 / 上年同期累计', '当年 1 月 1 日至本月末 / 上年同一期间签订的同口径合同。'], []);
    body(
      d,
      [
        '奖补测算',
        '南京市技术转移奖补：技术转移机构 2%（年上限 50 万元）、技术吸纳企业 5%（100 万元）、技术经理人 1%（5 万元），以当年到账为基数。',
      ],
      [],
    );
    d.getColumn(2).width = 100;
    d.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private async yearRecords(year: number): Promise<KpiRecordDto[]> {
    const out: KpiRecordDto[] = [];
    for (let offset = 0; ; offset += 10_000) {
      const page = await this.figures.records({
        year,
        view: KpiView.REGISTERED,
        basis: KpiBasis.SIGNED,
        limit: 10_000,
        offset,
      });
      out.push(...page.items);
      if (page.items.length < 10_000) return out;
    }
  }
}

/** A sheet with the clerk's heading block: title (merged, bold), the unit line, the issuer, then the table. */
function sheet(wb: Workbook, name: string, title: string, unit: string, columns: number): Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.mergeCells(1, 1, 1, columns);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, columns);
  ws.getCell(2, 1).value = unit;
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  ws.mergeCells(3, 1, 3, columns);
  ws.getCell(3, 1).value = `编制：${ISSUER}`;
  for (let i = 1; i <= columns; i++) ws.getColumn(i).width = i === 1 ? 30 : 16;
  return ws;
}

function header(ws: Worksheet, labels: string[]): void {
  const row = ws.addRow(labels);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ws.views = [{ state: 'frozen', ySplit: row.number }];
}

function body(ws: Worksheet, values: Array<string | number | Date>, moneyColumns: number[]): void {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.border = THIN;
    if (moneyColumns.includes(col)) cell.numFmt = WAN;
    if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
  });
}

function totals(ws: Worksheet, values: Array<string | number | Date>, moneyColumns: number[]): void {
  body(ws, values, moneyColumns);
  const row = ws.lastRow;
  if (row) row.font = { bold: true };
}
