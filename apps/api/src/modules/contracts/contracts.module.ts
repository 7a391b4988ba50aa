import { Module } from '@nestjs/common';
import { DealsModule } from '@xkx/api/modules/deals/deals.module';
import { ContractConfigController } from './contract-config.controller';
import { ContractAmendmentsService } from './contract-amendments.service';
import { ContractConfigService } from './contract-config.service';
import { ContractRegistrationService } from './contract-registration.service';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { DealHistoryController } from './history.controller';

/** Technology contracts, their money and their registration; reads deal access from the deals module. */
@Module({
  imports: [DealsModule],
  controllers: [ContractsController, ContractConfigController, DealHistoryController],
  providers: [ContractsService, ContractRegistrationService, ContractConfigService, ContractAmendmentsService],
  exports: [ContractsService],
})
export class ContractsModule {}
