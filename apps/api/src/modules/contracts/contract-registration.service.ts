import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, canMoveRegistration, ErrorCode, REGISTRATION_STATUS_LABELS, RegistrationStatus } from '@xkx/contracts';
import { fenToYuanString, isValidRegistrationNumber, shanghaiDate } from '@xkx/util';
import { DataSource, Not } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { recordDealEventById } from '@xkx/api/modules/deals/deal-events';
import { ContractConfigService } from './contract-config.service';
import { ContractsService } from './contracts.service';
import { UpdateRegistrationDto } from './dto/contract-write.dto';
import { ContractEntity } from './entities/contract.entity';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { contractSubject } from '@xkx/api/modules/audit/audit-subjects';

const REGISTRATION_AUDITED_FIELDS = ['registrationStatus', 'registrationNumber', 'registeredIncomeFen', 'registrationSubmittedOn', 'registrationDecidedOn', 'registrationNote'] as const;

/**
 * 认定登记: not submitted → submitted → registered (16-digit number, 核定技术性收入额) | refused
 * (未予登记, with the reason) → resubmitted. Which extra fields the form needs is data.
 */
@Injectable()
export class ContractRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly config: ContractConfigService,
  ) {}

  async update(id: string, dto: UpdateRegistrationDto, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.contracts.lock(manager, id, user, dto.version);
      await this.contracts.assertSigned(manager, c);
      const from = c.registrationStatus;
      const to = dto.status;
      const editInPlace = from === to && (to === 'NOT_SUBMITTED' || to === 'SUBMITTED');
      if (!editInPlace && !canMoveRegistration(from, to)) {
        throw new DomainException(ErrorCode.REGISTRATION_TRANSITION_NOT_ALLOWED, HttpStatus.CONFLICT, [], { registrationStatus: from, to });
      }
      const extra = { ...c.registrationExtra, ...(dto.extra ?? {}) };
      const today = shanghaiDate();
      const issues: FieldIssue[] = await this.config.extraIssues(manager, c.typeCode, extra, to !== 'NOT_SUBMITTED');
      if (to !== 'NOT_SUBMITTED' && (await this.config.asksInvestment(manager, c.typeCode)) && (c.expectedInvestmentFen === null || c.expectedOutputFen === null)) {
        issues.push({ field: 'expectedInvestmentFen', constraint: 'transferFieldsRequired', args: [] });
      }
      const submittedOn = to === 'NOT_SUBMITTED' ? null : (dto.submittedOn ?? c.registrationSubmittedOn ?? today);
      const decided = to === 'REGISTERED' || to === 'REFUSED';
      const decidedOn = decided ? (dto.decidedOn ?? today) : null;
      if (submittedOn && submittedOn < c.signedOn) issues.push({ field: 'submittedOn', constraint: 'dateOrder', args: [c.signedOn] });
      if (decidedOn && submittedOn && decidedOn < submittedOn) issues.push({ field: 'decidedOn', constraint: 'dateOrder', args: [submittedOn] });
      if (to === 'REGISTERED') {
        if (!dto.registrationNumber) issues.push({ field: 'registrationNumber', constraint: 'isDefined', args: [] });
        else if (!isValidRegistrationNumber(dto.registrationNumber)) issues.push({ field: 'registrationNumber', constraint: 'isRegistrationNumber', args: [] });
        if (dto.registeredIncomeFen === undefined) issues.push({ field: 'registeredIncomeFen', constraint: 'isDefined', args: [] });
        else if (dto.registeredIncomeFen > c.technicalAmountFen) issues.push({ field: 'registeredIncomeFen', constraint: 'incomeExceedsTechnical', args: [] });
      }
      if (to === 'REFUSED' && !dto.note?.trim()) issues.push({ field: 'note', constraint: 'isNotEmpty', args: [] });
      if (issues.length > 0) throw DomainException.validation(issues);
      if (to === 'REGISTERED' && dto.registrationNumber && (await manager.existsBy(ContractEntity, { registrationNumber: dto.registrationNumber, id: Not(c.id) }))) {
        throw new DomainException(ErrorCode.CONFLICT, HttpStatus.CONFLICT, [{ field: 'registrationNumber', constraint: 'registrationNumberTaken', args: [] }]);
      }
      const before = { ...c };
      Object.assign(c, {
        registrationStatus: to,
        registrationExtra: extra,
        registrationSubmittedOn: submittedOn,
        registrationDecidedOn: decidedOn,
        registrationNumber: to === 'REGISTERED' ? (dto.registrationNumber ?? null) : null,
        registeredIncomeFen: to === 'REGISTERED' ? (dto.registeredIncomeFen ?? null) : null,
        registrationNote: dto.note ?? (to === from ? c.registrationNote : null),
      });
      await manager.save(c);
      await recordAudit(manager, { action: AuditAction.CONTRACT_REGISTRATION_CHANGED, actorId: user.id, ...contractSubject(c), changes: auditDiff(before, c, REGISTRATION_AUDITED_FIELDS) });
      if (c.dealId && to !== from) {
        const income = c.registeredIncomeFen !== null ? `，核定技术性收入 ¥${fenToYuanString(c.registeredIncomeFen)}` : '';
        await recordDealEventById(manager, c.dealId, user.id, 'REGISTRATION', `${c.code}：${REGISTRATION_STATUS_LABELS[to as RegistrationStatus]['zh-CN']}${c.registrationNumber ? `（${c.registrationNumber}）` : ''}${income}${c.registrationNote ? `。${c.registrationNote}` : ''}`);
      }
    });
  }
}
