import { Injectable } from '@nestjs/common';
import { DEAL_STAGE_LABELS } from '@xkx/contracts';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { beijingDateTime, boldHeader, calendarDate, dateColumn, dateTimeColumn, fenToYuanNumber, yuanColumn } from '../../common/excel/excel-cells';
import { fieldNames } from '@xkx/api/modules/taxonomy/field-reader';
import { DealQueriesService } from './deal-queries.service';
import { DealFilterQueryDto } from './dto/deal-write.dto';

export const MAX_DEAL_EXPORT_ROWS = 5_000;

/** The broker's deal list (same filters and order as GET /api/deals) as an .xlsx workbook, in words, not codes. */
@Injectable()
export class DealExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: DealQueriesService,
  ) {}

  async export(query: DealFilterQueryDto, user: AuthUser): Promise<{ buffer: Buffer; rows: number }> {
    const deals = await this.queries.listForExport(query, user, MAX_DEAL_EXPORT_ROWS);
    const codes = [...new Set(deals.flatMap((d) => d.fieldCodes))];
    const fields = await fieldNames(this.dataSource.manager, codes);
    const fieldName = new Map(fields.map((f) => [f.code, f.nameZh]));
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('撮合项目');
    sheet.columns = [
      { header: '项目编号', key: 'code', width: 14 },
      { header: '项目名称', key: 'title', width: 36 },
      { header: '阶段', key: 'stage', width: 12 },
      { header: '成果方', key: 'institution', width: 24 },
      { header: '企业方', key: 'enterprise', width: 28 },
      { header: '技术经理人', key: 'brokers', width: 16 },
      { header: '技术领域', key: 'fields', width: 20 },
      { header: '下一步', key: 'nextAction', width: 30 },
      { header: '下一步截止日', key: 'nextActionDue', width: 14, ...dateColumn },
      { header: '逾期', key: 'overdue', width: 6 },
      { header: '约定价格（元）', key: 'agreedPrice', width: 16, ...yuanColumn },
      { header: '进入本阶段（北京时间）', key: 'stageChangedAt', width: 20, ...dateTimeColumn },
      { header: '最近更新（北京时间）', key: 'updatedAt', width: 20, ...dateTimeColumn },
    ];
    boldHeader(sheet);
    for (const d of deals) {
      sheet.addRow({
        code: d.code,
        title: d.title,
        stage: DEAL_STAGE_LABELS[d.stage]['zh-CN'],
        institution: d.institution.nameZh,
        enterprise: d.enterprise.nameZh,
        brokers: d.brokers.map((b) => b.name).join('、'),
        fields: d.fieldCodes.map((c) => fieldName.get(c) ?? c).join('、'),
        nextAction: d.nextAction ?? '',
        nextActionDue: calendarDate(d.nextActionDue),
        overdue: d.overdue ? '是' : '否',
        agreedPrice: d.agreedPriceFen === null ? null : fenToYuanNumber(d.agreedPriceFen),
        stageChangedAt: beijingDateTime(d.stageChangedAt),
        updatedAt: beijingDateTime(d.updatedAt),
      });
    }
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), rows: deals.length };
  }
}
