import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, ErrorCode, RegistrationStatus } from '@xkx/contracts';
import { fenToYuanString, shanghaiDate } from '@xkx/util';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { contractSubject } from '@xkx/api/modules/audit/audit-subjects';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { recordDealEventById } from '@xkx/api/modules/deals/deal-events';
import { amendmentsOf, diffFrozen, frozenOf, FrozenValues } from './contract-amendments';
import { ContractConfigService } from './contract-config.service';
import { amountIssues } from './contract-rules';
import { ContractsService } from './contracts.service';
import { AmendContractDto } from './dto/contract-write.dto';
import { ContractAmendmentEntity } from './entities/contract-amendment.entity';

const FROZEN_FIELDS: ReadonlyArray<keyof FrozenValues> = ['contractAmountFen', 'nonTechnicalCostFen', 'technicalAmountFen', 'typeCode', 'sellerName', 'sellerCreditCode', 'sellerAreaCode', 'buyerName', 'buyerCreditCode', 'buyerAreaCode'];
const MONEY = new Set(['contractAmountFen', 'nonTechnicalCostFen', 'technicalAmountFen']);

/**
 * Corrections of a registered contract (变更): its amounts, parties and type are frozen at registration,
 * so a correction is a new record with its author, time, reason, effective date and before → after. The
 * ledger reads the values in effect at its as-of date; the contract's own row keeps what was registered.
 */
@Injectable()
export class ContractAmendmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly config: ContractConfigService,
    private readonly audit: AuditService,
  ) {}

  async amend(id: string, dto: AmendContractDto, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.contracts.lock(manager, id, user, dto.version);
      if (c.registrationStatus !== RegistrationStatus.REGISTERED) throw new DomainException(ErrorCode.CONTRACT_AMENDMENT_NOT_ALLOWED, HttpStatus.CONFLICT);
      await this.contracts.assertSigned(manager, c);
      if (dto.typeCode) await this.config.assertSelectableType(manager, dto.typeCode);
      const history = await amendmentsOf(manager, [id]);
      const latest = history[history.length - 1];
      // Amendments apply in order: each starts from the one before (or the registered values).
      const before: FrozenValues = frozenOf(latest ?? c);
      const contractAmountFen = dto.contractAmountFen ?? before.contractAmountFen;
      const nonTechnicalCostFen = dto.nonTechnicalCostFen ?? before.nonTechnicalCostFen;
      const after: FrozenValues = {
        contractAmountFen,
        nonTechnicalCostFen,
        technicalAmountFen: contractAmountFen - nonTechnicalCostFen,
        typeCode: dto.typeCode ?? before.typeCode,
        sellerName: dto.seller?.name ?? before.sellerName,
        sellerCreditCode: dto.seller?.creditCode !== undefined ? (dto.seller.creditCode?.trim().toUpperCase() ?? null) : before.sellerCreditCode,
        sellerAreaCode: dto.seller?.areaCode ?? before.sellerAreaCode,
        buyerName: dto.buyer?.name ?? before.buyerName,
        buyerCreditCode: dto.buyer?.creditCode !== undefined ? (dto.buyer.creditCode?.trim().toUpperCase() ?? null) : before.buyerCreditCode,
        buyerAreaCode: dto.buyer?.areaCode ?? before.buyerAreaCode,
      };
      const received = await this.contracts.received(manager, id);
      const notBefore = latest?.effectiveOn ?? c.registrationDecidedOn ?? c.signedOn;
      const changes = diffFrozen(before, after);
      const issues: FieldIssue[] = [
        ...amountIssues(after.contractAmountFen, after.nonTechnicalCostFen),
        ...(received > after.contractAmountFen ? [{ field: 'contractAmountFen', constraint: 'min', args: [received] }] : []),
        ...(c.registeredIncomeFen !== null && after.technicalAmountFen < c.registeredIncomeFen ? [{ field: 'contractAmountFen', constraint: 'incomeExceedsTechnical', args: [] }] : []),
        ...(dto.effectiveOn < notBefore ? [{ field: 'effectiveOn', constraint: 'dateOrder', args: [notBefore] }] : []),
        ...(changes.length === 0 ? [{ field: 'contractAmountFen', constraint: 'amendmentEmpty', args: [] }] : []),
      ];
      if (issues.length > 0) throw DomainException.validation(issues);
      await manager.insert(ContractAmendmentEntity, { contractId: id, authorId: user.id, effectiveOn: dto.effectiveOn, reason: dto.reason, ...after, changes });
      // A new version, so a client holding the old one learns the contract changed.
      c.updatedAt = new Date();
      await manager.save(c);
      // The audit trail: who, why, from when, and before → after of every frozen value changed.
      await this.audit.record(
        {
          action: AuditAction.CONTRACT_AMENDED,
          actorId: user.id,
          ...contractSubject(c),
          changes: auditDiff(before, after, FROZEN_FIELDS),
          details: { reason: dto.reason, effectiveOn: dto.effectiveOn },
        },
        manager,
      );
      if (c.dealId) {
        const words = changes
          .filter((ch) => ch.field !== 'technicalAmountFen')
          .map((ch) => `${ch.field}：${show(ch.field, ch.before)} → ${show(ch.field, ch.after)}`)
          .join('；');
        await recordDealEventById(manager, c.dealId, user.id, 'CONTRACT_AMENDED', `${c.code} 变更（${dto.effectiveOn} 起生效，记录于 ${shanghaiDate()}）：${words}。原因：${dto.reason}`);
      }
    });
  }
}

function show(field: string, value: string | number | null): string {
  if (value === null) return '—';
  return MONEY.has(field) && typeof value === 'number' ? `¥${fenToYuanString(value)}` : String(value);
}
