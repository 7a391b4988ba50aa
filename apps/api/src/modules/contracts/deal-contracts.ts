import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DealContractFacts, DealContracts } from '@xkx/api/modules/deals/deal-contracts.port';
import { ContractEntity } from './entities/contract.entity';

/** The contracts module's implementation of the deals module's DealContracts port (its own table). */
@Injectable()
export class ContractsOfDeal extends DealContracts {
  async ofDeal(manager: EntityManager, dealId: string): Promise<DealContractFacts[]> {
    const rows = await manager.find(ContractEntity, {
      where: { dealId },
      select: ['id', 'code', 'typeCode', 'projectName', 'contractAmountFen', 'technicalAmountFen', 'receivedFen', 'registrationStatus', 'signedOn', 'registrationSubmittedOn', 'registrationDecidedOn', 'firstReceivedOn'],
      order: { createdAt: 'ASC' },
    });
    return rows.map((c) => ({
      id: c.id,
      code: c.code,
      typeCode: c.typeCode,
      projectName: c.projectName,
      contractAmountFen: c.contractAmountFen,
      technicalAmountFen: c.technicalAmountFen,
      receivedFen: c.receivedFen,
      registrationStatus: c.registrationStatus,
      signedOn: c.signedOn,
      registrationSubmittedOn: c.registrationSubmittedOn,
      registrationDecidedOn: c.registrationDecidedOn,
      firstReceivedOn: c.firstReceivedOn,
    }));
  }
}

/**
 * Provides the port to the deals module without deals importing this one (contracts imports deals).
 * Imported once, by AppModule.
 */
@Global()
@Module({
  providers: [{ provide: DealContracts, useClass: ContractsOfDeal }],
  exports: [DealContracts],
})
export class DealContractsModule {}
