import { Module } from '@nestjs/common';
import { DealsModule } from '@xkx/api/modules/deals/deals.module';
import { CarriersController, DealLandingController } from './carriers.controller';
import { CarriersService } from './carriers.service';
import { LandingsService } from './landings.service';

/** 科创载体 and the landings of signed deals (issue 16). The KPI module reads the landings in SQL. */
@Module({
  imports: [DealsModule],
  controllers: [CarriersController, DealLandingController],
  providers: [CarriersService, LandingsService],
})
export class CarriersModule {}
