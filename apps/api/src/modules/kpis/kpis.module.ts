import { Module } from '@nestjs/common';
import { KpiCache } from './kpi-cache.service';
import { KPI_CONFIG, DEFAULT_KPI_CONFIG } from './kpi-config';
import { KpiExportService } from './kpi-export.service';
import { KpiFiguresService } from './kpi-figures.service';
import { KpiFunnelService } from './kpi-funnel.service';
import { KpiTargetsService } from './kpi-targets.service';
import { KpisController } from './kpis.controller';
import { KpiCultivationService } from './landings/kpi-cultivation.service';
import { KpiLandingsController } from './landings/kpi-landings.controller';
import { KpiLandingsService } from './landings/kpi-landings.service';
import { MonthlyReportJob } from './monthly/monthly-report.job';
import { MonthlyReportService } from './monthly/monthly-report.service';
import { RndSpendingService } from './rnd-spending.service';
import { SubsidiesService } from './subsidies.service';

/** The KPI ledger. Reads contracts, deals, payments and matches in SQL; writes only its own tables. */
@Module({
  controllers: [KpisController, KpiLandingsController],
  providers: [{ provide: KPI_CONFIG, useValue: DEFAULT_KPI_CONFIG }, KpiCache, KpiFiguresService, KpiFunnelService, KpiTargetsService, RndSpendingService, SubsidiesService, KpiExportService, MonthlyReportService, MonthlyReportJob, KpiLandingsService, KpiCultivationService],
  exports: [KpiFiguresService, KPI_CONFIG],
})
export class KpisModule {}
