import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { Authenticated } from '../../../common/decorators/public.decorator';
import { KpiCache } from '../kpi-cache.service';
import { KpiCultivationService } from './kpi-cultivation.service';
import { CultivationReportDto, LandingKpiDto, LandingQueryDto, LandingRecordsDto, LandingRecordsQueryDto } from './kpi-landings.dto';
import { KpiLandingsService } from './kpi-landings.service';

/** Issue 16's figures: landed projects (项目落地) and enterprise cultivation (高企, 专精特新). docs/KPI.md. */
@ApiTags('kpis')
@Controller('kpis')
export class KpiLandingsController {
  constructor(
    private readonly landings: KpiLandingsService,
    private readonly cultivationService: KpiCultivationService,
    private readonly cache: KpiCache,
  ) {}

  @Get('landings')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: LandingKpiDto })
  figures(@Query() q: LandingQueryDto): Promise<LandingKpiDto> {
    return this.cache.get('landings', q, () => this.landings.figures(q));
  }

  /** The landings behind the figure (no dimension) or a bar (dimension + key); totals equal it. */
  @Get('landings/records')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: LandingRecordsDto })
  records(@Query() q: LandingRecordsQueryDto): Promise<LandingRecordsDto> {
    return this.cache.get('landings/records', q, () => this.landings.records(q));
  }

  @Get('cultivation')
  @Authenticated(Permission.KPI_READ)
  @ApiOkResponse({ type: CultivationReportDto })
  cultivation(@Query() q: LandingQueryDto): Promise<CultivationReportDto> {
    return this.cache.get('cultivation', q, () => this.cultivationService.report(q));
  }
}
