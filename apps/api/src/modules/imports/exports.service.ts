import { Injectable } from '@nestjs/common';
import { ListingKind, TRANSFER_MODE_LABELS, LISTING_STATUS_LABELS } from '@xkx/contracts';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { beijingDateTime, boldHeader, calendarDate, codeNames, dateColumn, dateTimeColumn, fenToWanNumber, wanColumn } from '../../common/excel/excel-cells';
import { SearchHitDto, SearchListingsQueryDto } from '@xkx/api/modules/listings/dto/search.dto';
import { ListingSearchService } from '@xkx/api/modules/listings/listing-search.service';
import { kindSpec } from '@xkx/api/modules/listings/listing-kinds';

export const MAX_EXPORT_ROWS = 10_000;

/** Any search result list, as an .xlsx workbook: the public layer of each hit, in search order. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly search: ListingSearchService,
    private readonly dataSource: DataSource,
  ) {}

  async export(kind: ListingKind, query: SearchListingsQueryDto, user: AuthUser): Promise<{ buffer: Buffer; rows: number }> {
    const hits: SearchHitDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.search.search(kind, { ...query, limit: 100, facets: false, cursor }, user);
      hits.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && hits.length < MAX_EXPORT_ROWS);
    const fieldNames = await codeNames(this.dataSource, 'technology_field');
    const workbook = new Workbook();
    const spec = kindSpec(kind);
    const words = spec.sheetHeadings;
    const sheet = workbook.addWorksheet(spec.nameZh);
    sheet.columns = [
      { header: '编号', key: 'code', width: 14 },
      { header: words.title, key: 'title', width: 36 },
      { header: words.subtitle, key: 'subtitle', width: 36 },
      { header: words.organization, key: 'organization', width: 26 },
      { header: '技术领域', key: 'fields', width: 14 },
      { header: '关键词', key: 'keywords', width: 24 },
      { header: words.trl, key: 'trl', width: 8 },
      { header: words.modes, key: 'modes', width: 24 },
      { header: '面议', key: 'negotiable', width: 6 },
      { header: words.moneyMin, key: 'min', width: 14, ...wanColumn },
      { header: words.moneyMax, key: 'max', width: 14, ...wanColumn },
      { header: '状态', key: 'status', width: 10 },
      { header: '发布时间', key: 'publishedAt', width: 18, ...dateTimeColumn },
      { header: '有效期至', key: 'validUntil', width: 12, ...dateColumn },
    ];
    boldHeader(sheet);
    for (const h of hits.slice(0, MAX_EXPORT_ROWS)) {
      sheet.addRow({
        code: h.code,
        title: h.title,
        subtitle: h.subtitle,
        organization: h.organization?.nameZh ?? '（匿名）',
        fields: h.fieldCodes.map((c) => fieldNames.get(c) ?? c).join('、'),
        keywords: h.keywords.join('，'),
        trl: h.trl ?? '',
        modes: h.modes.map((m) => TRANSFER_MODE_LABELS[m]['zh-CN']).join('、'),
        negotiable: h.money.negotiable ? '是' : '否',
        // 万元 as numbers a clerk can sum (the import reads them back exactly, to the fen).
        min: fenToWanNumber(h.money.minFen),
        max: fenToWanNumber(h.money.maxFen),
        status: LISTING_STATUS_LABELS[h.status]['zh-CN'],
        publishedAt: beijingDateTime(h.publishedAt),
        validUntil: calendarDate(h.validUntil),
      });
    }
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), rows: Math.min(hits.length, MAX_EXPORT_ROWS) };
  }
}
