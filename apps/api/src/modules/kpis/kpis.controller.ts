import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import {
  ContractIdParamDto, KpiBreakdownQueryDto, KpiFiguresQueryDto, KpiFunnelQueryDto, KpiPublicQueryDto, KpiRecordsQueryDto, KpiYearQueryDto, MonthlyReportQueryDto, PutKpiTargetsDto, PutRelatedPartyDto, PutRndSpendingDto, RndSpendingParamsDto,
} from './dto/kpi-query.dto';
import {
  KpiBreakdownDto, KpiFunnelDto, KpiHeadlineDto, KpiPublicHeadlineDto, KpiRecordsDto, KpiTargetsDto, MyRndSpendingDto, RelatedPartyDto, RndSpendingDto, RndSpendingReportDto, SubsidyReportDto,
} from './dto/kpi-response.dto';
import { KpiCache } from './kpi-cache.service';
import { MonthlyReportService } from './monthly/monthly-report.service';
import { KpiExportService } from './kpi-export.service';
import { KpiFiguresService } from './kpi-figures.service';
import { KpiFunnelService } from './kpi-funnel.service';
import { KpiTargetsService } from './kpi-targets.service';
import { RndSpendingService } from './rnd-spending.service';
import { SubsidiesService } from './subsidies.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The KPI ledger: every figure with its definition and the contracts behind it (docs/KPI.md). */
@ApiTags('kpis')
@Controller('kpis')
export class KpisController {
  constructor(
    private readonly figures: KpiFiguresService,
    private readonly funnelService: KpiFunnelService,
    private readonly targetsService: KpiTargetsService,
    private readonly rnd: RndSpendingService,
    private readonly subsidiesService: SubsidiesService,
    private readonly exports: KpiExportService,
    private readonly cache: KpiCache,
    private readonly monthly: MonthlyReportService,
  ) {}

  @Get()
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: KpiHeadlineDto })
  headline(@Query() q: KpiFiguresQueryDto): Promise<KpiHeadlineDto> {
    return this.cache.get('headline', q, () => this.figures.headline(q));
  }

  /** The public portal's headline, year to date: projects and contract amount against the targets. */
  @Get('public')
  @Public()
  @ApiOkResponse({ type: KpiPublicHeadlineDto })
  publicHeadline(@Query() q: KpiPublicQueryDto): Promise<KpiPublicHeadlineDto> {
    return this.cache.get('public', q, () => this.figures.publicHeadline(q.year, q.view));
  }

  @Get('breakdown')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: KpiBreakdownDto })
  breakdown(@Query() q: KpiBreakdownQueryDto): Promise<KpiBreakdownDto> {
    return this.cache.get('breakdown', q, () => this.figures.breakdown(q));
  }

  /** The contracts behind a figure (no dimension) or a bar (dimension + key); their amounts add up to it. */
  @Get('records')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: KpiRecordsDto })
  records(@Query() q: KpiRecordsQueryDto): Promise<KpiRecordsDto> {
    return this.cache.get('records', q, () => this.figures.records(q));
  }

  @Get('funnel')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: KpiFunnelDto })
  funnel(@Query() q: KpiFunnelQueryDto): Promise<KpiFunnelDto> {
    return this.cache.get('funnel', q, () => this.funnelService.funnel(q.year, q.brokerId ?? null));
  }

  @Get('subsidies')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: SubsidyReportDto })
  subsidies(@Query() q: KpiYearQueryDto): Promise<SubsidyReportDto> {
    return this.cache.get('subsidies', q, () => this.subsidiesService.report(q.year));
  }

  /** The subsidy report as a workbook: 奖补汇总 (with 合计), 奖补明细, 不予奖补, 说明. */
  @Get('subsidies/export.xlsx')
  @Authenticated(Permission.KPI_READ)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  async exportSubsidies(@Query() q: KpiYearQueryDto, @Res() res: Response): Promise<void> {
    const buffer = await this.exports.subsidyWorkbook(q.year);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="subsidies-${q.year}.xlsx"`);
    res.send(buffer);
  }

  @Put('related-parties/:contractId')
  @Authenticated(Permission.KPI_MANAGE)
  @ApiOkResponse({ type: RelatedPartyDto })
  markRelatedParty(@Param() p: ContractIdParamDto, @Body() dto: PutRelatedPartyDto, @CurrentUser() user: AuthUser): Promise<RelatedPartyDto> {
    return this.subsidiesService.markRelatedParty(p.contractId, dto, user);
  }

  @Get('rnd-spending')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: RndSpendingReportDto })
  rndSpending(@Query() q: KpiYearQueryDto): Promise<RndSpendingReportDto> {
    return this.rnd.report(q.year);
  }

  /** The caller's own enterprise's R&D spending for the year and the year before. */
  @Get('rnd-spending/mine')
  @Authenticated(Permission.RND_SPENDING_WRITE)
  @ApiOkResponse({ type: MyRndSpendingDto })
  myRndSpending(@Query() q: KpiYearQueryDto, @CurrentUser() user: AuthUser): Promise<MyRndSpendingDto> {
    return this.rnd.mine(q.year, user);
  }

  /** An enterprise enters its own R&D spending; a broker any key monitored enterprise's. */
  @Put('rnd-spending/:organizationId/:year')
  @Authenticated(Permission.RND_SPENDING_WRITE)
  @ApiOkResponse({ type: RndSpendingDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'KPI_ENTERPRISE_NOT_MONITORED' })
  putRndSpending(@Param() p: RndSpendingParamsDto, @Body() dto: PutRndSpendingDto, @CurrentUser() user: AuthUser): Promise<RndSpendingDto> {
    return this.rnd.put(p.organizationId, p.year, dto, user);
  }

  @Get('targets')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: KpiTargetsDto })
  targets(@Query() q: KpiYearQueryDto): Promise<KpiTargetsDto> {
    return this.targetsService.get(q.year);
  }

  @Put('targets')
  @Authenticated(Permission.KPI_MANAGE)
  @ApiOkResponse({ type: KpiTargetsDto })
  putTargets(@Body() dto: PutKpiTargetsDto, @CurrentUser() user: AuthUser): Promise<KpiTargetsDto> {
    return this.targetsService.put(dto, user);
  }

  /** Summary sheet, one sheet per breakdown, the contract rows, then the subsidies. */
  @Get('export.xlsx')
  @Authenticated(Permission.KPI_READ)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  async exportXlsx(@Query() q: KpiFiguresQueryDto, @Res() res: Response): Promise<void> {
    const buffer = await this.exports.workbook(q);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="kpi-${q.year}.xlsx"`);
    res.send(buffer);
  }

  /** The district's monthly report (万元, totals, contracts, subsidies, R&D growth, definitions), as the 科技局 files it. */
  @Get('reports/monthly.xlsx')
  @Authenticated(Permission.KPI_READ)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An .xlsx workbook for one month', schema: { type: 'string', format: 'binary' } })
  async monthlyReport(@Query() q: MonthlyReportQueryDto, @Res() res: Response): Promise<void> {
    const buffer = await this.monthly.workbook(q.month);
    const name = `栖霞区技术转移工作月报-${q.month}.xlsx`;
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="monthly-report-${q.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.send(buffer);
  }

  /** The same rows as /api/kpis/records (same filters), as CSV. */
  @Get('export.csv')
  @Authenticated(Permission.KPI_READ)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with BOM', schema: { type: 'string' } })
  async exportCsv(@Query() q: KpiRecordsQueryDto, @Res() res: Response): Promise<void> {
    const csv = await this.exports.csv(q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="kpi-${q.year}.csv"`);
    res.send(csv);
  }
}
