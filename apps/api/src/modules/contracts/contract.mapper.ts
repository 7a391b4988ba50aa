import { EntityManager, In } from 'typeorm';
import { userNames } from '@xkx/api/modules/users/user-reader';
import { amendmentsOf, valuesOn } from './contract-amendments';
import { ContractDto } from './dto/contract-response.dto';
import { amounts } from './contract-rules';
import { ContractInstallmentEntity, ContractPaymentEntity } from './entities/contract-money.entity';
import { ContractTypeEntity } from './entities/contract-type.entity';
import { ContractEntity } from './entities/contract.entity';

/** Maps contracts with their type, schedule and payments to response DTOs (never entities). */
export async function toContractDtos(manager: EntityManager, contracts: ContractEntity[]): Promise<ContractDto[]> {
  if (contracts.length === 0) return [];
  const ids = contracts.map((c) => c.id);
  const amendments = await amendmentsOf(manager, ids);
  const authors = await userNames(manager, amendments.map((a) => a.authorId).filter((x): x is string => !!x));
  const [types, schedule, payments] = await Promise.all([
    manager.find(ContractTypeEntity, { where: { code: In([...new Set([...contracts.map((c) => c.typeCode), ...amendments.map((a) => a.typeCode)])]) } }),
    manager.find(ContractInstallmentEntity, { where: { contractId: In(ids) }, order: { position: 'ASC' } }),
    manager.find(ContractPaymentEntity, { where: { contractId: In(ids) }, order: { receivedOn: 'ASC', createdAt: 'ASC' } }),
  ]);
  return contracts.map((c) => {
    // Amounts, parties and type as in effect today: a registered contract's corrections are amendments.
    const now = valuesOn(c, amendments);
    const type = types.find((t) => t.code === now.typeCode);
    const own = payments.filter((p) => p.contractId === c.id);
    return {
      id: c.id,
      code: c.code,
      dealId: c.dealId,
      contractNo: c.contractNo,
      type: { code: now.typeCode, parentCode: type?.parentCode ?? null, nameZh: type?.nameZh ?? now.typeCode, nameEn: type?.nameEn ?? now.typeCode, asksInvestment: type?.asksInvestment ?? false, sort: type?.sort ?? 0, active: type?.active ?? false },
      projectName: c.projectName,
      signedOn: c.signedOn,
      termStart: c.termStart,
      termEnd: c.termEnd,
      seller: { name: now.sellerName, creditCode: now.sellerCreditCode, areaCode: now.sellerAreaCode, legalPersonType: c.sellerLegalPersonType, organizationId: c.sellerOrganizationId },
      buyer: { name: now.buyerName, creditCode: now.buyerCreditCode, areaCode: now.buyerAreaCode, legalPersonType: c.buyerLegalPersonType, organizationId: c.buyerOrganizationId },
      amounts: amounts(now.contractAmountFen, now.nonTechnicalCostFen, c.receivedFen),
      amendments: amendments
        .filter((a) => a.contractId === c.id)
        .map((a) => ({
          id: a.id,
          effectiveOn: a.effectiveOn,
          reason: a.reason,
          author: a.authorId ? { id: a.authorId, name: authors.find((u) => u.id === a.authorId)?.name ?? '' } : null,
          createdAt: a.createdAt.toISOString(),
          changes: a.changes,
        })),
      expectedInvestmentFen: c.expectedInvestmentFen,
      expectedOutputFen: c.expectedOutputFen,
      schedule: schedule.filter((s) => s.contractId === c.id).map((s) => ({ dueOn: s.dueOn, amountFen: s.amountFen, description: s.description })),
      payments: own.map((p) => ({ id: p.id, receivedOn: p.receivedOn, amountFen: p.amountFen, evidenceNote: p.evidenceNote, recordedById: p.recordedById, createdAt: p.createdAt.toISOString() })),
      registration: {
        status: c.registrationStatus,
        registrationNumber: c.registrationNumber,
        registeredIncomeFen: c.registeredIncomeFen,
        submittedOn: c.registrationSubmittedOn,
        decidedOn: c.registrationDecidedOn,
        note: c.registrationNote,
        extra: c.registrationExtra,
      },
      updatedAt: c.updatedAt.toISOString(),
      version: c.version,
    };
  });
}
